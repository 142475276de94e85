//! `learning-hub`: the district's reference hub. One SQLite file holds the kiosks, the
//! catalogue's change feed and every sign-up with its answer.

mod backup;
mod export;
mod http;
mod server;
mod store;
mod tls;
mod tokens;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use learning_core::domain::lang::Lang;
use store::sqlite::SqliteStore;
use store::{ImportError, Mended, Store, StoreError};

/// The district's learning hub: the catalogue feed and the sign-ups of its kiosks.
#[derive(Parser)]
#[command(name = "learning-hub", version, about)]
struct Cli {
    /// The hub's SQLite file.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        default_value = "learning-hub.sqlite"
    )]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the kiosks.
    Serve {
        /// Where to listen, e.g. 0.0.0.0:8080 (port 0: any free port, printed).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Seconds a request's header may take to arrive (also how long an idle connection
        /// stays open).
        #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
        header_timeout: u64,
        /// Seconds a request's body may take to arrive (a full batch over a slow link is
        /// well within it).
        #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
        body_timeout: u64,
        /// Connections served at once; more wait until one closes.
        #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=65536))]
        max_connections: u64,
        /// Hours before a session's start its waiting list stops moving up; after that a
        /// freed seat is open to anyone.
        #[arg(long, value_name = "HOURS", default_value_t = store::sqlite::PROMOTE_UNTIL_HOURS, value_parser = clap::value_parser!(i64).range(0..=720))]
        promote_until_hours: i64,
        /// Serve HTTPS with this PEM certificate chain (the hub's own certificate first);
        /// needs --tls-key.
        #[arg(long, value_name = "PEM", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The PEM private key of --tls-cert.
        #[arg(long, value_name = "PEM", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
    },
    /// Kiosks and their tokens.
    Kiosk {
        #[command(subcommand)]
        command: KioskCommand,
    },
    /// Imports a learning-catalogue/1 file, checked as the kiosks check it.
    Import {
        /// The catalogue file.
        file: PathBuf,
    },
    /// Exports what the hub holds.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Counts of what the hub holds.
    Status,
    /// Copies the database, consistently, while the hub serves (written beside FILE, then
    /// renamed over it).
    Backup {
        /// Where the copy goes (not the live database).
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum KioskCommand {
    /// Adds a kiosk and prints its new token (the last word); the hub keeps only a hash.
    Add {
        /// The kiosk's id.
        id: String,
        /// Give an existing kiosk a new token (its old one stops working).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Every sign-up with its card, activity, date, kiosk and answer.
    Signups {
        /// JSON for scripts (with the card in full, for the district's records).
        #[arg(long)]
        json: bool,
    },
    /// What mending an older hub file set aside (rows that did not read), as it was stored.
    SetAside {
        /// JSON for scripts (with the card as it was stored).
        #[arg(long)]
        json: bool,
    },
    /// One row per attendance, for the Credit Bank: card, activity, title, date, hours,
    /// credits, venue, district, kiosk, time.
    Credits {
        /// Only sessions on or after this date.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        since: Option<String>,
        /// JSON (the card in full, for the Credit Bank).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV with a header row (the card in full, for the Credit Bank).
        #[arg(long)]
        csv: bool,
    },
}

/// A date written `YYYY-MM-DD`, in both languages when it is not.
fn parse_date(s: &str) -> Result<String, learning_core::usage::Reason> {
    store::rules::canonical_date(s)
        .filter(|d| d == s)
        .ok_or_else(|| {
            learning_core::usage::Reason::new(
                s,
                "不是 YYYY-MM-DD 格式的日期 / not a date written YYYY-MM-DD",
            )
        })
}

fn main() -> ExitCode {
    let cli: Cli = learning_core::usage::parse_or_exit("learning-hub");
    match run(cli) {
        Ok(()) => ExitCode::from(learning_core::output::exit_code(0)),
        Err((code, message)) => {
            learning_core::say_err!("{message}");
            ExitCode::from(code)
        }
    }
}

type Failure = (u8, String);

/// A failure the system explains: the sentence whole in each language, then the system's
/// own words (often an English operating-system error) on a line of their own.
fn system_failure(code: u8, zh: &str, en: &str, detail: &dyn std::fmt::Display) -> Failure {
    (
        code,
        format!("{zh}\n{en}\n    系统详情 / System detail: {detail}"),
    )
}

fn db_failure(e: StoreError) -> Failure {
    system_failure(
        5,
        "学习中心的数据库出错了。",
        "The hub's database failed.",
        &e,
    )
}

fn run(cli: Cli) -> Result<(), Failure> {
    // A backup only reads the live file: it must not create, mend or migrate it.
    if let Command::Backup { file } = &cli.command {
        return backup(&cli.db, file);
    }
    // A certificate that will not do is found before the database is opened or a port taken.
    let tls = match &cli.command {
        Command::Serve {
            tls_cert: Some(cert),
            tls_key: Some(key),
            ..
        } => Some(tls::acceptor(cert, key).map_err(|e| {
            (
                1,
                format!(
                    "学习中心无法启用 HTTPS：文件 {} 不能用。\nThe hub cannot serve HTTPS: {e}.",
                    e.file.display()
                ),
            )
        })?),
        _ => None,
    };
    // A file from before the hub took only canonical forms is mended as it opens, once.
    let mut store = SqliteStore::open(&cli.db).map_err(db_failure)?;
    if let Command::Serve {
        promote_until_hours,
        ..
    } = &cli.command
    {
        store = store.promote_until_hours(*promote_until_hours);
    }
    let mended = store.mended();
    if *mended != Mended::default() {
        tracing::warn!(?mended, "sign-ups in old forms were mended or set aside");
    }
    match cli.command {
        Command::Serve {
            listen,
            header_timeout,
            body_timeout,
            max_connections,
            ..
        } => serve(
            Arc::new(store),
            &listen,
            server::Limits {
                header: Duration::from_secs(header_timeout),
                connections: usize::try_from(max_connections).unwrap_or(usize::MAX),
            },
            Duration::from_secs(body_timeout),
            tls,
        ),
        Command::Kiosk {
            command: KioskCommand::Add { id, replace },
        } => {
            if !learning_core::catalogue::load::valid_id(&id) {
                return Err((
                    2,
                    format!(
                        "编号只能用小写字母、数字、- _ . / A kiosk id is 1-64 of a-z 0-9 - _ .: {id}"
                    ),
                ));
            }
            let exists = store.kiosk_exists(&id).map_err(db_failure)?;
            if exists && !replace {
                return Err((
                    2,
                    format!(
                        "学习亭 {id} 已经有令牌；要换一个新的，请加 --replace（旧令牌随即失效）\nkiosk {id} already has a token; to give it a new one, add --replace (the old token stops working)"
                    ),
                ));
            }
            let token = tokens::new_token();
            store.set_kiosk_token(&id, &token).map_err(db_failure)?;
            if exists {
                learning_core::say!(
                    "kiosk {id} has a new token (the old one no longer works); give it this one (it is shown once): {token}"
                );
            } else {
                learning_core::say!(
                    "kiosk {id} added; give it this token (it is shown once): {token}"
                );
            }
            Ok(())
        }
        Command::Import { file } => match store.import(&file) {
            Ok(done) => {
                learning_core::say!(
                    "imported {}: {} new or changed, {} deleted, {} unchanged; feed at change {}",
                    file.display(),
                    done.changed,
                    done.deleted,
                    done.same,
                    store.last_seq().map_err(db_failure)?
                );
                Ok(())
            }
            Err(ImportError::Problems(p)) => {
                Err((3, format!("{}\n{}", p.report(Lang::Zh), p.report(Lang::En))))
            }
            Err(ImportError::Store(e)) => Err(db_failure(e)),
        },
        Command::Export {
            what: ExportWhat::Signups { json },
        } => export::signups(&store, json).map_err(db_failure),
        Command::Export {
            what: ExportWhat::SetAside { json },
        } => export::set_aside(&store, json).map_err(db_failure),
        Command::Export {
            what: ExportWhat::Credits { since, json, csv },
        } => {
            let form = match (json, csv) {
                (true, _) => export::Form::Json,
                (_, true) => export::Form::Csv,
                _ => export::Form::Text,
            };
            export::credits(&store, since.as_deref(), form).map_err(db_failure)
        }
        Command::Status => status(&store).map_err(db_failure),
        // Handled before the store is opened.
        Command::Backup { .. } => Ok(()),
    }
}

/// `backup FILE`: the copy, and what it holds.
fn backup(db: &std::path::Path, file: &std::path::Path) -> Result<(), Failure> {
    match backup::backup(db, file) {
        Ok(copied) => {
            learning_core::say!(
                "backed up {} to {}: {} pages, {} bytes, integrity ok",
                db.display(),
                file.display(),
                copied.pages,
                copied.bytes
            );
            Ok(())
        }
        Err(e) => Err((
            5,
            format!(
                "学习中心的备份没有完成（文件 {}）。\nThe hub's backup failed: {e}.",
                e.file().display()
            ),
        )),
    }
}

fn serve(
    store: Arc<dyn Store>,
    listen: &str,
    limits: server::Limits,
    body_timeout: Duration,
    tls: Option<tokio_rustls::TlsAcceptor>,
) -> Result<(), Failure> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LEARNING_HUB_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        // Its own report of a failed write is an `eprintln!`, which panics on a dead stderr.
        .log_internal_errors(false)
        .try_init();
    if let Err(e) = store.purge_tombstones(learning_wire::TOMBSTONE_DAYS) {
        tracing::warn!(error = %e, "could not purge old tombstones");
    }
    let hub = http::Hub::new(store, body_timeout);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // Every request's database work queues for one connection: more blocking threads
        // than a few would only wait there, each with its own stack and allocator arena.
        .max_blocking_threads(4)
        .enable_all()
        .build()
        .map_err(|e| system_failure(1, "无法启动。", "The hub cannot start.", &e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
            system_failure(
                1,
                &format!("无法在 {listen} 上接收连接。"),
                &format!("Cannot listen on {listen}."),
                &e,
            )
        })?;
        let addr = listener
            .local_addr()
            .map_err(|e| system_failure(1, "无法启动。", "The hub cannot start.", &e))?;
        // Tests and supervisors read this line for the port.
        learning_core::say!("listening on {addr}");
        let stop = async {
            // A supervisor stops the hub with SIGTERM; a person with Ctrl-C.
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = tokio::signal::ctrl_c() => {}
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        };
        server::serve(listener, http::router(hub), limits, tls, stop).await;
        Ok(())
    })
}

