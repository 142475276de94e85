//! A headless kiosk for tests: the real `update`, `view` and effects executor, a real
//! SQLite outbox in a temporary folder, a pinned clock, and taps through the hit map.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod life;
pub mod ocr;

use std::collections::VecDeque;
use std::sync::Arc;

use learning_kiosk::app::dispatch::{Carrier, dispatch};
use learning_kiosk::app::{Action, Clock, Effect, Key, Msg, State, update};
use learning_kiosk::catalogue::Catalogue;
use learning_kiosk::catalogue::demo::demo_catalogue;
use learning_kiosk::config::Site;
use learning_kiosk::config::load::demo_site;
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::domain::time::{Moment, parse_moment};
use learning_kiosk::outbox::Outbox;
use learning_kiosk::runtime::effects::Executor;
use learning_kiosk::ui::hitmap::HitMap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tempfile::TempDir;

/// A valid card (Haidian, serial 1) and a second one (Chaoyang).
pub const CARD: &str = "1101080000000016";
pub const OTHER_CARD: &str = "1101050000000126";

/// Monday 23 November 2026, 09:00 in Beijing.
pub const NOW: &str = "2026-11-23T09:00:00+08:00";

/// The demo session tests sign up for, chosen by name rather than by its place in the nearby
/// list (which follows the time and the distance): "Taking and sharing photos on your phone" at
/// the kiosk's own centre, today 14:00, with seats to spare.
pub const HERE_TODAY: &str = "cy-wangjing-clc.smartphone";
/// Its title as the Chinese screens show it, for tests that read the screen.
pub const HERE_TODAY_ZH: &str = "手机拍照与分享";

/// The number a person presses for the first row of a list on screen that reads `words`: the
/// digit at the start of its line (after the focus mark), if that row is on the page shown.
pub fn row_key(screen: &str, words: &str) -> Option<char> {
    screen
        .lines()
        .filter(|line| line.contains(words))
        .find_map(|line| {
            let mut chars = line.trim_start().trim_start_matches('>').chars();
            chars.next().filter(|c| c.is_ascii_digit())
        })
}

pub fn moment(s: &str) -> Moment {
    parse_moment(s).expect("a valid RFC 3339 time")
}

pub struct Harness {
    pub state: State,
    pub exec: Executor,
    pub hits: HitMap,
    pub quit: Option<u8>,
    /// How many times the core asked the sync worker to sync now.
    pub syncs_asked: usize,
    /// Where the terminal cursor was put on the last frame.
    pub cursor: Option<(u16, u16)>,
    /// Everything assisted mode said aloud, in order (as the runtime hands it to speech).
    pub said: Vec<String>,
    /// What the screen said last, to say only what changes.
    pub last_spoken: Option<learning_kiosk::ui::assisted::speech::Spoken>,
    /// How many times the terminal bell rang.
    pub bells: usize,
    /// How many times "say again" was asked for.
    pub say_again: usize,
    /// The printouts asked for, in order, not yet carried out (each test prints them with
    /// the real printer worker against its own fake printer).
    pub prints: Vec<(String, learning_kiosk::printer::PrintJob)>,
    pub dir: TempDir,
}

/// The harness's side of the dispatcher: the real executor, and counters for the rest.
struct Carried<'a> {
    exec: &'a mut Executor,
    quit: &'a mut Option<u8>,
    syncs_asked: &'a mut usize,
    bells: &'a mut usize,
    say_again: &'a mut usize,
    prints: &'a mut Vec<(String, learning_kiosk::printer::PrintJob)>,
}

impl Carrier for Carried<'_> {
    fn carry(&mut self, effect: Effect, answers: &mut VecDeque<Msg>) {
        match effect {
            Effect::Quit(code) => *self.quit = Some(code),
            Effect::SyncNow => *self.syncs_asked += 1,
            Effect::Bell => *self.bells += 1,
            Effect::SayAgain => *self.say_again += 1,
            Effect::Print { code, job } => self.prints.push((code, job)),
            // The runtime reloads from the hub's cache; here, the demo again.
            Effect::ReloadCatalogue => answers.push_back(Msg::CatalogueUpdated(Arc::new(
                demo_catalogue().expect("demo catalogue"),
            ))),
            // The hub's answer about a card is sent by each test that needs one.
            Effect::LookUpCard(_) => {}
            Effect::SaveSignup { .. }
            | Effect::SaveCancel { .. }
            | Effect::SaveCheckin { .. }
            | Effect::LoadMySignups(_)
            | Effect::RefreshQueue
            | Effect::ResendHeld
            | Effect::CheckStaffPin(_) => answers.extend(self.exec.run(effect)),
        }
    }
}

