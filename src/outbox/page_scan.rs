//! Reading sign-up rows straight off SQLite's table-leaf pages, for when a damaged b-tree
//! hides them from SQL (a wiped root page makes every row unreachable, though the pages that
//! hold the rows are intact). This is what SQLite's own `.recover` does, for our one table.
//!
//! File format: <https://www.sqlite.org/fileformat2.html>. Only committed WAL frames are read,
//! so a sign-up whose transaction never committed (never reported saved) is not brought back.

use std::path::Path;

/// One row of the `signups` table as stored: the id (the rowid, stored as NULL), seven text
/// columns, then (since the hub's answers) further columns of text, a whole number or NULL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RawRow {
    /// The rowid.
    pub id: i64,
    /// uuid, code, card, activity, date, created_at, status.
    pub texts: [String; 7],
    /// reason, existing, answered_at, kind, target, place, where the row has them (a number
    /// as its digits).
    pub extra: Vec<Option<String>>,
}

/// Rows found in the database file and its WAL, newest first: committed WAL frames from the
/// last backwards, then the main file.
pub(super) fn scan(db: &Path) -> Vec<RawRow> {
    let main = std::fs::read(db).unwrap_or_default();
    let page_size = page_size(&main).unwrap_or(4096);
    let mut rows = Vec::new();
    let wal = std::fs::read(format!("{}-wal", db.display())).unwrap_or_default();
    for page in committed_wal_pages(&wal).into_iter().rev() {
        rows.extend(leaf_rows(page, false));
    }
    for (i, page) in main.chunks(page_size).enumerate() {
        rows.extend(leaf_rows(page, i == 0));
    }
    rows
}

/// The page size from the database header, if the header is readable.
fn page_size(db: &[u8]) -> Option<usize> {
    if db.len() < 100 || &db[..16] != b"SQLite format 3\0" {
        return None;
    }
    let raw = u16::from_be_bytes([db[16], db[17]]);
    let size = if raw == 1 { 65536 } else { usize::from(raw) };
    (size >= 512 && size.is_power_of_two()).then_some(size)
}

/// The pages of WAL frames that belong to committed transactions, in file order.
fn committed_wal_pages(wal: &[u8]) -> Vec<&[u8]> {
    if wal.len() < 32
        || !matches!(
            u32::from_be_bytes([wal[0], wal[1], wal[2], wal[3]]),
            0x377f_0682 | 0x377f_0683
        )
    {
        return Vec::new();
    }
    let page_size = u32::from_be_bytes([wal[8], wal[9], wal[10], wal[11]]) as usize;
    if !(512..=65536).contains(&page_size) {
        return Vec::new();
    }
    let salt = &wal[16..24];
    let mut pending = Vec::new();
    let mut committed = Vec::new();
    let mut at = 32;
    while at + 24 + page_size <= wal.len() {
        let header = &wal[at..at + 24];
        if &header[8..16] != salt {
            break;
        }
        pending.push(&wal[at + 24..at + 24 + page_size]);
        // A non-zero "database size after commit" marks the last frame of a transaction.
        if u32::from_be_bytes([header[4], header[5], header[6], header[7]]) != 0 {
            committed.append(&mut pending);
        }
        at += 24 + page_size;
    }
    committed
}

/// The `signups` rows on a page, if it is a table-leaf page.
fn leaf_rows(page: &[u8], first_page: bool) -> Vec<RawRow> {
    let header_at = if first_page { 100 } else { 0 };
    let Some(&kind) = page.get(header_at) else {
        return Vec::new();
    };
    if kind != 0x0D {
        return Vec::new();
    }
    let cells = read_u16(page, header_at + 3).unwrap_or(0) as usize;
    let usable = page.len();
    let mut rows = Vec::new();
    for i in 0..cells {
        let Some(cell) = read_u16(page, header_at + 8 + 2 * i) else {
            break;
        };
        if let Some(row) = cell_row(page, cell as usize, usable) {
            rows.push(row);
        }
    }
    rows
}

fn read_u16(page: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*page.get(at)?, *page.get(at + 1)?]))
}

