//! The ESC/POS bytes of a receipt. Written here rather than with the `escpos` crate: that
//! crate prints text only through single-byte code pages (no Chinese mode, `FS &`, for
//! GB18030) and builds commands only through its own synchronous drivers, while the kiosk
//! needs the bytes alone, to send with its own timeouts and paper-status query. The commands
//! used are few and fixed: Epson's ESC/POS reference, as Chinese thermal printers follow it.

use unicode_width::UnicodeWidthChar;

use crate::config::site::CodePage;
use crate::printer::PrintJob;

/// ESC @: reset the printer to its defaults.
pub const INIT: [u8; 2] = [0x1B, 0x40];
/// FS &: Chinese character mode on (two-byte GB18030 characters print as hanzi).
pub const CHINESE_ON: [u8; 2] = [0x1C, 0x26];
/// FS .: Chinese character mode off (every byte is one character of the code page).
pub const CHINESE_OFF: [u8; 2] = [0x1C, 0x2E];
/// DLE EOT 4: ask for the paper roll sensor's status (answered with one byte).
pub const PAPER_STATUS: [u8; 3] = [0x10, 0x04, 0x04];
/// GS V 66 3: feed to the cutter (and 3 more dots) and cut, leaving one point uncut.
pub const CUT: [u8; 4] = [0x1D, 0x56, 0x42, 0x03];
/// The most bytes a printer's QR store command takes.
pub const QR_MAX: usize = 7089;
/// Dots one character of the normal font takes across (font A is 12 dots wide).
const DOTS_PER_COLUMN: usize = 12;

/// Whether a DLE EOT 4 answer says the paper has run out (bits 5 and 6: the roll's end).
pub fn paper_out(status: u8) -> bool {
    status & 0x60 != 0
}

/// ESC a n: left (0), centred (1).
fn align(n: u8) -> [u8; 3] {
    [0x1B, 0x61, n]
}

/// ESC E n: bold on (1) or off (0).
fn bold(on: bool) -> [u8; 3] {
    [0x1B, 0x45, u8::from(on)]
}

/// GS ! n: characters `times` as wide and as tall (1 or 2).
fn size(times: u8) -> [u8; 3] {
    let n = times.clamp(1, 8) - 1;
    [0x1D, 0x21, (n << 4) | n]
}

/// One GS ( k command of the QR symbol (cn 49): `fn_code` and its parameters.
fn qr_command(fn_code: u8, params: &[u8]) -> Vec<u8> {
    let len = params.len() + 2;
    let mut out = vec![
        0x1D,
        0x28,
        0x6B,
        (len % 256) as u8,
        (len / 256) as u8,
        49,
        fn_code,
    ];
    out.extend_from_slice(params);
    out
}

/// A native QR code: model 2, module size, error correction M, store the payload, print it.
pub fn qr(payload: &[u8], module: u8) -> Vec<u8> {
    let mut out = qr_command(65, &[50, 0]);
    out.extend(qr_command(67, &[module.clamp(1, 16)]));
    out.extend(qr_command(69, &[49]));
    let mut store = vec![48];
    store.extend_from_slice(payload);
    out.extend(qr_command(80, &store));
    out.extend(qr_command(81, &[48]));
    out
}

/// Text as the printer's code page holds it; control characters become spaces so that a
/// title can never carry a command.
pub fn encode(text: &str, code_page: CodePage) -> Vec<u8> {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match code_page {
        CodePage::Gb18030 => encoding_rs::GB18030.encode(&clean).0.into_owned(),
        CodePage::Ascii => clean
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
            .collect(),
    }
}

/// Text cut into lines of at most `columns` columns (a hanzi takes two, as on paper).
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > columns.max(2) && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            width = 0;
        }
        // A line does not start with the space it broke at.
        if width == 0 && c == ' ' {
            continue;
        }
        line.push(c);
        width += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The module size that makes the code as large as the paper allows (at most 8 dots).
fn module_size(payload: &[u8], columns: u16) -> u8 {
    let modules = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .map(|c| c.width())
        .unwrap_or(57);
    let dots = usize::from(columns) * DOTS_PER_COLUMN;
    (dots / (modules + 8)).clamp(1, 8) as u8
}

/// The whole printout: title (bold), time, place and address, the sign-up code large, the
/// QR code, then a cut.
pub fn receipt(job: &PrintJob, code_page: CodePage, columns: u16) -> Vec<u8> {
    let cols = usize::from(columns);
    let mut out = INIT.to_vec();
    out.extend(match code_page {
        CodePage::Gb18030 => CHINESE_ON,
        CodePage::Ascii => CHINESE_OFF,
    });
    out.extend(align(1));
    let lines = |out: &mut Vec<u8>, text: &str, columns: usize| {
        for line in wrap(text, columns) {
            out.extend(encode(&line, code_page));
            out.push(b'\n');
        }
    };
    out.extend(bold(true));
    lines(&mut out, &job.title, cols);
    out.extend(bold(false));
    out.push(b'\n');
    lines(&mut out, &job.when, cols);
    lines(&mut out, &job.place, cols);
    lines(&mut out, &job.address, cols);
    out.push(b'\n');
    lines(&mut out, &job.code_label, cols);
    out.extend(size(2));
    lines(&mut out, &job.code, cols / 2);
    out.extend(size(1));
    out.push(b'\n');
    if !job.qr.is_empty() && job.qr.len() <= QR_MAX {
        out.extend(qr(&job.qr, module_size(&job.qr, columns)));
        out.push(b'\n');
    }
    out.extend(align(0));
    out.extend(CUT);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hanzi_takes_two_columns_and_lines_break_at_the_width() {
        assert_eq!(wrap("手机拍照与分享", 6), ["手机拍", "照与分", "享"]);
        assert_eq!(wrap("Taking photos", 6), ["Taking", "photos"]);
    }

    #[test]
    fn the_qr_store_command_counts_its_own_bytes() {
        let bytes = qr(b"abc", 6);
        let store = [0x1D, 0x28, 0x6B, 6, 0, 49, 80, 48, b'a', b'b', b'c'];
        assert!(bytes.windows(store.len()).any(|w| w == store));
        assert!(bytes.ends_with(&[0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48]));
    }

    #[test]
    fn a_control_character_never_reaches_the_printer() {
        assert_eq!(encode("a\x1bb", CodePage::Ascii), b"a b");
        assert_eq!(encode("学", CodePage::Ascii), b"?");
        assert_eq!(encode("学", CodePage::Gb18030), [0xD1, 0xA7]);
    }
}
