//! The command line: the kiosk itself, and the commands staff and scripts use.

mod cancel;
mod check_config;
mod checkin;
mod desk;
mod hash_pin;
mod nearby;
mod queue;
mod report;
mod resend;
mod run;
mod signup;
mod sync;
pub use learning_core::usage;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::geo::LatLon;
use crate::domain::lang::Lang;
use crate::domain::time::{Moment, parse_moment};
use crate::runtime::boot::Options;

/// Learning Kiosk: find learning near you, sign up, and take the details away.
#[derive(Debug, Parser)]
#[command(name = "learning-kiosk", version, about)]
pub struct Cli {
    /// A site config file (TOML); without it, the built-in demo site.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// A catalogue file (learning-catalogue/1 JSON) that overrides the site's.
    #[arg(long, global = true, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Where the kiosk keeps its files (default: the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Pins the clock to this RFC 3339 time, for demos and tests.
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_now)]
    now: Option<Moment>,
    /// The district hub's URL (overrides the site config's).
    #[arg(long, global = true, value_name = "URL")]
    hub: Option<String>,
    /// The file holding this kiosk's hub token (overrides the site config's).
    #[arg(long, global = true, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// The text-to-speech command for assisted mode (overrides the site config's); `{voice}`
    /// becomes the language's voice and the text arrives on its standard input.
    #[arg(long, global = true, value_name = "'CMD ARGS'")]
    speech_command: Option<String>,
    /// The language of messages on the command line (default from LANG).
    #[arg(long, global = true, value_name = "zh-CN|en-US", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Panics after the first frame (for the crash test).
    #[arg(long, hide = true)]
    test_panic: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the kiosk full-screen (the default).
    Run,
    /// Signs a card up for a session, through the same rules as the screen.
    Signup {
        /// The learning card number.
        #[arg(long)]
        card: String,
        /// The activity's id in the catalogue.
        #[arg(long)]
        activity: String,
        /// The session's date.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// A full session: join its waiting list (a seat if one is free).
        #[arg(long)]
        waitlist: bool,
    },
    /// Cancels a place (until its session starts): by the code of a sign-up made here, or by
    /// card, activity and date (found here, or online anywhere in the district).
    Cancel {
        /// The sign-up's code, as printed on its receipt.
        #[arg(long, value_name = "CODE", conflicts_with_all = ["card", "activity", "date"], required_unless_present_all = ["card", "activity", "date"])]
        code: Option<String>,
        /// The learning card number.
        #[arg(long, requires_all = ["activity", "date"])]
        card: Option<String>,
        /// The activity's id in the catalogue.
        #[arg(long, requires_all = ["card", "date"])]
        activity: Option<String>,
        /// The session's date.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires_all = ["card", "activity"])]
        date: Option<NaiveDate>,
    },
    /// Checks a card in to a session open now (30 minutes either side of its start) at this
    /// kiosk's venue, or of --activity; a card without a place takes a free seat first.
    Checkin {
        /// The learning card number.
        #[arg(long)]
        card: String,
        /// The activity's id in the catalogue (without it: the sessions at kiosk.venue).
        #[arg(long)]
        activity: Option<String>,
    },
    /// Shows the outbox: counts by status and each sign-up, card masked.
    Queue {
        /// Prints JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Sessions at venues near a point, soonest first: what the nearby screen answers.
    Nearby {
        /// Where: latitude and longitude in degrees, e.g. 39.9965,116.4705.
        #[arg(long, value_name = "LAT,LON", value_parser = parse_at)]
        at: LatLon,
        /// How far to look, in km.
        #[arg(long, value_name = "KM", default_value_t = 5.0, value_parser = parse_km)]
        within: f64,
        /// How many days ahead to look.
        #[arg(long, value_name = "N", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
        days: u32,
        /// Prints JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Syncs with the district hub once: sends waiting sign-ups, fetches catalogue changes.
    Sync,
    /// Sends held sign-ups again at the next sync (all, or the one with --code); a damaged
    /// record cannot be read, so it stays held.
    Resend {
        /// Only the held sign-up with this code.
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
    },
    /// Checks a site config and its catalogue, printing every problem.
    CheckConfig {
        /// The site config file.
        file: PathBuf,
    },
    /// Reads a staff PIN from standard input and prints its hash for the site config.
    HashPin,
}

/// A command-line value's problem in both languages, as every bad input gets.
fn both_languages(id: &str, value: &str) -> usage::Reason {
    let why = format!(
        "{} / {}",
        crate::i18n::t(Lang::En, id),
        crate::i18n::t(Lang::Zh, id)
    );
    usage::Reason::new(value, &why)
}

fn parse_now(s: &str) -> Result<Moment, usage::Reason> {
    parse_moment(s).ok_or_else(|| both_languages("problem-bad-moment", s))
}

fn parse_date(s: &str) -> Result<NaiveDate, usage::Reason> {
    crate::catalogue::load::parse_date(s).ok_or_else(|| both_languages("problem-bad-date", s))
}

fn parse_at(s: &str) -> Result<LatLon, usage::Reason> {
    let parsed = s.split_once(',').and_then(|(lat, lon)| {
        let (lat, lon) = (
            lat.trim().parse::<f64>().ok()?,
            lon.trim().parse::<f64>().ok()?,
        );
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(LatLon::new(lat, lon))
    });
    parsed.ok_or_else(|| both_languages("cli-bad-at", s))
}

fn parse_km(s: &str) -> Result<f64, usage::Reason> {
    s.parse::<f64>()
        .ok()
        .filter(|km| *km > 0.0 && *km <= 200.0)
        .ok_or_else(|| both_languages("cli-bad-km", s))
}

fn parse_lang(s: &str) -> Result<Lang, usage::Reason> {
    Lang::from_tag(s).ok_or_else(|| usage::Reason::new(s, "zh-CN / en-US"))
}

/// The language for command-line output: `--lang`, else LANG, else English.
fn output_lang(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(Lang::from_env)
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli: Cli = usage::parse_or_exit("learning-kiosk");
    let options = Options {
        config: cli.config,
        catalogue: cli.catalogue,
        data_dir: cli.data_dir,
        now: cli.now,
        hub: cli.hub,
        token_file: cli.token_file,
        speech_command: cli.speech_command,
    };
    let lang = output_lang(cli.lang);
    let code = match cli.command.unwrap_or(Command::Run) {
        Command::Run => run::run(&options, cli.test_panic),
        Command::Signup {
            card,
            activity,
            date,
            waitlist,
        } => {
            let ask = if waitlist {
                crate::signup::Ask::SeatOrWaitingList
            } else {
                crate::signup::Ask::Seat
            };
            signup::run(&options, lang, &card, &activity, date, ask)
        }
        Command::Cancel {
            code,
            card,
            activity,
            date,
        } => {
            let which = match (code, card, activity, date) {
                (Some(code), ..) => cancel::Which::Code(code),
                (None, Some(card), Some(activity), Some(date)) => cancel::Which::Session {
                    card,
                    activity,
                    date,
                },
                // clap requires one form or the other.
                _ => return ExitCode::from(crate::exit_code::USAGE),
            };
            cancel::run(&options, lang, &which)
        }
        Command::Checkin { card, activity } => {
            checkin::run(&options, lang, &card, activity.as_deref())
        }
        Command::Queue { json } => queue::run(&options, lang, json),
        Command::Sync => sync::run(&options, lang),
        Command::Resend { code } => resend::run(&options, lang, code.as_deref()),
        Command::CheckConfig { file } => check_config::run(&options, lang, &file),
        Command::Nearby {
            at,
            within,
            days,
            json,
        } => nearby::run(
            &options,
            lang,
            &nearby::Ask {
                at,
                within_km: within,
                days,
                json,
            },
        ),
        Command::HashPin => hash_pin::run(lang),
    };
    ExitCode::from(learning_core::output::exit_code(code))
}
