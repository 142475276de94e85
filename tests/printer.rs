//! The receipt printer, with real parts: a fake printer that is a real TCP listener on
//! loopback (network), a real file and /dev/full (usb lp), and a pseudo-terminal (serial). The
//! bytes it captures are read back as ESC/POS: the words as GB18030, the QR store command's
//! payload, the cut. A printer that is off, out of paper, or silent gets a clear message, and
//! the screen never waits for it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{CARD, HERE_TODAY, Harness};
use learning_kiosk::app::receipt::{payload_bytes, qr_payloads};
use learning_kiosk::app::{Key, Msg, Notice, Screen};
use learning_kiosk::config::load::demo_site;
use learning_kiosk::config::site::{CodePage, PrinterLink, PrinterSettings};
use learning_kiosk::domain::lang::Lang;
use learning_kiosk::i18n::t;
use learning_kiosk::printer::escpos::{CUT, PAPER_STATUS};
use learning_kiosk::printer::{PrintJob, PrintOutcome};
use learning_kiosk::runtime::printer_worker;

/// The status byte of a printer with paper (bits 1 and 4 are always set).
const PAPER_OK: u8 = 0x12;
/// The status byte of a printer whose roll has run out (bits 5 and 6).
const PAPER_END: u8 = 0x72;

fn settings(link: PrinterLink) -> PrinterSettings {
    PrinterSettings {
        link,
        code_page: CodePage::Gb18030,
        columns: 32,
    }
}

/// The demo kiosk with this printer, at the pinned time.
fn kiosk(link: PrinterLink) -> Harness {
    let mut site = demo_site().unwrap();
    site.printer = Some(settings(link));
    Harness::with(
        site,
        learning_kiosk::catalogue::demo::demo_catalogue().unwrap(),
        common::NOW,
    )
}

/// A real sign-up (saved in the outbox) and its receipt, in `lang`.
fn to_receipt(k: &mut Harness, lang: Lang) {
    k.lang(lang);
    k.swipe(CARD);
    k.key(Key::Char('1'));
    k.open_nearby(HERE_TODAY);
    k.key(Key::Char('1'));
    k.enter();
    assert!(
        matches!(k.state.visit.screen, Screen::Receipt(_)),
        "{:?}",
        k.state.visit.screen
    );
}

/// Presses the receipt's "print" number; returns the job the kiosk asked for.
fn press_print(k: &mut Harness) -> (String, PrintJob) {
    let number = print_number(k);
    k.key(Key::Char(number));
    assert_eq!(k.state.visit.notice, Some(Notice::Printing));
    k.prints.pop().expect("a print was asked for")
}

/// The number of the receipt's print choice, as a person reads it on screen.
fn print_number(k: &Harness) -> char {
    let Screen::Receipt(receipt) = &k.state.visit.screen else {
        panic!("not on the receipt")
    };
    let choices = learning_kiosk::app::screens::receipt::choices(&k.state, receipt);
    let index = choices
        .iter()
        .position(|c| *c == learning_kiosk::app::screens::receipt::Choice::Print)
        .expect("the receipt offers print");
    char::from(b'1' + index as u8)
}

/// Presses "print" and runs the job through the real printer worker, as the kiosk does.
fn print_pressed(k: &mut Harness, link: PrinterLink) -> Msg {
    let (code, job) = press_print(k);
    print_through_worker(link, code, job, Duration::from_secs(5))
}

/// Runs a job through the real printer worker; the answer, once it comes.
fn print_through_worker(link: PrinterLink, code: String, job: PrintJob, timeout: Duration) -> Msg {
    let (tx, rx) = mpsc::channel();
    let worker =
        printer_worker::spawn(settings(link), timeout, move |m| tx.send(m).is_ok()).unwrap();
    worker.print(code, job);
    rx.recv_timeout(timeout + Duration::from_secs(5))
        .expect("the worker answers")
}