impl Harness {
    /// The demo site with a district hub, and the demo catalogue, at the pinned time.
    pub fn demo_with_hub() -> Harness {
        let mut site = demo_site().expect("demo site");
        site.hub = Some(learning_kiosk::config::site::HubSettings {
            url: "https://hub.shijingshan.example.cn".into(),
            token_file: "/etc/learning-kiosk/hub-token".into(),
            sync_interval_seconds: 60,
            byte_budget_per_hour: None,
            batch_size: 50,
        });
        let catalogue = demo_catalogue().expect("demo catalogue");
        Harness::with(site, catalogue, NOW)
    }

    /// The demo site set to assisted mode (larger, simpler, spoken), at the pinned time.
    pub fn assisted() -> Harness {
        let mut site = demo_site().expect("demo site");
        site.mode = learning_kiosk::config::Mode::Assisted;
        Harness::with(site, demo_catalogue().expect("demo catalogue"), NOW)
    }

    /// The Miyun rural station's config (farming-first home, keypad only), in assisted mode.
    pub fn rural_assisted() -> Harness {
        let mut site = rural_site();
        site.mode = learning_kiosk::config::Mode::Assisted;
        Harness::with(site, demo_catalogue().expect("demo catalogue"), NOW)
    }

    /// The Miyun keypad station (the example config as shipped) at the pinned time.
    pub fn rural_station() -> Harness {
        Harness::with(rural_site(), demo_catalogue().expect("demo catalogue"), NOW)
    }

    /// Where item `id` stands in the nearby list.
    pub fn nearby_index(&self, id: &str) -> usize {
        self.state
            .visit
            .nearby
            .iter()
            .position(|i| &*self.state.catalogue.activity(i.activity).id == id)
            .unwrap_or_else(|| panic!("{id} is not in the nearby list"))
    }

    /// The demo site and catalogue at the pinned time, 120x40.
    pub fn demo() -> Harness {
        let site = demo_site().expect("demo site");
        let catalogue = demo_catalogue().expect("demo catalogue");
        Harness::with(site, catalogue, NOW)
    }

    pub fn with(site: Site, catalogue: Catalogue, now: &str) -> Harness {
        let dir = tempfile::tempdir().expect("temp dir");
        let (outbox, _) = Outbox::open(&dir.path().join("outbox.sqlite")).expect("outbox");
        let catalogue = Arc::new(catalogue);
        let site = Arc::new(site);
        let exec = Executor {
            outbox,
            pin_hash: site.staff_pin_hash.clone(),
        };
        let clock = Clock {
            now: moment(now),
            mono_ms: 0,
        };
        let mut h = Harness {
            state: State::new(site, catalogue, clock),
            exec,
            hits: HitMap::default(),
            quit: None,
            syncs_asked: 0,
            cursor: None,
            said: Vec::new(),
            last_spoken: None,
            bells: 0,
            say_again: 0,
            prints: Vec::new(),
            dir,
        };
        h.send(Msg::Resize(120, 40));
        h.run(Effect::RefreshQueue);
        h
    }

    /// Sends a message and carries out its effects (and theirs) through the runtime's own
    /// dispatcher, in its order; the worker's effects are answered at once.
    pub fn send(&mut self, msg: Msg) {
        let mut carried = Carried {
            exec: &mut self.exec,
            quit: &mut self.quit,
            syncs_asked: &mut self.syncs_asked,
            bells: &mut self.bells,
            say_again: &mut self.say_again,
            prints: &mut self.prints,
        };
        dispatch(&mut self.state, [msg], &mut carried);
        self.render();
    }

    fn run(&mut self, effect: Effect) {
        if let Some(msg) = self.exec.run(effect) {
            self.send(msg);
        }
    }

    pub fn key(&mut self, key: Key) {
        self.send(Msg::Key(key));
    }

    /// Types characters one by one, as a person on the keypad.
    pub fn type_keys(&mut self, text: &str) {
        for c in text.chars() {
            self.key(Key::Char(c));
        }
    }

