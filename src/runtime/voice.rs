//! Spoken guidance as the event loop drives it: after each frame, what the screen says goes
//! to the speech command when it changes; a new person starts with nothing to repeat.

use crate::app::State;
use crate::runtime::speech::{Speaker, SpeechError};
use crate::ui::assisted::speech::{Spoken, next_utterance, spoken};

/// Spoken guidance as the loop drives it: what the screen says goes to the speech command
/// when it changes; a missing or failing command makes the kiosk silent, and staff are told.
pub struct Voice {
    speaker: Option<Speaker>,
    last: Option<Spoken>,
    /// Whether nobody was at the kiosk at the last frame.
    nobody: bool,
}

impl Voice {
    /// The voice, and why it will be silent if it already knows (told to staff at start).
    pub fn new(command: &str) -> (Voice, Option<String>) {
        let (speaker, problem) = match Speaker::new(command) {
            Ok(s) if s.program_found() => (Some(s), None),
            Ok(s) => {
                let why = SpeechError::Missing(s.program()).to_string();
                (None, Some(why))
            }
            Err(e) => (None, Some(e.to_string())),
        };
        if let Some(why) = &problem {
            tracing::warn!(problem = %why, "speech is off");
        }
        let voice = Voice {
            speaker,
            last: None,
            nobody: true,
        };
        (voice, problem)
    }

    /// Says what changed on screen; returns why speech is not working, when it finds out.
    pub fn follow(&mut self, state: &State) -> Option<String> {
        let mut problem = self.speaker.as_mut().and_then(Speaker::check);
        // A new person: nothing of the last one may be said again.
        let nobody = state.is_untouched();
        if nobody && !self.nobody {
            if let Some(speaker) = &mut self.speaker {
                speaker.forget();
            }
            self.last = None;
        }
        self.nobody = nobody;
        let Some(now) = spoken(state) else {
            // Assisted mode was switched off: stop talking, and forget what was said.
            if self.last.take().is_some()
                && let Some(speaker) = &mut self.speaker
            {
                speaker.forget();
            }
            return problem;
        };
        let text = next_utterance(self.last.as_ref(), &now);
        let lang = now.lang;
        self.last = Some(now);
        if let (Some(text), Some(speaker)) = (text, &mut self.speaker)
            && let Err(e) = speaker.say(lang, &text)
        {
            // Silent from now on; the rest of the kiosk does not depend on speech.
            tracing::warn!(error = %e, "speech is off");
            self.speaker = None;
            problem = Some(e.to_string());
        }
        if problem.is_some() {
            tracing::warn!(problem = ?problem, "speech failed");
        }
        problem
    }

    /// Says the last utterance again (the "say again" key).
    pub fn repeat(&mut self) {
        if let Some(speaker) = &mut self.speaker
            && let Err(e) = speaker.repeat()
        {
            tracing::warn!(error = %e, "could not say it again");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::{Clock, Key, Msg, update};
    use crate::config::Mode;

    fn assisted_state() -> State {
        let mut site = crate::config::load::demo_site().unwrap();
        site.mode = Mode::Assisted;
        let catalogue = crate::catalogue::demo::demo_catalogue().unwrap();
        let now = crate::domain::time::parse_moment("2026-11-23T09:00:00+08:00").unwrap();
        State::new(
            Arc::new(site),
            Arc::new(catalogue),
            Clock { now, mono_ms: 0 },
        )
    }

    fn last(voice: &Voice) -> String {
        voice
            .speaker
            .as_ref()
            .and_then(|s| s.last().map(|(_, t)| t.to_string()))
            .unwrap_or_default()
    }

    #[test]
    fn the_next_person_cannot_hear_the_last_ones_words_again() {
        let (mut voice, problem) = Voice::new("sh -c 'cat > /dev/null'");
        assert_eq!(problem, None);
        // A standard site: the person turns assisted mode on, looks, and leaves.
        let mut state = assisted_state();
        let site = crate::config::Site {
            mode: Mode::Standard,
            ..(*state.site).clone()
        };
        state.site = Arc::new(site);
        state.visit.assisted = false;
        voice.follow(&state);
        assert_eq!(last(&voice), "");
        update(&mut state, Msg::CardSwiped("1101080000000016".into()));
        update(&mut state, Msg::Key(Key::F(3)));
        update(&mut state, Msg::Key(Key::Char('1')));
        voice.follow(&state);
        assert!(last(&voice).starts_with("哪一天"), "{}", last(&voice));
        // 4 on the home menu: finish. The kiosk is back at its welcome, in standard mode.
        update(&mut state, Msg::Key(Key::Esc));
        update(&mut state, Msg::Key(Key::Char('4')));
        assert!(state.is_untouched() && !state.visit.assisted);
        voice.follow(&state);
        assert_eq!(
            last(&voice),
            "",
            "nothing left for the next person to repeat"
        );
    }

    #[test]
    fn a_missing_or_failing_program_is_reported() {
        let (voice, problem) = Voice::new("no-such-speech-program-here {voice}");
        assert!(voice.speaker.is_none());
        assert!(problem.unwrap().contains("no-such-speech-program-here"));
        let (mut voice, problem) = Voice::new("sh -c 'cat > /dev/null; exit 3'");
        assert_eq!(problem, None);
        let state = assisted_state();
        assert_eq!(voice.follow(&state), None);
        // The failure is seen when the loop next looks, after the program has ended.
        let mut seen = None;
        for _ in 0..250 {
            seen = voice.follow(&state);
            if seen.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(seen.is_some_and(|why| why.contains("exit status: 3")));
    }
}