/// A network printer on loopback: answers the paper-status query with `status` and keeps
/// every byte it is sent.
fn fake_network_printer(status: u8) -> (SocketAddr, JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut got = Vec::new();
        let mut answered = false;
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
            if !answered && got.windows(3).any(|w| w == PAPER_STATUS) {
                stream.write_all(&[status]).unwrap();
                answered = true;
            }
        }
        got
    });
    (address, handle)
}

/// One piece of a printout: words, or a command.
#[derive(Debug, PartialEq)]
enum Part {
    Text(String),
    Command(Vec<u8>),
}

/// Reads a printout back: its commands, and its lines of words decoded as GB18030.
fn parse(bytes: &[u8]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = Vec::new();
    let mut i = 0;
    let flush = |text: &mut Vec<u8>, parts: &mut Vec<Part>| {
        if !text.is_empty() {
            let (words, _, bad) = encoding_rs::GB18030.decode(text);
            assert!(!bad, "not GB18030: {text:?}");
            parts.push(Part::Text(words.into_owned()));
            text.clear();
        }
    };
    while i < bytes.len() {
        let len = match (bytes[i], bytes.get(i + 1).copied()) {
            (0x1B, Some(b'@')) | (0x1C, Some(b'&' | b'.')) => 2,
            (0x1B, Some(b'a' | b'E')) | (0x1D, Some(b'!')) | (0x10, Some(0x04)) => 3,
            (0x1D, Some(b'V')) => 4,
            (0x1D, Some(b'(')) => 5 + usize::from(bytes[i + 3]) + 256 * usize::from(bytes[i + 4]),
            (0x0A, _) => {
                flush(&mut text, &mut parts);
                i += 1;
                continue;
            }
            (b, _) => {
                assert!(b >= 0x20, "an unknown control byte {b:#04x} at {i}");
                text.push(b);
                i += 1;
                continue;
            }
        };
        flush(&mut text, &mut parts);
        parts.push(Part::Command(bytes[i..i + len].to_vec()));
        i += len;
    }
    flush(&mut text, &mut parts);
    parts
}

/// Text without its whitespace (a line broken on paper reads the same).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The printout holds the title, time, place and code in words, the screen's QR payload in
/// one store command followed by the print command, and ends with a cut.
fn assert_printout(bytes: &[u8], k: &Harness, lang: Lang) {
    let Screen::Receipt(receipt) = &k.state.visit.screen else {
        panic!("not on the receipt")
    };
    let parts = parse(bytes);
    let words: String = parts
        .iter()
        .filter_map(|p| match p {
            Part::Text(t) => Some(t.as_str()),
            Part::Command(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let catalogue = &k.state.catalogue;
    let activity = catalogue.activity(receipt.activity);
    let title = catalogue
        .texts(receipt.activity)
        .title
        .get(lang)
        .to_string();
    let place = catalogue.venue(activity.venue).name.get(lang).to_string();
    let time = format!(
        "{} {}-{}",
        receipt.session.date,
        receipt.session.start.format("%H:%M"),
        receipt.session.end.format("%H:%M")
    );
    for fact in [&title, &place, &time, &receipt.code] {
        assert!(
            squeeze(&words).contains(&squeeze(fact)),
            "{fact:?} not in {words}"
        );
    }
    // The code stands large on a line of its own.
    let code_at = parts
        .iter()
        .position(|p| *p == Part::Text(receipt.code.clone()))
        .expect("the code on a line of its own");
    assert_eq!(
        parts[code_at - 1],
        Part::Command(vec![0x1D, b'!', 0x11]),
        "the code is double size"
    );
    // The QR code: exactly the screen's most detailed payload, then the print command.
    let expected = payload_bytes(&qr_payloads(catalogue, receipt, lang)[0]);
    let store = parts
        .iter()
        .position(|p| matches!(p, Part::Command(c) if c.starts_with(&[0x1D, b'(', b'k']) && c[5..8] == [49, 80, 48]))
        .expect("a QR store command");
    let Part::Command(cmd) = &parts[store] else {
        unreachable!()
    };
    assert_eq!(&cmd[8..], expected.as_slice(), "the QR payload");
    assert!(String::from_utf8_lossy(&cmd[8..]).contains(&title));
    assert_eq!(
        parts[store + 1],
        Part::Command(vec![0x1D, b'(', b'k', 3, 0, 49, 81, 48]),
        "the store command is followed by the print command"
    );
    assert_eq!(
        parts.last(),
        Some(&Part::Command(CUT.to_vec())),
        "a cut at the end"
    );
}

/// The screen says `id`'s message (its first words, wherever the strip wraps it).
fn assert_says(k: &mut Harness, id: &str) {
    let lang = k.state.visit.lang;
    let message = t(lang, id);
    let start: String = message.chars().take(12).collect();
    let screen = k.screen();
    assert!(
        squeeze(&screen).contains(&squeeze(&start)),
        "{id}: {start:?} not on\n{screen}"
    );
}

#[test]
fn a_network_printout_in_chinese_carries_the_receipt_and_its_qr_code() {
    let (address, printer) = fake_network_printer(PAPER_OK);
    let mut k = kiosk(PrinterLink::Network { address });
    to_receipt(&mut k, Lang::Zh);
    let answer = print_pressed(&mut k, PrinterLink::Network { address });
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::Printed,
                ..
            }
        ),
        "{answer:?}"
    );
    k.send(answer);
    assert_eq!(
        k.state.visit.notice,
        Some(Notice::Print(PrintOutcome::Printed))
    );
    assert_says(&mut k, "notice-printed");
    let bytes = printer.join().unwrap();
    assert!(
        bytes.starts_with(&PAPER_STATUS),
        "the paper is asked about first"
    );
    assert_printout(&bytes[PAPER_STATUS.len()..], &k, Lang::Zh);
}