    pub fn enter(&mut self) {
        self.key(Key::Enter);
    }

    /// The quickest sign-up: the card, [`HERE_TODAY`] from the nearby list, its first
    /// session, OK.
    pub fn sign_up(&mut self) {
        self.swipe(CARD);
        self.key(Key::Char('1'));
        self.open_nearby(HERE_TODAY);
        self.key(Key::Char('1'));
        self.enter();
    }

    /// On the nearby list, opens the activity with this id as a person on the keypad would:
    /// `+` until its row is on the page, then the row's number.
    pub fn open_nearby(&mut self, id: &str) {
        use learning_kiosk::app::screens::{page_len, page_start};
        assert_eq!(self.state.visit.screen, learning_kiosk::app::Screen::Nearby);
        let index = self.nearby_index(id);
        while page_start(&self.state) + page_len(&self.state) <= index {
            let before = page_start(&self.state);
            self.key(Key::Char('+'));
            assert!(page_start(&self.state) > before, "{id}: no next page");
        }
        while page_start(&self.state) > index {
            self.key(Key::Char('-'));
        }
        let digit = index - page_start(&self.state) + 1;
        self.key(Key::Char(char::from(b'0' + digit as u8)));
        assert!(
            matches!(
                self.state.visit.screen,
                learning_kiosk::app::Screen::Activity(_)
            ),
            "{id}: {:?}",
            self.state.visit.screen
        );
    }

    pub fn swipe(&mut self, raw: &str) {
        self.send(Msg::CardSwiped(raw.to_string()));
    }

    /// Taps the middle of the first target with this action, through the hit map.
    pub fn tap(&mut self, action: Action) {
        let (x, y) = self
            .hits
            .centre_of(action)
            .unwrap_or_else(|| panic!("no target for {action:?} on {:?}", self.state.visit.screen));
        self.tap_at(x, y);
    }

    /// Taps item `index` of a list or menu the way a person would: turning pages with the
    /// on-screen "next" button until it is in view.
    pub fn tap_item(&mut self, index: usize) {
        for _ in 0..20 {
            if self.hits.centre_of(Action::Choose(index)).is_some() {
                break;
            }
            self.tap(Action::NextPage);
        }
        self.tap(Action::Choose(index));
    }

    pub fn tap_at(&mut self, x: u16, y: u16) {
        let msg = self.hits.at(x, y).map_or(Msg::Touch, Msg::Action);
        self.send(msg);
    }

    /// Lets time pass by `ms` milliseconds (the wall clock stays pinned).
    pub fn wait(&mut self, ms: u64) {
        let clock = Clock {
            now: self.state.clock.now,
            mono_ms: self.state.clock.mono_ms + ms,
        };
        self.send(Msg::Tick(clock));
    }

    /// Moves the wall clock to a new time.
    pub fn set_now(&mut self, now: &str) {
        let clock = Clock {
            now: moment(now),
            mono_ms: self.state.clock.mono_ms + 1,
        };
        self.send(Msg::Tick(clock));
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.send(Msg::Resize(cols, rows));
    }

    pub fn lang(&mut self, lang: Lang) {
        if self.state.visit.lang != lang {
            self.key(Key::F(2));
        }
    }

    /// Draws the screen and returns it as text.
    pub fn render(&mut self) -> String {
        let (w, h) = self.state.size;
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        let drawn = learning_kiosk::ui::render(&self.state, &mut buf);
        self.hits = drawn.hits;
        self.cursor = drawn.cursor;
        self.listen();
        buffer_text(&buf)
    }

    /// Does what the runtime does after each frame: works out what assisted mode says.
    fn listen(&mut self) {
        use learning_kiosk::ui::assisted::speech::{next_utterance, spoken};
        match spoken(&self.state) {
            Some(now) => {
                if let Some(text) = next_utterance(self.last_spoken.as_ref(), &now) {
                    self.said.push(text);
                }
                self.last_spoken = Some(now);
            }
            None => self.last_spoken = None,
        }
    }

    /// Draws the screen; returns the buffer and the lines drawn in large glyphs.
    pub fn render_large(&mut self) -> (Buffer, Vec<learning_kiosk::ui::painter::LargeText>) {
        let (w, h) = self.state.size;
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        let drawn = learning_kiosk::ui::render(&self.state, &mut buf);
        self.hits = drawn.hits;
        (buf, drawn.large)
    }