/// A table-leaf cell as a `signups` row, or `None` if it is not one (or spills onto overflow
/// pages, which a sign-up row never needs).
fn cell_row(page: &[u8], at: usize, usable: usize) -> Option<RawRow> {
    let (payload_len, n) = varint(page.get(at..)?)?;
    let (rowid, m) = varint(page.get(at + n..)?)?;
    let payload_len = usize::try_from(payload_len).ok()?;
    if payload_len > usable.saturating_sub(35) {
        return None;
    }
    let payload = page.get(at + n + m..at + n + m + payload_len)?;
    let (header_len, mut h) = varint(payload)?;
    let header_len = usize::try_from(header_len).ok()?;
    let mut types = Vec::new();
    while h < header_len {
        let (t, k) = varint(payload.get(h..header_len)?)?;
        types.push(t);
        h += k;
    }
    if !(8..=14).contains(&types.len()) || types[0] != 0 {
        return None;
    }
    let mut body = header_len;
    // A column's value: text, or a whole number as its digits, or NULL (`Some(None)`);
    // `None` when it does not read.
    let mut value = |t: u64| -> Option<Option<String>> {
        let len = match t {
            0 | 8 | 9 => 0,
            1..=4 => t as usize,
            5 => 6,
            6 => 8,
            // TEXT is an odd serial type of 13 or more.
            t if t >= 13 && !t.is_multiple_of(2) => usize::try_from((t - 13) / 2).ok()?,
            _ => return None,
        };
        let bytes = payload.get(body..body + len)?;
        body += len;
        Some(match t {
            0 => None,
            // Serial types 8 and 9 are the integers 0 and 1, stored in the header alone.
            8 => Some("0".into()),
            9 => Some("1".into()),
            1..=6 => {
                // Big-endian two's complement, sign-extended from its first byte.
                let first = i64::from(*bytes.first()? as i8);
                let n = bytes[1..]
                    .iter()
                    .fold(first, |n, b| (n << 8) | i64::from(*b));
                Some(n.to_string())
            }
            _ => Some(String::from_utf8(bytes.to_vec()).ok()?),
        })
    };
    let mut texts: [String; 7] = Default::default();
    for (slot, t) in texts.iter_mut().zip(&types[1..8]) {
        if *t < 13 {
            return None;
        }
        *slot = value(*t)??;
    }
    let mut extra = Vec::new();
    for t in &types[8..] {
        extra.push(value(*t)?);
    }
    Some(RawRow {
        id: i64::try_from(rowid).ok()?,
        texts,
        extra,
    })
}

/// A SQLite varint: 1 to 9 bytes, big-endian, seven bits a byte (all eight in the ninth).
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, b) in bytes.iter().take(9).enumerate() {
        if i == 8 {
            return Some(((value << 8) | u64::from(*b), 9));
        }
        value = (value << 7) | u64::from(b & 0x7F);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(varint(&[0x05]), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00]), Some((128, 2)));
        assert_eq!(varint(&[0xFF; 9]), Some((u64::MAX, 9)));
        assert_eq!(varint(&[0x80]), None);
    }

    /// Frames of a transaction that never committed are not read back: that sign-up was
    /// never reported saved.
    #[test]
    fn only_committed_wal_frames() {
        let page_size = 512usize;
        let mut wal = vec![0u8; 32];
        wal[..4].copy_from_slice(&0x377f_0682u32.to_be_bytes());
        wal[8..12].copy_from_slice(&(page_size as u32).to_be_bytes());
        wal[16..24].copy_from_slice(b"saltsalt");
        for (n, commit) in [(1u8, 0u32), (2, 7), (3, 0)] {
            let mut header = [0u8; 24];
            header[4..8].copy_from_slice(&commit.to_be_bytes());
            header[8..16].copy_from_slice(b"saltsalt");
            wal.extend_from_slice(&header);
            wal.extend(std::iter::repeat_n(n, page_size));
        }
        let pages = committed_wal_pages(&wal);
        assert_eq!(pages.len(), 2);
        assert!(pages[0].iter().all(|b| *b == 1) && pages[1].iter().all(|b| *b == 2));
        // A frame from an older WAL generation (other salt) ends the log.
        wal[32 + 8] = b'X';
        assert!(committed_wal_pages(&wal).is_empty());
    }

    proptest::proptest! {
        /// Any bytes at all, even posing as a leaf page or a WAL file, never panic.
        #[test]
        fn noise_never_panics(mut bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..9000)) {
            let _ = leaf_rows(&bytes, false);
            let _ = leaf_rows(&bytes, true);
            if !bytes.is_empty() {
                bytes[0] = 0x0D;
                let _ = leaf_rows(&bytes, false);
            }
            if bytes.len() >= 4 {
                bytes[..4].copy_from_slice(&0x377f_0682u32.to_be_bytes());
            }
            let _ = committed_wal_pages(&bytes);
        }
    }
}