#[test]
fn a_printout_in_english_is_in_english() {
    let (address, printer) = fake_network_printer(PAPER_OK);
    let mut k = kiosk(PrinterLink::Network { address });
    to_receipt(&mut k, Lang::En);
    let (code, job) = press_print(&mut k);
    assert!(
        job.title.is_ascii() && job.code_label == "Sign-up code",
        "{job:?}"
    );
    let answer = print_through_worker(
        PrinterLink::Network { address },
        code,
        job,
        Duration::from_secs(5),
    );
    k.send(answer);
    assert_says(&mut k, "notice-printed");
    let bytes = printer.join().unwrap();
    assert_printout(&bytes[PAPER_STATUS.len()..], &k, Lang::En);
}

#[test]
fn a_printer_that_is_off_gets_a_message_and_the_sign_up_is_kept() {
    // A port nobody listens on: the connection is refused.
    let address = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut k = kiosk(PrinterLink::Network { address });
    to_receipt(&mut k, Lang::Zh);
    let (code, job) = press_print(&mut k);
    let started = Instant::now();
    let answer = print_through_worker(
        PrinterLink::Network { address },
        code,
        job,
        Duration::from_secs(5),
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "a refusal is known at once"
    );
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::Off,
                ..
            }
        ),
        "{answer:?}"
    );
    k.send(answer);
    assert_says(&mut k, "notice-printer-off");
    assert!(matches!(k.state.visit.screen, Screen::Receipt(_)));
    let card = k.state.visit.card.unwrap();
    assert_eq!(
        k.exec.outbox.for_card(&card).unwrap().len(),
        1,
        "the sign-up is kept"
    );
    // It can be tried again.
    k.key(Key::Char(print_number(&k)));
    assert_eq!(k.prints.len(), 1);
}

#[test]
fn a_printer_out_of_paper_says_so_and_prints_nothing() {
    let (address, printer) = fake_network_printer(PAPER_END);
    let mut k = kiosk(PrinterLink::Network { address });
    to_receipt(&mut k, Lang::En);
    let answer = print_pressed(&mut k, PrinterLink::Network { address });
    k.send(answer);
    assert_eq!(
        k.state.visit.notice,
        Some(Notice::Print(PrintOutcome::NoPaper))
    );
    assert_says(&mut k, "notice-printer-no-paper");
    assert_eq!(
        printer.join().unwrap(),
        PAPER_STATUS,
        "only the question was sent"
    );
}

