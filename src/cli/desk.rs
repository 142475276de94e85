//! What the sign-up, cancel and check-in commands share: the card, the site, the catalogue
//! and the outbox, each failure said in both languages with its exit code; and a card's
//! places, from this kiosk and (when it answers in time) the district's hub.

use std::time::Duration;

use learning_wire::CardAnswer;

use crate::args;
use crate::catalogue::Catalogue;
use crate::cli::report;
use crate::config::site::Site;
use crate::domain::card::CardNumber;
use crate::domain::lang::Lang;
use crate::domain::time::{Moment, now_beijing};
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::outbox::{Outbox, OutboxError, SignupView};
use crate::runtime::boot::{self, Options};
use crate::signup::places;
use crate::ui::words;

/// How long a command waits for the hub's word on a card.
const LOOK_UP_TIMEOUT: Duration = Duration::from_secs(10);

/// Everything a command at the desk needs, ready.
pub struct Desk {
    /// The card.
    pub card: CardNumber,
    /// The site.
    pub site: Site,
    /// The catalogue in use.
    pub catalogue: Catalogue,
    /// The outbox, open.
    pub outbox: Outbox,
    /// Now (`--now`, or the clock).
    pub now: Moment,
}

/// Reads the card, the site and the catalogue and opens the outbox; a failure is said in
/// both languages and returned as the exit code.
pub fn open(options: &Options, lang: Lang, card: &str) -> Result<Desk, u8> {
    let card = CardNumber::parse(card).map_err(|err| {
        report::both(lang, |l| words::card_error(l, &err));
        exit::REFUSED
    })?;
    let site = boot::load_site(options).map_err(|problems| {
        report::problems(&problems, lang);
        exit::CONFIG
    })?;
    let catalogue = boot::load_catalogue(&site, options).map_err(|problems| {
        report::problems(&problems, lang);
        exit::CONFIG
    })?;
    let outbox = open_outbox(options, lang)?;
    Ok(Desk {
        card,
        site,
        catalogue,
        outbox,
        now: options.now.unwrap_or_else(now_beijing),
    })
}

/// Opens the outbox, saying so if a damaged one was set aside and rebuilt.
pub fn open_outbox(options: &Options, lang: Lang) -> Result<Outbox, u8> {
    let (outbox, opened) = boot::open_outbox(options).map_err(|err| storage_failed(lang, &err))?;
    if let Some(aside) = &opened.set_aside {
        let aside = aside.display().to_string();
        report::both(lang, |l| {
            ta(
                l,
                "cli-outbox-rebuilt",
                args!["count" => opened.recovered, "file" => &aside],
            )
        });
    }
    Ok(outbox)
}

/// Says a storage failure (a full disk in its own words); the exit code.
pub fn storage_failed(lang: Lang, err: &OutboxError) -> u8 {
    match err {
        OutboxError::DiskFull => report::both(lang, |l| crate::i18n::t(l, "notice-disk-full")),
        _ => report::storage_failed(lang, &err.to_string()),
    }
    exit::STORAGE
}

impl Desk {
    /// The card's places: this kiosk's, merged with the district hub's word when there is a
    /// hub and it answers in time (the card goes in the request's body; nothing is kept).
    /// The second value says whether the hub answered.
    pub fn places(&self) -> Result<(Vec<SignupView>, bool), OutboxError> {
        let local = places::from_outbox(&self.outbox.for_card(&self.card)?);
        Ok(match self.ask_hub() {
            Some(answer) => (places::merge(local, &answer), true),
            None => (local, false),
        })
    }

    fn ask_hub(&self) -> Option<CardAnswer> {
        let hub = self.site.hub.as_ref()?;
        let token = std::fs::read_to_string(&hub.token_file).ok()?;
        let mut client = crate::sync::HubClient::new(&hub.url, token.trim()).ok()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .ok()?;
        // The time limit is made inside the runtime: a timer needs its reactor.
        let asked = runtime.block_on(async {
            tokio::time::timeout(LOOK_UP_TIMEOUT, client.card(self.card.digits())).await
        });
        match asked {
            Ok(Ok(answer)) => Some(answer),
            Ok(Err(e)) => {
                tracing::info!(error = %e, "the hub could not be asked about the card");
                None
            }
            Err(_) => None,
        }
    }
}
