//! The receipt's QR code scans, carries the details (never the card), and keeps its quiet
//! zone, at both screen sizes and in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use common::{CARD, Harness};
use learning_kiosk::app::{Key, Screen};
use learning_kiosk::domain::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// Reads the QR code back from the screen: the white-on-black cells, two modules each.
fn scan(h: &Harness) -> (String, usize) {
    let (w, hgt) = h.state.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, hgt));
    learning_kiosk::ui::render(&h.state, &mut buf);
    let qr_cells: Vec<(u16, u16)> = (0..hgt)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == Color::Rgb(255, 255, 255))
        .collect();
    assert!(!qr_cells.is_empty(), "no QR code on the receipt");
    let x0 = qr_cells.iter().map(|c| c.0).min().unwrap();
    let x1 = qr_cells.iter().map(|c| c.0).max().unwrap();
    let y0 = qr_cells.iter().map(|c| c.1).min().unwrap();
    let y1 = qr_cells.iter().map(|c| c.1).max().unwrap();
    let cols = usize::from(x1 - x0 + 1);
    let rows = usize::from(y1 - y0 + 1) * 2;
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
            let (cx, cy) = (usize::from(x - x0), usize::from(y - y0) * 2);
            dark[cy * cols + cx] = top;
            dark[(cy + 1) * cols + cx] = bottom;
        }
    }
    // The quiet zone: four light modules on every side.
    for i in 0..4 {
        for x in 0..cols {
            assert!(!dark[i * cols + x], "quiet zone broken at the top");
        }
        for y in 0..rows - 1 {
            assert!(
                !dark[y * cols + i] && !dark[y * cols + cols - 1 - i],
                "quiet zone broken at the side"
            );
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
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    (content, cols - 8)
}

fn sign_up(h: &mut Harness) -> String {
    h.sign_up();
    let Screen::Receipt(receipt) = h.state.visit.screen.clone() else {
        panic!("no receipt: {:?}", h.state.visit.notice)
    };
    receipt.code
}

#[test]
fn the_qr_code_scans_with_the_details_and_without_the_card() {
    for (w, hgt) in [(80, 24), (120, 40), (160, 48)] {
        let mut h = Harness::demo();
        h.resize(w, hgt);
        let code = sign_up(&mut h);
        let Screen::Receipt(receipt) = h.state.visit.screen.clone() else {
            unreachable!()
        };
        let title_zh = h
            .state
            .catalogue
            .texts(receipt.activity)
            .title
            .get(Lang::Zh)
            .to_string();
        let title_en = h
            .state
            .catalogue
            .texts(receipt.activity)
            .title
            .get(Lang::En)
            .to_string();

        let (zh, size) = scan(&h);
        assert!(zh.contains(&code), "{w}x{hgt}: {zh}");
        assert!(zh.contains("2026-11-23"), "{zh}");
        assert!(
            !zh.contains("0016") && !zh.contains(CARD),
            "the card must not travel in the QR code"
        );
        if w >= 120 {
            assert!(zh.contains(&title_zh), "{zh}");
            assert!(size >= 33, "a roomy screen gets the detailed code");
        }

        h.key(Key::F(2));
        let (en, _) = scan(&h);
        assert!(en.contains(&code));
        if w >= 120 {
            assert!(en.contains(&title_en), "{en}");
        }
    }
}