/// A printer that accepts the connection but never reads or answers: the kiosk keeps
/// answering keys while the printout waits, and says the printer did not answer.
#[test]
fn a_silent_printer_never_holds_the_screen() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let (release, hold) = mpsc::channel::<()>();
    let silent = std::thread::spawn(move || {
        let (_stream, _) = listener.accept().unwrap();
        let _ = hold.recv_timeout(Duration::from_secs(30));
    });
    let mut k = kiosk(PrinterLink::Network { address });
    to_receipt(&mut k, Lang::Zh);
    let (code, job) = press_print(&mut k);
    let timeout = Duration::from_secs(2);
    let (tx, answers) = mpsc::channel();
    let worker = printer_worker::spawn(
        settings(PrinterLink::Network { address }),
        timeout,
        move |m| tx.send(m).is_ok(),
    )
    .unwrap();
    let started = Instant::now();
    worker.print(code, job);
    // While it waits: the language switches, help opens and closes, a second "print" queues
    // nothing, each at once.
    for key in [
        Key::F(2),
        Key::F(1),
        Key::Esc,
        Key::Char(print_number(&k)),
        Key::F(2),
    ] {
        let pressed = Instant::now();
        k.key(key);
        assert!(
            pressed.elapsed() < Duration::from_millis(500),
            "{key:?} waited"
        );
    }
    assert!(answers.try_recv().is_err(), "no answer yet");
    assert!(k.prints.is_empty(), "one printout at a time");
    assert_eq!(k.state.visit.notice, Some(Notice::Printing));
    assert_says(&mut k, "notice-printing");
    let answer = answers.recv_timeout(Duration::from_secs(10)).unwrap();
    let waited = started.elapsed();
    assert!(
        waited >= timeout && waited < timeout + Duration::from_secs(2),
        "{waited:?}"
    );
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::TimedOut,
                ..
            }
        ),
        "{answer:?}"
    );
    k.send(answer);
    assert_says(&mut k, "notice-printer-timeout");
    let card = k.state.visit.card.unwrap();
    assert_eq!(
        k.exec.outbox.for_card(&card).unwrap().len(),
        1,
        "the sign-up is kept"
    );
    drop(release);
    silent.join().unwrap();
}

/// An answer that comes after the person has gone is shown to nobody; staff still see it.
#[test]
fn an_answer_for_someone_who_has_gone_is_for_staff_only() {
    let mut k = kiosk(PrinterLink::Usb {
        device: "/dev/null".into(),
    });
    to_receipt(&mut k, Lang::Zh);
    let (code, _) = press_print(&mut k);
    k.key(Key::Char('1'));
    assert_eq!(k.state.visit.screen, Screen::Welcome);
    k.send(Msg::Printed {
        code,
        outcome: PrintOutcome::NoPaper,
    });
    assert_eq!(k.state.visit.notice, None);
    assert_eq!(
        k.state.printer_last.map(|(o, _)| o),
        Some(PrintOutcome::NoPaper)
    );
}

#[test]
fn a_usb_printer_is_its_device_file() {
    let dir = tempfile::tempdir().unwrap();
    let device: PathBuf = dir.path().join("lp0");
    std::fs::write(&device, b"").unwrap();
    let mut k = kiosk(PrinterLink::Usb {
        device: device.clone(),
    });
    to_receipt(&mut k, Lang::Zh);
    let (code, job) = press_print(&mut k);
    let answer = print_through_worker(
        PrinterLink::Usb {
            device: device.clone(),
        },
        code,
        job.clone(),
        Duration::from_secs(5),
    );
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::Printed,
                ..
            }
        ),
        "{answer:?}"
    );
    assert_printout(&std::fs::read(&device).unwrap(), &k, Lang::Zh);

    // The usblp driver refuses a write with ENOSPC when the paper is out: /dev/full does too.
    let full = PrinterLink::Usb {
        device: "/dev/full".into(),
    };
    let answer = print_through_worker(full, "K".into(), job.clone(), Duration::from_secs(5));
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::NoPaper,
                ..
            }
        ),
        "{answer:?}"
    );
    // Unplugged: the device is gone.
    let gone = PrinterLink::Usb {
        device: dir.path().join("lp9"),
    };
    let answer = print_through_worker(gone, "K".into(), job, Duration::from_secs(5));
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::Off,
                ..
            }
        ),
        "{answer:?}"
    );
}

