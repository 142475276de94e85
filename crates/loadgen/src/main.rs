//! `learning-loadgen`: plays N kiosks against a real learning hub, over the kiosk's own sync
//! client ([`HubClient`]), so every request is one a kiosk would really send.
//!
//! ```text
//! learning-loadgen --url http://127.0.0.1:8080 --tokens tokens.txt --kiosks 20 \
//!     --scenario lone --duration 10 [--batch 50] [--catalogue FILE] [--header] [--json]
//! ```
//!
//! Each kiosk is a tokio task with its own client (its own connection) that sends its next
//! request as soon as the previous one is answered (a closed loop), for `--duration` seconds
//! after `--warmup` seconds (default 1) whose requests are not counted.
//!
//! Scenarios:
//! - `lone`: each request carries one sign-up, as a kiosk sends a new sign-up at once;
//! - `batch`: each request carries `--batch` sign-ups (default 50, at most the protocol's
//!   `MAX_BATCH`), as a kiosk empties its outbox after being offline;
//! - `first-sync`: one operation is a whole first sync, reading the feed from cursor 0 with
//!   `rebuild=true`, `MAX_PAGE` a page, until an empty page (requests are pages);
//! - `poll`: caught-up polls: each kiosk first reads the feed to its end (not counted), then
//!   asks again and again with its cursor and ETag; the hub should answer `304 Not Modified`.
//!
//! Sign-ups are real ones the hub judges: distinct valid card numbers (a district code, a
//! serial, the Luhn check digit), a fresh UUID v4 each, and a session (activity and date) the
//! hub's catalogue really has, starting after the run ends, with `created_at` now in +08:00.
//! The sessions come from the hub's own feed (read once with the first token) or from
//! `--catalogue FILE`, loaded by the kiosk's own catalogue loader; sign-ups are spread evenly
//! over up to 8 upcoming sessions of every activity. Many answers are `full` once sessions
//! fill up: answers are counted by status and reported.
//!
//! The report is one Markdown table row (`--header` prints the header first), or with
//! `--json` one JSON object on one line; `--json-file FILE` appends that object to a file as
//! well. Columns: requests (HTTP requests in the window), ops (sign-ups answered, whole first
//! syncs, or polls answered), their rates, latency p50/p99/max of answered operations (a
//! request, or a whole first sync) in ms, errors (failed requests), and, with `--hub-pid`, the
//! hub's CPU time in the window per request and its resident memory (read from `/proc`).
//! A failed request (a `SyncError`, an unreadable batch) is counted, not fatal; if every
//! request fails the run exits nonzero and says why.
//!
//! Tokens: `--tokens FILE` holds one kiosk token a line; N kiosks use the first N. Make them
//! with `learning-loadgen provision --db HUB.sqlite --hub-bin target/release/learning-hub
//! --count 200 --out tokens.txt`, which runs `learning-hub --db DB kiosk add kiosk-NNN` for
//! each kiosk (that command prints a line whose last word is the new token).
//!
//! `crates/loadgen/run.sh` runs the whole set against a fresh hub.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use chrono::SecondsFormat;
use clap::{Args, Parser, Subcommand, ValueEnum};
use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::load::{FORMAT, load_file, load_str};
use learning_kiosk::domain::card::{CardNumber, luhn_check_digit};
use learning_kiosk::domain::district::District;
use learning_kiosk::domain::time::now_beijing;
use learning_kiosk::sync::SyncError;
use learning_kiosk::sync::client::{BatchOutcome, FeedAnswer, HubClient};
use learning_wire::{Answer, AnswerStatus, FeedItem, MAX_BATCH, MAX_PAGE, SignupBatch, SignupItem};
use serde_json::{Value, json};

/// Plays many kiosks against a learning hub and reports throughput and latency.
#[derive(Parser)]
#[command(
    name = "learning-loadgen",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: Option<RunArgs>,
}

#[derive(Subcommand)]
enum Command {
    /// Adds kiosks to a hub's database and writes their tokens, one a line.
    Provision(ProvisionArgs),
}