    pub fn screen(&mut self) -> String {
        self.render()
    }
}

/// Sizes from nothing at all to very large, for the checks that every screen draws at any.
pub const ANY_SIZE: [(u16, u16); 9] = [
    (0, 0),
    (1, 1),
    (5, 3),
    (20, 10),
    (40, 12),
    (79, 23),
    (81, 25),
    (160, 48),
    (300, 90),
];

/// The screen draws at every size in [`ANY_SIZE`] without a panic, filling the terminal.
pub fn assert_draws_at_any_size(name: &str, k: &mut Harness) {
    for (w, h) in ANY_SIZE {
        k.resize(w, h);
        let text = k.screen();
        assert_eq!(text.lines().count(), usize::from(h), "{name} at {w}x{h}");
    }
}

/// Every touch target on the last frame is at least 3 rows high and 10 columns wide, with a
/// gap to its neighbours.
pub fn assert_targets_big_and_apart(name: &str, hits: &HitMap) {
    let targets = hits.targets();
    assert!(!targets.is_empty(), "{name}: nothing to tap");
    for (i, (r, a)) in targets.iter().enumerate() {
        assert!(
            r.height >= 3 && r.width >= 10,
            "{name}: {a:?} is {}x{}",
            r.width,
            r.height
        );
        // The target and the ring of cells around it.
        let (x0, y0) = (r.x.saturating_sub(1), r.y.saturating_sub(1));
        let around = Rect::new(x0, y0, r.right() + 1 - x0, r.bottom() + 1 - y0);
        for (s, b) in &targets[i + 1..] {
            assert!(
                !around.intersects(*s),
                "{name}: {a:?} at {r:?} touches {b:?} at {s:?}"
            );
        }
    }
}

/// A buffer's text, one line a row, wide characters once.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        let mut line = String::new();
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A valid card number for a serial in a district (Luhn digit worked out).
pub fn card_for(district: &str, serial: u64) -> String {
    let first15 = format!("{district}{serial:09}");
    let check = learning_kiosk::domain::card::luhn_check_digit(&first15).expect("15 digits");
    format!("{first15}{check}")
}

/// A small catalogue for rule tests: one venue at the demo kiosk, activities made to be
/// full, cancelled, excepted or early.
pub fn rules_catalogue() -> Catalogue {
    learning_kiosk::catalogue::load::load_str(RULES_CATALOGUE, "rules.json")
        .expect("rules catalogue")
}

pub const RULES_CATALOGUE: &str = r#"{
  "format": "learning-catalogue/1",
  "generated_at": "2026-11-22T08:00:00+08:00",
  "venues": [
    {"id": "here", "name": {"zh-CN": "望京社区学习中心", "en-US": "Wangjing Centre"},
     "kind": "community_learning_centre", "district": "110105",
     "address": {"zh-CN": "望京西园三区", "en-US": "Wangjing Xiyuan 3"},
     "lat": 39.9965, "lon": 116.4705, "step_free": true}
  ],
  "activities": [
    {"id": "full", "venue": "here", "title": {"zh-CN": "已满的课", "en-US": "A full class"},
     "category": "science", "capacity": 2, "booked": {"2026-11-23": 2},
     "sessions": [{"start": "2026-11-23T14:00:00+08:00", "end": "2026-11-23T15:00:00+08:00"}]},
    {"id": "one-seat", "venue": "here", "title": {"zh-CN": "最后一个名额", "en-US": "One seat left"},
     "category": "science", "capacity": 3, "booked": {"2026-11-23": 2},
     "sessions": [{"start": "2026-11-23T15:00:00+08:00", "end": "2026-11-23T16:00:00+08:00"}]},
    {"id": "cancelled", "venue": "here", "title": {"zh-CN": "取消的课", "en-US": "A cancelled class"},
     "category": "science", "capacity": 20, "status": "cancelled",
     "sessions": [{"start": "2026-11-24T10:00:00+08:00", "end": "2026-11-24T11:00:00+08:00"}]},
    {"id": "weekly", "venue": "here", "title": {"zh-CN": "每周的课", "en-US": "A weekly class"},
     "category": "digital_skills", "audience": ["elders"], "capacity": 5000,
     "repeat": {"days": ["mon", "wed"], "start_time": "10:00", "end_time": "11:00",
                "from": "2026-11-01", "until": "2027-06-30", "except": ["2026-11-25"]}},
    {"id": "soon", "venue": "here", "title": {"zh-CN": "马上开始", "en-US": "Starting soon"},
     "category": "health_wellbeing", "capacity": 30,
     "sessions": [{"start": "2026-11-23T09:30:00+08:00", "end": "2026-11-23T10:30:00+08:00"}]}
  ]
}"#;

