//! The receipt's QR code scans, carries the details (the title, the time, the venue and the
//! sign-up code; never the card), declares UTF-8 (ECI 26) so that phones do not read the
//! Chinese as Shift-JIS, and keeps its quiet zone: at every size, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness};
use learning_kiosk::app::{Key, Overlay, Screen};
use learning_kiosk::domain::lang::Lang;
use qrcode::bits::Bits;
use qrcode::{EcLevel, Version};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What the camera reads: the decoded text, and the first 16 bits of the data stream.
struct Scanned {
    text: String,
    head: u16,
}

/// Reads the QR code back from the screen: the cells of half blocks, two modules each, with
/// the quiet zone (four light modules: four columns, two rows) checked around them.
fn scan(h: &Harness) -> Scanned {
    let (w, hgt) = h.state.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, hgt));
    learning_kiosk::ui::render(&h.state, &mut buf);
    let blocks: Vec<(u16, u16)> = (0..hgt)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| matches!(buf[(x, y)].symbol(), "▀" | "▄" | "█"))
        .collect();
    assert!(!blocks.is_empty(), "no QR code on the screen");
    let x0 = blocks.iter().map(|c| c.0).min().unwrap();
    let x1 = blocks.iter().map(|c| c.0).max().unwrap();
    let y0 = blocks.iter().map(|c| c.1).min().unwrap();
    let y1 = blocks.iter().map(|c| c.1).max().unwrap();
    // The quiet zone: light cells (a space on the code's light background) all round.
    let light = buf[(x0, y0)].style().bg;
    assert!(
        x0 >= 4 && y0 >= 2 && x1 + 4 < w && y1 + 2 < hgt,
        "no room for the quiet zone"
    );
    for y in y0 - 2..=y1 + 2 {
        for x in x0 - 4..=x1 + 4 {
            let inside = (x0..=x1).contains(&x) && (y0..=y1).contains(&y);
            if !inside {
                let cell = &buf[(x, y)];
                assert!(
                    cell.symbol() == " " && cell.style().bg == light,
                    "quiet zone broken at {x},{y}: {:?}",
                    cell.symbol()
                );
            }
        }
    }
    let cols = usize::from(x1 - x0 + 1) + 8;
    let rows = usize::from(y1 - y0 + 1) * 2 + 8;
    let mut dark = vec![false; cols * rows];
    for y in y0..=y1 {
        for x in x0..=x1 {
            let (top, bottom) = match buf[(x, y)].symbol() {
                "▀" => (true, false),
                "▄" => (false, true),
                "█" => (true, true),
                " " => (false, false),
                other => panic!("unexpected {other:?} in the QR code"),
            };
            let (cx, cy) = (usize::from(x - x0) + 4, usize::from(y - y0) * 2 + 4);
            dark[cy * cols + cx] = top;
            dark[(cy + 1) * cols + cx] = bottom;
        }
    }
    // Scale up as a camera would see it, and decode.
    let scale = 6;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(cols * scale, rows * scale, |x, y| {
            if dark[(y / scale) * cols + x / scale] {
                0
            } else {
                255
            }
        });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "expected one QR code");
    let (meta, text) = grids[0].decode().expect("the QR code decodes");
    // The data stream as written: the modules with the mask taken off (the format
    // information, on row and column 8 by the finders, stays as it is).
    let size = cols - 8;
    let module = |x: usize, y: usize| dark[(y + 4) * cols + x + 4];
    let format = |x: usize, y: usize| {
        (x == 8 && (y <= 8 || y >= size - 8)) || (y == 8 && (x <= 8 || x >= size - 8))
    };
    let unmasked = rqrr::Grid::new(rqrr::SimpleGrid::from_func(size, |x, y| {
        module(x, y) ^ (!format(x, y) && mask_bit(meta.mask, y, x))
    }));
    let (_, raw) = unmasked.get_raw_data().unwrap();
    // The data stream's first two codewords are the first block's first two: interleaved,
    // the second lies one block count further on.
    let ec = if meta.ecc_level == 1 {
        EcLevel::L
    } else {
        EcLevel::M
    };
    let version = Version::Normal(meta.version.0 as i16);
    let total = Bits::new(version).max_len(ec).unwrap() / 8;
    let mut probe = vec![0u8; total];
    probe[1] = 0xff;
    let (interleaved, _) = qrcode::ec::construct_codewords(&probe, version, ec).unwrap();
    let second = interleaved.iter().position(|b| *b == 0xff).unwrap();
    Scanned {
        text,
        head: u16::from(raw.data[0]) << 8 | u16::from(raw.data[second]),
    }
}

/// The standard's data masks, by their number in the format information (row i, column j).
fn mask_bit(mask: u16, i: usize, j: usize) -> bool {
    match mask {
        0 => (i + j).is_multiple_of(2),
        1 => i.is_multiple_of(2),
        2 => j.is_multiple_of(3),
        3 => (i + j).is_multiple_of(3),
        4 => (i / 2 + j / 3).is_multiple_of(2),
        5 => (i * j) % 2 + (i * j) % 3 == 0,
        6 => ((i * j) % 2 + (i * j) % 3).is_multiple_of(2),
        _ => ((i * j) % 3 + (i + j) % 2).is_multiple_of(2),
    }
}