#[derive(Args)]
struct ProvisionArgs {
    /// The hub's SQLite file.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// The `learning-hub` binary.
    #[arg(long, value_name = "PATH")]
    hub_bin: PathBuf,
    /// How many kiosks to add.
    #[arg(long, value_name = "N")]
    count: usize,
    /// Where to write the tokens.
    #[arg(long, value_name = "FILE", default_value = "tokens.txt")]
    out: PathBuf,
    /// Kiosk ids are PREFIX-001, PREFIX-002, ...
    #[arg(long, default_value = "kiosk")]
    prefix: String,
}

#[derive(Args)]
struct RunArgs {
    /// The hub, e.g. http://127.0.0.1:8080.
    #[arg(long, value_name = "URL")]
    url: String,
    /// Kiosk tokens, one a line.
    #[arg(long, value_name = "FILE")]
    tokens: PathBuf,
    /// How many kiosks to play (the first N tokens).
    #[arg(long, value_name = "N")]
    kiosks: usize,
    /// What the kiosks do.
    #[arg(long, value_enum)]
    scenario: Scenario,
    /// Seconds measured.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    duration: f64,
    /// Seconds before measuring starts.
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    warmup: f64,
    /// Sign-ups a request in the `batch` scenario.
    #[arg(long, default_value_t = 50,
          value_parser = clap::value_parser!(u32).range(1..=MAX_BATCH as i64))]
    batch: u32,
    /// Take the sessions from this catalogue file instead of the hub's feed.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Print the Markdown table's header before the row.
    #[arg(long)]
    header: bool,
    /// Print a JSON object instead of the Markdown row.
    #[arg(long)]
    json: bool,
    /// Also append the JSON object, one line, to this file.
    #[arg(long, value_name = "FILE")]
    json_file: Option<PathBuf>,
    /// The hub's process id, to read its CPU time and memory from /proc.
    #[arg(long, value_name = "PID")]
    hub_pid: Option<u32>,
    /// Clock ticks a second for /proc's CPU times (`getconf CLK_TCK`).
    #[arg(long, default_value_t = 100)]
    clk_tck: u64,
    /// Tokio worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Seed for the choice of sessions (default: random).
    #[arg(long)]
    seed: Option<u64>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    /// One sign-up a request.
    Lone,
    /// `--batch` sign-ups a request.
    Batch,
    /// Whole first syncs of the feed from 0.
    FirstSync,
    /// Caught-up polls with cursor and ETag.
    Poll,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Lone => "lone",
            Scenario::Batch => "batch",
            Scenario::FirstSync => "first-sync",
            Scenario::Poll => "poll",
        }
    }

    fn ops(self) -> &'static str {
        match self {
            Scenario::Lone | Scenario::Batch => "sign-ups",
            Scenario::FirstSync => "syncs",
            Scenario::Poll => "polls",
        }
    }
}

/// Sessions this many days ahead at most.
const HORIZON_DAYS: u32 = 120;
/// Sessions per activity sign-ups are spread over.
const PER_ACTIVITY: usize = 8;
/// A session must start this long after the run's end, so no sign-up has `started`.
const START_MARGIN: Duration = Duration::from_secs(15 * 60);

fn say(line: impl Display) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