fn status(store: &dyn Store) -> Result<(), StoreError> {
    let status = store.status()?;
    learning_core::say!("kiosks: {}", status.kiosks);
    learning_core::say!(
        "catalogue: {} venues, {} activities; feed at change {}",
        status.venues,
        status.activities,
        status.last_seq
    );
    let mut total = 0;
    for (s, n) in &status.signups {
        learning_core::say!("sign-ups {s}: {n}");
        total += n;
    }
    learning_core::say!("sign-ups in all: {total}");
    for (s, n) in &status.cancels {
        learning_core::say!("cancels {s}: {n}");
    }
    for (s, n) in &status.checkins {
        learning_core::say!("check-ins {s}: {n}");
    }
    if status.promoted > 0 {
        learning_core::say!("moved up from a waiting list: {}", status.promoted);
    }
    let m = &status.mended;
    if *m != Mended::default() {
        learning_core::say!(
            "sign-ups mended from old forms: {}; a second hold of a session: {}; unreadable, set aside: {}; moved off a full session: {}",
            m.mended,
            m.duplicates,
            m.set_aside,
            m.over_capacity
        );
    }
    if status.earlier_set_aside > 0 {
        learning_core::say!(
            "an earlier mending set aside {} (second holds and unreadable rows together)",
            status.earlier_set_aside
        );
    }
    Ok(())
}