impl Harness {
    /// Sends a message but does not carry out its effects (to hold a screen that waits on
    /// one, such as "Saving").
    /// On the confirm screen: confirms, and answers the save with a record whose code is
    /// the same in every run (K7Q-4MD), new or already held. Returns the session's ids.
    pub fn confirm_with_fixed_code(&mut self, existing: bool) -> (String, chrono::NaiveDate) {
        let learning_kiosk::app::Screen::Confirm(session) = self.state.visit.screen else {
            panic!("not on the confirm screen: {:?}", self.state.visit.screen)
        };
        self.send_only(Msg::Action(Action::Primary));
        let id = self
            .state
            .catalogue
            .activity(session.activity)
            .id
            .to_string();
        let rec = record("K7Q-4MD", CARD, &id, &session.date.to_string());
        let saved = if existing {
            learning_kiosk::outbox::Saved::Existing(rec)
        } else {
            learning_kiosk::outbox::Saved::New(rec)
        };
        self.send_only(Msg::SignupFinished(Ok(saved)));
        (id, session.date)
    }

    pub fn send_only(&mut self, msg: Msg) -> Vec<Effect> {
        let effects = update(&mut self.state, msg);
        self.render();
        effects
    }
}

/// A saved sign-up record with a fixed code, as the outbox would answer.
pub fn record(
    code: &str,
    card: &str,
    activity: &str,
    date: &str,
) -> learning_kiosk::outbox::SignupRecord {
    learning_kiosk::outbox::SignupRecord {
        uuid: format!("00000000-0000-4000-8000-{:012}", code.len()),
        kind: learning_kiosk::outbox::Kind::Signup,
        target: None,
        place: None,
        code: code.to_string(),
        card_digits: card.to_string(),
        activity_id: activity.to_string(),
        date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
        created_at: moment(NOW),
        status: learning_kiosk::outbox::Status::Waiting,
        reason: None,
        existing: None,
    }
}

/// The Miyun keypad station's site config, as shipped in `kiosk-config/`.
fn rural_site() -> learning_kiosk::config::Site {
    learning_kiosk::config::load::load_site_file(std::path::Path::new(
        "kiosk-config/miyun-xiwengzhuang-station.toml",
    ))
    .expect("the Miyun example config")
}

impl Harness {
    /// The demo kiosk with a network receipt printer (never reached: the harness only
    /// collects the printouts asked for), standard or assisted.
    pub fn with_printer(assisted: bool) -> Harness {
        let mut site = demo_site().expect("demo site");
        if assisted {
            site.mode = learning_kiosk::config::Mode::Assisted;
        }
        site.printer = Some(learning_kiosk::config::site::PrinterSettings {
            link: learning_kiosk::config::site::PrinterLink::Network {
                address: "192.168.1.50:9100".parse().expect("an address"),
            },
            code_page: learning_kiosk::config::site::CodePage::Gb18030,
            columns: 32,
        });
        Harness::with(site, demo_catalogue().expect("demo catalogue"), NOW)
    }

    /// On the receipt: presses its "print" number, then answers the printout with `outcome`
    /// (none: it is still printing).
    pub fn print_receipt(&mut self, outcome: Option<learning_kiosk::printer::PrintOutcome>) {
        use learning_kiosk::app::screens::receipt::{Choice, choices};
        let learning_kiosk::app::Screen::Receipt(receipt) = &self.state.visit.screen else {
            panic!("not on the receipt: {:?}", self.state.visit.screen)
        };
        let index = choices(&self.state, receipt)
            .iter()
            .position(|c| *c == Choice::Print)
            .expect("the receipt offers print");
        self.key(Key::Char(char::from(b'1' + index as u8)));
        let (code, _) = self.prints.pop().expect("a printout was asked for");
        if let Some(outcome) = outcome {
            self.send(Msg::Printed { code, outcome });
        }
    }
}