#[test]
fn a_serial_printer_is_a_tty_in_raw_mode() {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let device = PathBuf::from(ptsname(&master, Vec::new()).unwrap().into_string().unwrap());
    // Held open by the printer's side, so the port stays up between the kiosk's opens.
    let _line = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&device)
        .unwrap();
    let mut port = std::fs::File::from(master);
    let printer = std::thread::spawn(move || {
        let mut got = Vec::new();
        let mut answered = false;
        let mut buf = [0u8; 4096];
        let deadline = Instant::now() + Duration::from_secs(10);
        while !got.ends_with(&CUT) && Instant::now() < deadline {
            let n = port.read(&mut buf).unwrap();
            got.extend_from_slice(&buf[..n]);
            if !answered && got.windows(3).any(|w| w == PAPER_STATUS) {
                port.write_all(&[PAPER_OK]).unwrap();
                answered = true;
            }
        }
        got
    });
    let link = PrinterLink::Serial { device, baud: 9600 };
    let mut k = kiosk(link.clone());
    to_receipt(&mut k, Lang::Zh);
    let answer = print_pressed(&mut k, link);
    assert!(
        matches!(
            answer,
            Msg::Printed {
                outcome: PrintOutcome::Printed,
                ..
            }
        ),
        "{answer:?}"
    );
    let bytes = printer.join().unwrap();
    assert!(
        bytes.starts_with(&PAPER_STATUS),
        "the paper is asked about first"
    );
    assert_printout(&bytes[PAPER_STATUS.len()..], &k, Lang::Zh);
}

#[test]
fn without_a_printer_the_receipt_offers_no_print() {
    let mut k = Harness::demo();
    to_receipt(&mut k, Lang::Zh);
    let Screen::Receipt(receipt) = &k.state.visit.screen else {
        unreachable!()
    };
    let choices = learning_kiosk::app::screens::receipt::choices(&k.state, receipt);
    assert!(!choices.contains(&learning_kiosk::app::screens::receipt::Choice::Print));
    assert!(!k.screen().contains(&t(Lang::Zh, "receipt-print")));
}

/// The staff page says how the printer last did, and when; or that there is none.
#[test]
fn the_staff_page_has_a_printer_line() {
    let staff = |k: &Harness, lang| {
        learning_kiosk::ui::model::staff::build(&k.state, lang)
            .facts
            .join("\n")
    };
    let k = Harness::demo();
    assert!(staff(&k, Lang::En).contains("Printer: no printer"));
    assert!(staff(&k, Lang::Zh).contains("打印机：没有打印机"));
    let address: SocketAddr = "127.0.0.1:9100".parse().unwrap();
    let mut k = kiosk(PrinterLink::Network { address });
    assert!(
        staff(&k, Lang::En).contains("Printer (network 127.0.0.1:9100): nothing printed yet"),
        "{}",
        staff(&k, Lang::En)
    );
    k.send(Msg::Printed {
        code: "K".into(),
        outcome: PrintOutcome::TimedOut,
    });
    assert!(
        staff(&k, Lang::En).contains("did not answer in time at 09:00"),
        "{}",
        staff(&k, Lang::En)
    );
    assert!(
        staff(&k, Lang::Zh).contains("09:00 没有及时回应"),
        "{}",
        staff(&k, Lang::Zh)
    );
}
