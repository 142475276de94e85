//! Colours, as exact RGB so no terminal palette can remap them.

use ratatui::style::{Color, Modifier, Style};

/// An exact colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// As a ratatui colour.
    pub fn color(self) -> Color {
        Color::Rgb(self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// A text colour on a background colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Text.
    pub fg: Rgb,
    /// Background.
    pub bg: Rgb,
}

impl Pair {
    /// As a ratatui style.
    pub fn style(self) -> Style {
        Style::default().fg(self.fg.color()).bg(self.bg.color())
    }

    /// As a bold ratatui style.
    pub fn bold(self) -> Style {
        self.style().add_modifier(Modifier::BOLD)
    }
}

/// The colours of every part of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text on the page.
    pub text: Pair,
    /// Secondary text on the page.
    pub muted: Pair,
    /// The top bar.
    pub bar: Pair,
    /// A button.
    pub button: Pair,
    /// The screen's main button.
    pub primary: Pair,
    /// The focused button or row.
    pub focus: Pair,
    /// A problem the person must read.
    pub problem: Pair,
    /// Good news (saved).
    pub good: Pair,
    /// Lines and borders on the page.
    pub rule: Pair,
    /// QR codes: black on white, always.
    pub qr: Pair,
    /// Map: district outlines and names.
    pub map_lines: Pair,
    /// Map: "you are here".
    pub map_here: Pair,
    /// Map: venue letters, by kind (in [`crate::catalogue::VenueKind::ALL`] order).
    pub map_kinds: [Pair; 10],
}

const PAGE: Rgb = Rgb(248, 248, 244);
const INK: Rgb = Rgb(28, 28, 28);

/// The standard theme: every pair has a contrast of at least 4.5:1.
pub const STANDARD: Theme = Theme {
    text: Pair { fg: INK, bg: PAGE },
    muted: Pair {
        fg: Rgb(84, 84, 84),
        bg: PAGE,
    },
    bar: Pair {
        fg: Rgb(255, 255, 255),
        bg: Rgb(0, 62, 120),
    },
    button: Pair {
        fg: Rgb(0, 0, 0),
        bg: Rgb(222, 230, 240),
    },
    primary: Pair {
        fg: Rgb(255, 255, 255),
        bg: Rgb(0, 90, 158),
    },
    focus: Pair {
        fg: Rgb(0, 0, 0),
        bg: Rgb(255, 209, 0),
    },
    problem: Pair {
        fg: Rgb(150, 0, 20),
        bg: Rgb(253, 236, 236),
    },
    good: Pair {
        fg: Rgb(0, 96, 40),
        bg: PAGE,
    },
    rule: Pair {
        fg: Rgb(90, 100, 115),
        bg: PAGE,
    },
    qr: Pair {
        fg: Rgb(0, 0, 0),
        bg: Rgb(255, 255, 255),
    },
    map_lines: Pair {
        fg: Rgb(96, 104, 120),
        bg: PAGE,
    },
    map_here: Pair {
        fg: Rgb(255, 255, 255),
        bg: Rgb(176, 0, 32),
    },
    // One colour a kind, in VenueKind::ALL order: college, learning centre, adult school,
    // university for older people, library, cultural centre, distance-learning point,
    // museum, workplace, other.
    map_kinds: [
        kind(Rgb(0, 90, 158)),
        kind(Rgb(0, 110, 70)),
        kind(Rgb(120, 70, 0)),
        kind(Rgb(150, 0, 90)),
        kind(Rgb(60, 60, 170)),
        kind(Rgb(160, 50, 0)),
        kind(Rgb(0, 100, 110)),
        kind(Rgb(110, 60, 130)),
        kind(Rgb(70, 80, 40)),
        kind(Rgb(70, 70, 70)),
    ],
};

const NIGHT: Rgb = Rgb(0, 0, 0);
const WHITE: Rgb = Rgb(255, 255, 255);

/// The high-contrast theme of assisted mode: light on black, every pair at least 7:1 (WCAG
/// AAA), for eyes that need more than the standard 4.5:1.
pub const HIGH_CONTRAST: Theme = Theme {
    text: Pair {
        fg: WHITE,
        bg: NIGHT,
    },
    muted: Pair {
        fg: Rgb(210, 210, 210),
        bg: NIGHT,
    },
    bar: Pair {
        fg: WHITE,
        bg: Rgb(0, 40, 100),
    },
    button: Pair {
        fg: NIGHT,
        bg: Rgb(235, 235, 235),
    },
    primary: Pair {
        fg: NIGHT,
        bg: Rgb(140, 210, 255),
    },
    focus: Pair {
        fg: NIGHT,
        bg: Rgb(255, 230, 0),
    },
    problem: Pair {
        fg: WHITE,
        bg: Rgb(150, 0, 0),
    },
    good: Pair {
        fg: Rgb(130, 255, 150),
        bg: NIGHT,
    },
    rule: Pair {
        fg: Rgb(200, 200, 200),
        bg: NIGHT,
    },
    qr: Pair {
        fg: Rgb(0, 0, 0),
        bg: Rgb(255, 255, 255),
    },
    map_lines: Pair {
        fg: Rgb(200, 200, 200),
        bg: NIGHT,
    },
    map_here: Pair {
        fg: NIGHT,
        bg: Rgb(255, 230, 0),
    },
    map_kinds: [
        night(Rgb(140, 210, 255)),
        night(Rgb(130, 255, 170)),
        night(Rgb(255, 200, 110)),
        night(Rgb(255, 160, 225)),
        night(Rgb(195, 195, 255)),
        night(Rgb(255, 175, 130)),
        night(Rgb(110, 235, 235)),
        night(Rgb(230, 180, 255)),
        night(Rgb(215, 235, 150)),
        night(Rgb(225, 225, 225)),
    ],
};

/// A venue kind's colour on the high-contrast theme's black.
const fn night(fg: Rgb) -> Pair {
    Pair { fg, bg: NIGHT }
}

/// A venue kind's colour on the page.
const fn kind(fg: Rgb) -> Pair {
    Pair { fg, bg: PAGE }
}

impl Theme {
    /// Every foreground/background pair the theme uses, with its name.
    pub fn pairs(&self) -> Vec<(&'static str, Pair)> {
        // Taken apart field by field, so a new field cannot be left out of the contrast tests.
        let Theme {
            text,
            muted,
            bar,
            button,
            primary,
            focus,
            problem,
            good,
            rule,
            qr,
            map_lines,
            map_here,
            map_kinds,
        } = *self;
        let mut pairs = vec![
            ("text", text),
            ("muted", muted),
            ("bar", bar),
            ("button", button),
            ("primary", primary),
            ("focus", focus),
            ("problem", problem),
            ("good", good),
            ("rule", rule),
            ("qr", qr),
            ("map lines", map_lines),
            ("map here", map_here),
        ];
        pairs.extend(map_kinds.iter().map(|p| ("map venue kind", *p)));
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_reads_at_4_5_to_1() {
        for (name, pair) in STANDARD.pairs() {
            let ratio = pair.fg.contrast(pair.bg);
            assert!(ratio >= 4.5, "{name}: {ratio:.2}");
        }
    }

    #[test]
    fn every_high_contrast_pair_reads_at_7_to_1() {
        for (name, pair) in HIGH_CONTRAST.pairs() {
            let ratio = pair.fg.contrast(pair.bg);
            assert!(ratio >= 7.0, "{name}: {ratio:.2}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((Rgb(119, 119, 119).contrast(Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
    }
}
