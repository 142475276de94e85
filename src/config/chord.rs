//! A key chord such as `ctrl+alt+k`, the staff's way in.

use std::fmt;

/// A key with modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyChord {
    /// Control held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
    /// Shift held.
    pub shift: bool,
    /// The key.
    pub key: ChordKey,
}

/// The key of a chord.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChordKey {
    /// A letter or digit, lower-case.
    Char(char),
    /// A function key, F1 to F24.
    F(u8),
}

impl KeyChord {
    /// Reads `ctrl+alt+k`, `ctrl+shift+f12` and the like. A chord must hold Ctrl or Alt, so
    /// that no single key a member of the public can press reaches staff.
    pub fn parse(text: &str) -> Option<KeyChord> {
        let mut chord = KeyChord {
            ctrl: false,
            alt: false,
            shift: false,
            key: ChordKey::Char(' '),
        };
        let mut key = None;
        for part in text.split('+').map(|p| p.trim().to_ascii_lowercase()) {
            match part.as_str() {
                "ctrl" | "control" => chord.ctrl = true,
                "alt" => chord.alt = true,
                "shift" => chord.shift = true,
                p if key.is_none() => {
                    key = if let Some(n) = p.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        (1..=24).contains(&n).then_some(ChordKey::F(n))
                    } else {
                        let mut chars = p.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) if c.is_ascii_alphanumeric() => Some(ChordKey::Char(c)),
                            _ => None,
                        }
                    };
                    key?;
                }
                _ => return None,
            }
        }
        chord.key = key?;
        (chord.ctrl || chord.alt).then_some(chord)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl+")?;
        }
        if self.alt {
            f.write_str("alt+")?;
        }
        if self.shift {
            f.write_str("shift+")?;
        }
        match self.key {
            ChordKey::Char(c) => write!(f, "{c}"),
            ChordKey::F(n) => write!(f, "f{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chords_and_refuses_public_keys() {
        assert_eq!(
            KeyChord::parse("ctrl+alt+k"),
            Some(KeyChord {
                ctrl: true,
                alt: true,
                shift: false,
                key: ChordKey::Char('k'),
            })
        );
        assert_eq!(
            KeyChord::parse("Ctrl + Shift + F12").map(|c| c.to_string()),
            Some("ctrl+shift+f12".into())
        );
        assert_eq!(KeyChord::parse("k"), None, "a single key is not a chord");
        assert_eq!(KeyChord::parse("shift+k"), None, "needs ctrl or alt");
        assert_eq!(KeyChord::parse("ctrl+alt+kk"), None);
        assert_eq!(KeyChord::parse("ctrl+alt+f99"), None);
        assert_eq!(KeyChord::parse("ctrl+alt+k+j"), None);
    }
}