fn warn(line: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "learning-loadgen: {line}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match (cli.command, cli.run) {
        (Some(Command::Provision(p)), _) => provision(&p),
        (None, Some(run)) => run_load(run),
        (None, None) => Err(anyhow!(
            "nothing to do: give --url, --tokens, --kiosks and --scenario, or use `provision` \
             (see --help)"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            warn(format_args!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Provisioning.

fn provision(p: &ProvisionArgs) -> Result<()> {
    let mut tokens = String::new();
    for i in 1..=p.count {
        let id = format!("{}-{i:03}", p.prefix);
        let out = std::process::Command::new(&p.hub_bin)
            .arg("--db")
            .arg(&p.db)
            .args(["kiosk", "add", &id])
            .output()
            .with_context(|| format!("cannot run {}", p.hub_bin.display()))?;
        if !out.status.success() {
            bail!(
                "`{} --db {} kiosk add {id}` failed ({}): {}",
                p.hub_bin.display(),
                p.db.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let token = text
            .lines()
            .rev()
            .find_map(|l| l.split_whitespace().last())
            .ok_or_else(|| anyhow!("`kiosk add {id}` printed no token"))?;
        tokens.push_str(token);
        tokens.push('\n');
    }
    write_private(&p.out, tokens.as_bytes())?;
    say(format_args!(
        "{} kiosk tokens written to {}",
        p.count,
        p.out.display()
    ));
    Ok(())
}

/// Writes a file only its owner can read (tokens are secrets).
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn read_tokens(path: &Path, n: usize) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the tokens in {}", path.display()))?;
    let mut tokens: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    if n == 0 {
        bail!("--kiosks must be at least 1");
    }
    if tokens.len() < n {
        bail!(
            "{} holds {} tokens; {n} kiosks need {n} (make more with `provision`)",
            path.display(),
            tokens.len()
        );
    }
    tokens.truncate(n);
    Ok(tokens)
}

// ---------------------------------------------------------------------------------------------
// Sign-ups: sessions and cards.

/// The sessions sign-ups go to: (activity id, date).
struct Sessions {
    list: Vec<(Arc<str>, String)>,
    activities: usize,
}

/// Reads the whole feed into a catalogue, as a kiosk's first sync would, and loads it with the
/// kiosk's loader (the hub judges sign-ups against the same).
async fn catalogue_from_feed(url: &str, token: &str) -> Result<Catalogue> {
    let mut client = HubClient::new(url, token).map_err(|e| anyhow!("{e}"))?;
    let mut venues: BTreeMap<String, Value> = BTreeMap::new();
    let mut activities: BTreeMap<String, Value> = BTreeMap::new();
    let mut after = 0;
    loop {
        let answer = client
            .feed(after, MAX_PAGE, true, None)
            .await
            .map_err(|e| anyhow!("reading the hub's feed at {url} failed: {e}"))?;
        let page = match answer {
            FeedAnswer::Page(page, _, _) => page,
            FeedAnswer::NotModified => bail!("the hub answered 304 to a first read of the feed"),
            FeedAnswer::CursorExpired => bail!("the hub expired a rebuild cursor"),
        };
        if page.items.is_empty() {
            break;
        }
        for item in page.items {
            match item {
                FeedItem::Venue(v) => {
                    if let Some(id) = v["id"].as_str() {
                        venues.insert(id.to_string(), v);
                    }
                }
                FeedItem::Activity(a) => {
                    if let Some(id) = a["id"].as_str() {
                        activities.insert(id.to_string(), a);
                    }
                }
                FeedItem::DeletedVenue(id) => {
                    venues.remove(&id);
                }
                FeedItem::DeletedActivity(id) => {
                    activities.remove(&id);
                }
                FeedItem::Seats(_) => {}
            }
        }
        if page.next <= after {
            bail!("the hub's feed cursor did not move past {after}");
        }
        after = page.next;
    }
    let doc = json!({
        "format": FORMAT,
        "generated_at": now_beijing().to_rfc3339(),
        "venues": venues.into_values().collect::<Vec<_>>(),
        "activities": activities.into_values().collect::<Vec<_>>(),
    });
    load_str(&doc.to_string(), "the hub's feed")
        .map_err(|p| anyhow!("the hub's feed does not load as a catalogue: {p}"))
}

async fn load_sessions(args: &RunArgs, token: &str) -> Result<Sessions> {
    let catalogue = match &args.catalogue {
        Some(path) => load_file(path).map_err(|p| anyhow!("{p}"))?,
        None => catalogue_from_feed(&args.url, token).await?,
    };
    let now = now_beijing();
    let ahead = Duration::from_secs_f64(args.warmup + args.duration) + START_MARGIN;
    let earliest = now + chrono::Duration::from_std(ahead).context("the run is too long")?;
    let mut list = Vec::new();
    let mut activities = 0;
    for activity in catalogue.activities.iter().filter(|a| !a.is_cancelled()) {
        let id: Arc<str> = Arc::from(&*activity.id);
        let before = list.len();
        list.extend(
            activity
                .upcoming(&now, HORIZON_DAYS, PER_ACTIVITY * 2)
                .into_iter()
                .filter(|s| s.start > earliest)
                .take(PER_ACTIVITY)
                .map(|s| (id.clone(), s.date.format("%Y-%m-%d").to_string())),
        );
        if list.len() > before {
            activities += 1;
        }
    }
    if list.is_empty() {
        bail!(
            "the catalogue ({} activities) has no session in the next {HORIZON_DAYS} days to \
             sign up for",
            catalogue.activities.len()
        );
    }
    Ok(Sessions { list, activities })
}

/// Distinct valid card numbers: the districts in turn, a serial, the Luhn check digit.
struct Cards {
    next: AtomicU64,
    districts: Vec<u32>,
}

impl Cards {
    fn new(start: u64) -> Result<Cards> {
        let districts: Vec<u32> = District::all().map(District::code).collect();
        if districts.is_empty() {
            bail!("the kiosk knows no district codes");
        }
        let cards = Cards {
            next: AtomicU64::new(start),
            districts,
        };
        // The hub checks cards as the kiosk does: make sure these pass.
        let probe = cards.take();
        CardNumber::parse(&probe)
            .map_err(|e| anyhow!("the generated card numbers are not valid: {e:?}"))?;
        Ok(cards)
    }

    fn take(&self) -> String {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let count = self.districts.len() as u64;
        let district = self.districts[(n % count) as usize];
        let serial = (n / count) % 1_000_000_000;
        let first15 = format!("{district:06}{serial:09}");
        let check = luhn_check_digit(&first15).unwrap_or('0');
        format!("{first15}{check}")
    }
}

fn signup(rng: &mut fastrand::Rng, sessions: &[(Arc<str>, String)], cards: &Cards) -> SignupItem {
    let (activity, date) = &sessions[rng.usize(..sessions.len())];
    SignupItem {
        kind: learning_wire::Kind::Signup,
        target: None,
        uuid: uuid::Uuid::new_v4().to_string(),
        card: cards.take(),
        activity: activity.to_string(),
        date: date.clone(),
        created_at: now_beijing().to_rfc3339_opts(SecondsFormat::Millis, false),
    }
}

fn answer_label(a: &Answer) -> String {
    match a.status {
        AnswerStatus::Invalid => format!("invalid:{}", a.reason.map_or("unknown", |r| r.as_str())),
        other => other.as_str().into(),
    }
}

// ---------------------------------------------------------------------------------------------
// The kiosks.

/// What every kiosk shares.
struct Ctx {
    scenario: Scenario,
    batch: usize,
    sessions: Vec<(Arc<str>, String)>,
    cards: Cards,
    /// Operations that start before this are warm-up.
    measure_from: Instant,
    /// No operation starts after this.
    until: Instant,
}

/// One kiosk, ready to run.
struct Kiosk {
    client: HubClient,
    rng: fastrand::Rng,
    /// For `poll`: the cursor and ETag after reading the feed to its end.
    cursor: u64,
    etag: Option<String>,
}

/// What kiosks counted in the window.
#[derive(Default)]
struct Stats {
    requests: u64,
    ops: u64,
    errors: u64,
    /// Microseconds per answered operation (a request, or a whole first sync).
    latencies: Vec<u64>,
    /// Microseconds per feed page, for first syncs.
    page_latencies: Vec<u64>,
    answers: BTreeMap<String, u64>,
    error_kinds: BTreeMap<String, u64>,
    error_samples: Vec<String>,
}

impl Stats {
    fn answer(&mut self, label: &str, n: u64) {
        *self.answers.entry(label.to_string()).or_default() += n;
    }

    fn fail(&mut self, kind: &str, message: impl Display) {
        self.errors += 1;
        *self.error_kinds.entry(kind.to_string()).or_default() += 1;
        if self.error_samples.len() < 3 {
            let message = message.to_string();
            if !self.error_samples.contains(&message) {
                self.error_samples.push(message);
            }
        }
    }

    fn fail_sync(&mut self, e: &SyncError) {
        let kind = match e {
            SyncError::Offline(_) => "offline",
            SyncError::RetryAfter(_) => "retry_after",
            SyncError::Unauthorized => "unauthorized",
            SyncError::Hub(_) => "hub",
            _ => "other",
        };
        self.fail(kind, e);
    }

    fn merge(&mut self, other: Stats) {
        self.requests += other.requests;
        self.ops += other.ops;
        self.errors += other.errors;
        self.latencies.extend(other.latencies);
        self.page_latencies.extend(other.page_latencies);
        for (k, v) in other.answers {
            *self.answers.entry(k).or_default() += v;
        }
        for (k, v) in other.error_kinds {
            *self.error_kinds.entry(k).or_default() += v;
        }
        for m in other.error_samples {
            if self.error_samples.len() < 3 && !self.error_samples.contains(&m) {
                self.error_samples.push(m);
            }
        }
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// After a failed request: a short pause, so a dead hub is not hammered in a tight loop; the
/// hub's own `Retry-After` is honoured up to a second.
async fn pause_after(e: &SyncError, until: Instant) {
    let wait = match e {
        SyncError::RetryAfter(d) => (*d).min(Duration::from_secs(1)),
        _ => Duration::from_millis(20),
    };
    let left = until.saturating_duration_since(Instant::now());
    tokio::time::sleep(wait.min(left)).await;
}

/// Makes a kiosk's client; for `poll`, reads the feed to its end first.
async fn prepare(url: String, token: String, scenario: Scenario, seed: u64) -> Result<Kiosk> {
    let client = HubClient::new(&url, &token).map_err(|e| anyhow!("{e}"))?;
    let mut kiosk = Kiosk {
        client,
        rng: fastrand::Rng::with_seed(seed),
        cursor: 0,
        etag: None,
    };
    if scenario == Scenario::Poll {
        loop {
            let answer = kiosk
                .client
                .feed(kiosk.cursor, MAX_PAGE, kiosk.cursor == 0, None)
                .await
                .map_err(|e| anyhow!("a kiosk's first read of the feed failed: {e}"))?;
            match answer {
                FeedAnswer::Page(page, tag, _) => {
                    kiosk.etag = tag;
                    if page.items.is_empty() {
                        break;
                    }
                    if page.next <= kiosk.cursor {
                        bail!("the hub's feed cursor did not move past {}", kiosk.cursor);
                    }
                    kiosk.cursor = page.next;
                }
                FeedAnswer::NotModified | FeedAnswer::CursorExpired => {
                    bail!("the hub refused a kiosk's first read of the feed")
                }
            }
        }
        if kiosk.etag.is_none() {
            bail!("the hub's feed sends no ETag, so polls cannot be caught up");
        }
    }
    Ok(kiosk)
}

async fn play(mut kiosk: Kiosk, ctx: Arc<Ctx>) -> Stats {
    match ctx.scenario {
        Scenario::Lone | Scenario::Batch => play_signups(&mut kiosk, &ctx).await,
        Scenario::FirstSync => play_first_syncs(&mut kiosk, &ctx).await,
        Scenario::Poll => play_polls(&mut kiosk, &ctx).await,
    }
}

async fn play_signups(kiosk: &mut Kiosk, ctx: &Ctx) -> Stats {
    let mut stats = Stats::default();
    while Instant::now() < ctx.until {
        let batch = SignupBatch {
            signups: (0..ctx.batch)
                .map(|_| signup(&mut kiosk.rng, &ctx.sessions, &ctx.cards))
                .collect(),
        };
        let started = Instant::now();
        let result = kiosk.client.signups(&batch).await;
        let took = started.elapsed();
        let counted = started >= ctx.measure_from;
        if counted {
            stats.requests += 1;
        }
        match result {
            Ok(BatchOutcome::Answers(answer)) if counted => {
                if answer.answers.len() != batch.signups.len() {
                    stats.fail(
                        "short_answer",
                        format_args!(
                            "{} answers to {} sign-ups",
                            answer.answers.len(),
                            batch.signups.len()
                        ),
                    );
                    continue;
                }
                stats.latencies.push(micros(took));
                stats.ops += answer.answers.len() as u64;
                for a in &answer.answers {
                    stats.answer(&answer_label(a), 1);
                }
            }
            Ok(BatchOutcome::Unreadable(why)) if counted => {
                stats.fail(
                    "unreadable",
                    format_args!("the hub cannot read a batch: {why}"),
                );
            }
            Ok(BatchOutcome::TooLarge) if counted => {
                stats.fail("too_large", "the hub found a batch too large");
            }
            Ok(_) => {}
            Err(e) => {
                if counted {
                    stats.fail_sync(&e);
                }
                pause_after(&e, ctx.until).await;
            }
        }
    }
    stats
}

async fn play_first_syncs(kiosk: &mut Kiosk, ctx: &Ctx) -> Stats {
    let mut stats = Stats::default();
    while Instant::now() < ctx.until {
        let started = Instant::now();
        let counted = started >= ctx.measure_from;
        let mut sync = Stats::default();
        let mut after = 0;
        let (mut pages, mut items) = (0u64, 0u64);
        let done = loop {
            let asked = Instant::now();
            let result = kiosk.client.feed(after, MAX_PAGE, true, None).await;
            sync.requests += 1;
            match result {
                Ok(FeedAnswer::Page(page, _, _)) => {
                    sync.page_latencies.push(micros(asked.elapsed()));
                    pages += 1;
                    if page.items.is_empty() {
                        break true;
                    }
                    items += page.items.len() as u64;
                    if page.next <= after {
                        sync.fail("cursor_stuck", "the feed cursor did not move");
                        break false;
                    }
                    after = page.next;
                }
                Ok(FeedAnswer::NotModified) => {
                    sync.fail("not_modified", "a first sync was answered 304");
                    break false;
                }
                Ok(FeedAnswer::CursorExpired) => {
                    sync.fail("cursor_expired", "a rebuild cursor expired");
                    break false;
                }
                Err(e) => {
                    sync.fail_sync(&e);
                    pause_after(&e, ctx.until).await;
                    break false;
                }
            }
        };
        if counted {
            if done {
                sync.ops = 1;
                sync.latencies.push(micros(started.elapsed()));
                sync.answer("pages", pages);
                sync.answer("items", items);
            }
            stats.merge(sync);
        }
    }
    stats
}

async fn play_polls(kiosk: &mut Kiosk, ctx: &Ctx) -> Stats {
    let mut stats = Stats::default();
    while Instant::now() < ctx.until {
        let started = Instant::now();
        let result = kiosk
            .client
            .feed(kiosk.cursor, MAX_PAGE, false, kiosk.etag.as_deref())
            .await;
        let took = started.elapsed();
        let counted = started >= ctx.measure_from;
        if counted {
            stats.requests += 1;
        }
        let label = match result {
            Ok(FeedAnswer::NotModified) => "not_modified",
            Ok(FeedAnswer::Page(page, tag, _)) => {
                kiosk.etag = tag;
                if page.items.is_empty() {
                    "empty_page"
                } else {
                    kiosk.cursor = kiosk.cursor.max(page.next);
                    "page"
                }
            }
            Ok(FeedAnswer::CursorExpired) => {
                if counted {
                    stats.fail("cursor_expired", "a caught-up cursor expired");
                }
                continue;
            }
            Err(e) => {
                if counted {
                    stats.fail_sync(&e);
                }
                pause_after(&e, ctx.until).await;
                continue;
            }
        };
        if counted {
            stats.ops += 1;
            stats.latencies.push(micros(took));
            stats.answer(label, 1);
        }
    }
    stats
}

// ---------------------------------------------------------------------------------------------
// The hub's use of CPU and memory, from /proc.

/// User plus system CPU seconds of a process.
fn cpu_seconds(pid: &str, clk_tck: u64) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count fields after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of the line (utime, stime); `rest` starts at field 3.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) as f64 / clk_tck.max(1) as f64)
}

/// A `/proc/PID/status` memory line (`VmRSS`, `VmHWM`), in MiB.
fn memory_mib(pid: &str, key: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

// ---------------------------------------------------------------------------------------------
// The run.

fn run_load(args: RunArgs) -> Result<()> {
    if !(args.duration > 0.0 && args.duration.is_finite()) {
        bail!("--duration must be a positive number of seconds");
    }
    if !(args.warmup >= 0.0 && args.warmup.is_finite()) {
        bail!("--warmup must be zero or more seconds");
    }
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.enable_all();
    if let Some(n) = args.threads {
        builder.worker_threads(n.max(1));
    }
    let runtime = builder.build().context("cannot start the tokio runtime")?;
    runtime.block_on(run_async(args))
}

async fn run_async(args: RunArgs) -> Result<()> {
    let tokens = read_tokens(&args.tokens, args.kiosks)?;
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    let batch = match args.scenario {
        Scenario::Lone => 1,
        Scenario::Batch => args.batch as usize,
        Scenario::FirstSync | Scenario::Poll => 0,
    };
    let sessions = if batch > 0 {
        load_sessions(&args, &tokens[0]).await?
    } else {
        Sessions {
            list: Vec::new(),
            activities: 0,
        }
    };
    // A random start among 16e9 cards, so runs against the same hub do not reuse cards.
    let cards = Cards::new(fastrand::u64(..10_000_000_000))?;

    // Every kiosk gets ready (its client; for `poll`, the feed read to its end) first.
    let mut ready = tokio::task::JoinSet::new();
    for (k, token) in tokens.into_iter().enumerate() {
        let kiosk_seed = seed ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ready.spawn(prepare(args.url.clone(), token, args.scenario, kiosk_seed));
    }
    let mut kiosks = Vec::with_capacity(args.kiosks);
    while let Some(joined) = ready.join_next().await {
        kiosks.push(joined.context("a kiosk's task failed")??);
    }

    let measure_from = Instant::now() + Duration::from_secs_f64(args.warmup);
    let until = measure_from + Duration::from_secs_f64(args.duration);
    let ctx = Arc::new(Ctx {
        scenario: args.scenario,
        batch,
        sessions: sessions.list,
        cards,
        measure_from,
        until,
    });
    let hub_pid = args.hub_pid.map(|p| p.to_string());
    let clk_tck = args.clk_tck;
    let sampler = {
        let pid = hub_pid.clone();
        tokio::spawn(async move {
            tokio::time::sleep_until(tokio::time::Instant::from_std(measure_from)).await;
            (
                pid.as_deref().and_then(|p| cpu_seconds(p, clk_tck)),
                cpu_seconds("self", clk_tck),
            )
        })
    };
    let mut running = tokio::task::JoinSet::new();
    for kiosk in kiosks {
        running.spawn(play(kiosk, ctx.clone()));
    }
    let mut stats = Stats::default();
    while let Some(joined) = running.join_next().await {
        stats.merge(joined.context("a kiosk's task failed")?);
    }
    let secs = measure_from.elapsed().as_secs_f64().max(1e-9);
    let (hub_cpu_from, own_cpu_from) = sampler.await.unwrap_or((None, None));
    let hub_cpu = hub_pid
        .as_deref()
        .and_then(|p| cpu_seconds(p, clk_tck))
        .zip(hub_cpu_from)
        .map(|(end, start)| end - start);
    let own_cpu = cpu_seconds("self", clk_tck)
        .zip(own_cpu_from)
        .map(|(end, start)| end - start);
    let hub_rss = hub_pid.as_deref().and_then(|p| memory_mib(p, "VmRSS:"));
    let hub_hwm = hub_pid.as_deref().and_then(|p| memory_mib(p, "VmHWM:"));

    if stats.requests == 0 {
        bail!("no request started in the {:.1} s measured", args.duration);
    }
    if stats.errors == stats.requests {
        bail!(
            "every one of the {} requests to {} failed ({}): {}",
            stats.requests,
            args.url,
            counts_text(&stats.error_kinds),
            stats.error_samples.join(" / ")
        );
    }

    if !stats.error_samples.is_empty() {
        warn(format_args!(
            "{} of {} requests failed ({}); for example: {}",
            stats.errors,
            stats.requests,
            counts_text(&stats.error_kinds),
            stats.error_samples.join(" / ")
        ));
    }
    stats.latencies.sort_unstable();
    stats.page_latencies.sort_unstable();
    let lat = &stats.latencies;
    let mean_ms = if lat.is_empty() {
        0.0
    } else {
        lat.iter().sum::<u64>() as f64 / lat.len() as f64 / 1000.0
    };
    let scenario = match args.scenario {
        Scenario::Batch => format!("batch {batch}"),
        s => s.name().to_string(),
    };
    let cpu_ms_per_request = hub_cpu.map(|c| c * 1000.0 / stats.requests as f64);
    let report = json!({
        "scenario": args.scenario.name(),
        "batch": batch,
        "kiosks": args.kiosks,
        "requests": stats.requests,
        "ops": stats.ops,
        "ops_are": args.scenario.ops(),
        "secs": round(secs, 3),
        "requests_per_s": round(stats.requests as f64 / secs, 1),
        "ops_per_s": round(stats.ops as f64 / secs, 1),
        "p50_ms": round(percentile(lat, 0.50), 3),
        "p99_ms": round(percentile(lat, 0.99), 3),
        "max_ms": round(percentile(lat, 1.0), 3),
        "mean_ms": round(mean_ms, 3),
        "page_p50_ms": round(percentile(&stats.page_latencies, 0.50), 3),
        "page_p99_ms": round(percentile(&stats.page_latencies, 0.99), 3),
        "errors": stats.errors,
        "errors_by_kind": stats.error_kinds,
        "answers": stats.answers,
        "sessions": ctx.sessions.len(),
        "activities": sessions.activities,
        "hub_cpu_s": hub_cpu.map(|c| round(c, 2)),
        "hub_cpu_ms_per_request": cpu_ms_per_request.map(|c| round(c, 3)),
        "hub_rss_mib": hub_rss.map(|m| round(m, 1)),
        "hub_hwm_mib": hub_hwm.map(|m| round(m, 1)),
        "loadgen_cpu_s": own_cpu.map(|c| round(c, 2)),
    });
    if let Some(path) = &args.json_file {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        writeln!(file, "{report}").with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        say(&report);
        return Ok(());
    }
    if args.header {
        say(
            "| scenario | kiosks | requests | ops | secs | req/s | ops/s | p50 ms | p99 ms | max ms \
             | errors | hub CPU ms/req | hub RSS MiB | answers |",
        );
        say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    }
    let dash = || "–".to_string();
    say(format_args!(
        "| {scenario} | {} | {} | {} {} | {secs:.1} | {:.0} | {:.0} | {:.2} | {:.2} | {:.2} | {} \
         | {} | {} | {} |",
        args.kiosks,
        stats.requests,
        stats.ops,
        args.scenario.ops(),
        stats.requests as f64 / secs,
        stats.ops as f64 / secs,
        percentile(lat, 0.50),
        percentile(lat, 0.99),
        percentile(lat, 1.0),
        stats.errors,
        cpu_ms_per_request.map_or_else(dash, |c| format!("{c:.3}")),
        hub_rss.map_or_else(dash, |m| format!("{m:.0}")),
        counts_text(&stats.answers),
    ));
    Ok(())
}

/// The `q` quantile of sorted microseconds, in milliseconds (nearest rank).
fn percentile(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let n = sorted.len();
    let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
    sorted[rank - 1] as f64 / 1000.0
}

fn round(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

fn counts_text(counts: &BTreeMap<String, u64>) -> String {
    if counts.is_empty() {
        return "–".into();
    }
    counts
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_valid_and_distinct() {
        let cards = Cards::new(15_999_999_990).unwrap();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let card = cards.take();
            assert_eq!(card.len(), 16);
            assert!(CardNumber::parse(&card).is_ok(), "{card}");
            assert!(seen.insert(card));
        }
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<u64> = (1..=100).map(|ms| ms * 1000).collect();
        assert_eq!(percentile(&v, 0.50), 50.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&v, 1.0), 100.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn own_cpu_and_memory_read_from_proc() {
        assert!(cpu_seconds("self", 100).is_some());
        assert!(memory_mib("self", "VmRSS:").is_some_and(|m| m > 0.0));
    }
}