/// The facts a phone must get, in the language shown.
fn facts(h: &Harness, lang: Lang) -> Vec<String> {
    let Screen::Receipt(receipt) = &h.state.visit.screen else {
        panic!("not on the receipt")
    };
    let catalogue = &h.state.catalogue;
    let activity = catalogue.activity(receipt.activity);
    vec![
        catalogue
            .texts(receipt.activity)
            .title
            .get(lang)
            .to_string(),
        catalogue.venue(activity.venue).name.get(lang).to_string(),
        receipt.session.date.to_string(),
        receipt.session.start.format("%H:%M").to_string(),
        receipt.code.clone(),
    ]
}

/// Brings the code into view as a person would: on a screen with room it is beside the
/// words; else the receipt's last choice shows it on its own page.
fn show_code(h: &mut Harness) {
    let screen = h.screen();
    if screen.contains('▀') || screen.contains('▄') {
        return;
    }
    let last = learning_kiosk::app::screens::item_count(&h.state);
    h.key(Key::Char(char::from(b'0' + last as u8)));
    assert_eq!(h.state.visit.overlay, Some(Overlay::Qr), "{screen}");
}

#[test]
fn the_qr_code_scans_with_the_details_in_utf8_and_without_the_card() {
    let mut skipped = Vec::new();
    for (w, hgt) in [(60, 20), (80, 24), (120, 40), (160, 48)] {
        for lang in Lang::ALL {
            let mut h = Harness::demo();
            h.resize(w, hgt);
            h.lang(lang);
            h.sign_up();
            assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
            show_code(&mut h);
            let scanned = scan(&h);
            // All four facts wherever a code that holds them fits on the screen at all (on
            // 20 rows, half blocks hold at most a version 3 code: few titles and venues fit).
            let facts = facts(&h, lang);
            let wanted = if whole_fits(&h, lang) {
                &facts[..]
            } else {
                skipped.push(format!("{w}x{hgt} {lang:?}"));
                &facts[2..]
            };
            for fact in wanted {
                assert!(
                    scanned.text.contains(fact.as_str()),
                    "{w}x{hgt} {lang:?}: {fact:?} is not in {:?}",
                    scanned.text
                );
            }
            assert!(
                !scanned.text.contains("0016") && !scanned.text.contains(CARD),
                "the card must not travel in the QR code"
            );
            // ECI (0111), designator 26 (0001 1010), then byte mode (0100) for the words.
            assert_eq!(
                scanned.head >> 4,
                0b0111_0001_1010,
                "{w}x{hgt} {lang:?}: the code must declare UTF-8 first"
            );
            if !scanned.text.is_ascii() {
                assert_eq!(scanned.head & 0xf, 0b0100, "{w}x{hgt} {lang:?}");
            }
            // Any key goes back to the receipt.
            if h.state.visit.overlay == Some(Overlay::Qr) {
                h.key(Key::Char('5'));
                assert_eq!(h.state.visit.overlay, None);
                assert!(matches!(h.state.visit.screen, Screen::Receipt(_)));
            }
        }
    }
    // Only the smallest screen may fall short of the four facts.
    assert!(
        skipped.iter().all(|s| s.starts_with("60x20")),
        "{skipped:?}"
    );
}

/// Whether a code holding all four facts fits the screen on its own page (a line under it).
fn whole_fits(h: &Harness, lang: Lang) -> bool {
    use learning_kiosk::app::receipt::{QR_WHOLE_PAYLOADS, encode, qr_alone, qr_payloads};
    let Screen::Receipt(receipt) = &h.state.visit.screen else {
        unreachable!()
    };
    let payloads = qr_payloads(&h.state.catalogue, receipt, lang);
    let smallest = encode(&payloads[QR_WHOLE_PAYLOADS - 1], EcLevel::L).unwrap();
    let (w, hgt) = h.state.size;
    qr_alone(&[smallest], Rect::new(0, 0, w, hgt - 1)).is_some()
}

/// The code beside the receipt's words on a roomy screen carries the address as well.
#[test]
fn a_roomy_screen_gets_the_detailed_code_beside_the_words() {
    let mut h = Harness::demo();
    h.resize(120, 40);
    h.sign_up();
    let screen = h.screen();
    assert!(screen.contains('▀'), "{screen}");
    let Screen::Receipt(receipt) = &h.state.visit.screen else {
        unreachable!()
    };
    let address = {
        let activity = h.state.catalogue.activity(receipt.activity);
        h.state
            .catalogue
            .venue(activity.venue)
            .address
            .get(Lang::Zh)
            .to_string()
    };
    assert!(scan(&h).text.contains(&address));
}
