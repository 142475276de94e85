//! Spoken guidance for assisted mode: runs the site's text-to-speech command (espeak-ng by
//! default) without ever making the kiosk wait for it.
//!
//! The text goes to the child's standard input, never its command line, so nothing a
//! citizen or a catalogue can put into an utterance is read as an option or shows up in
//! `ps`. Only the direct child is killed when speech is interrupted, so the command should
//! be one program (or `sh -c 'exec ...'`), not a pipeline.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::domain::lang::Lang;

/// The placeholder in the command line that is replaced by [`voice`].
pub const VOICE_PLACEHOLDER: &str = "{voice}";

/// A language's voice name for the speech command.
pub fn voice(lang: Lang) -> &'static str {
    match lang {
        // Not plain `cmn`: in espeak-ng 1.51 (Debian 12's package) `cmn` turns hanzi into
        // tone-numbered pinyin and then reads the pinyin as English, digits and all
        // ("fu four jin four"); `cmn-latn-pinyin` speaks the same pinyin with Mandarin tones,
        // and exists under that name in later releases too.
        Lang::Zh => "cmn-latn-pinyin",
        Lang::En => "en",
    }
}

/// Why speech could not start.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    /// The speech program is not installed: the kiosk works silently and tells staff once.
    #[error("the speech program `{0}` is not installed")]
    Missing(String),
    /// The configured command line is empty or cannot be split into words.
    #[error("the speech command is not usable: {0}")]
    BadCommand(String),
    /// The program exists but could not be started or fed.
    #[error("the speech program could not be started: {0}")]
    Failed(#[source] io::Error),
}

/// Runs one utterance at a time; a new one interrupts the old.
#[derive(Debug)]
pub struct Speaker {
    /// The command line split into words, `{voice}` still in place.
    words: Vec<String>,
    /// The utterance being spoken, if its child has not been reaped yet.
    current: Option<Child>,
    /// What was last asked for, for the "say again" key.
    last: Option<(Lang, String)>,
}

impl Speaker {
    /// Checks the command line (non-empty, splits) without running it.
    pub fn new(command: &str) -> Result<Speaker, SpeechError> {
        let words = shell_words::split(command)
            .map_err(|e| SpeechError::BadCommand(format!("{e} in `{command}`")))?;
        match words.first() {
            Some(program) if !program.is_empty() => Ok(Speaker {
                words,
                current: None,
                last: None,
            }),
            _ => Err(SpeechError::BadCommand(format!(
                "no program in `{command}`"
            ))),
        }
    }

    /// Interrupts any current utterance and starts speaking `text`; returns at once.
    pub fn say(&mut self, lang: Lang, text: &str) -> Result<(), SpeechError> {
        self.stop();
        // Remembered even if starting fails, so "say again" repeats what the screen showed.
        self.last = Some((lang, text.to_owned()));
        let argv = self.argv(lang);
        let (program, args) = match argv.split_first() {
            Some(split) => split,
            None => return Err(SpeechError::BadCommand("no program".to_owned())),
        };
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => SpeechError::Missing(program.clone()),
                _ => SpeechError::Failed(e),
            })?;
        if let Some(mut stdin) = child.stdin.take() {
            let text = text.to_owned();
            // A child that reads slowly or not at all would block a write bigger than the
            // pipe buffer; the thread takes that wait instead of the kiosk. Killing the child
            // closes the pipe, the write fails (Rust ignores SIGPIPE) and the thread ends.
            let writer = thread::Builder::new()
                .name("speech-stdin".to_owned())
                .spawn(move || {
                    // A child that quits early is not our problem to report; dropping stdin
                    // afterwards closes it, which tells `--stdin` the text is complete.
                    let _ = stdin.write_all(text.as_bytes());
                });
            if let Err(e) = writer {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SpeechError::Failed(e));
            }
        }
        self.current = Some(child);
        Ok(())
    }

    /// Says the last utterance again; does nothing if there has been none.
    pub fn repeat(&mut self) -> Result<(), SpeechError> {
        match self.last.clone() {
            Some((lang, text)) => self.say(lang, &text),
            None => Ok(()),
        }
    }

    /// The last utterance asked for (language and text), if any.
    pub fn last(&self) -> Option<(Lang, &str)> {
        self.last
            .as_ref()
            .map(|(lang, text)| (*lang, text.as_str()))
    }

    /// Stops speaking and forgets the last utterance, so "say again" cannot repeat one
    /// person's words to the next.
    pub fn forget(&mut self) {
        self.stop();
        self.last = None;
    }

    /// Reaps a finished utterance; says why if its program failed (a missing voice, no sound
    /// device), since the kiosk is then silent without knowing it.
    pub fn check(&mut self) -> Option<String> {
        let status = self.current.as_mut()?.try_wait().ok()??;
        self.current = None;
        (!status.success()).then(|| format!("`{}` ended with {status}", self.program()))
    }

    /// Whether the command's program can be found (a path that exists, or a name on PATH).
    pub fn program_found(&self) -> bool {
        let program = self.program();
        if program.contains('/') {
            return std::path::Path::new(&program).is_file();
        }
        std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join(&program).is_file())
        })
    }

    /// The program the command runs (its first word).
    pub fn program(&self) -> String {
        self.words.first().cloned().unwrap_or_default()
    }

    /// Stops the current utterance at once and reaps its process.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.current.take() {
            // Errors mean it had already exited; wait() still reaps it so no zombie stays.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Waits up to `limit` for the utterance to end (tests, shutdown); true if it ended.
    pub fn wait(&mut self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            if !self.is_speaking() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            // Polling keeps the limit exact without a helper thread per wait.
            thread::sleep((deadline - now).min(Duration::from_millis(10)));
        }
    }

    /// Whether an utterance is still being spoken; reaps it if it has finished.
    pub fn is_speaking(&mut self) -> bool {
        let Some(child) = self.current.as_mut() else {
            return false;
        };
        match child.try_wait() {
            Ok(None) => true,
            // Finished (now reaped), or cannot be asked: either way it is not ours to wait on.
            Ok(Some(_)) | Err(_) => {
                self.current = None;
                false
            }
        }
    }

    /// The process id of the current utterance's child, if one is running or unreaped.
    pub fn pid(&self) -> Option<u32> {
        self.current.as_ref().map(Child::id)
    }

    /// The command line for `lang`, every `{voice}` replaced.
    fn argv(&self, lang: Lang) -> Vec<String> {
        self.words
            .iter()
            .map(|word| word.replace(VOICE_PLACEHOLDER, voice(lang)))
            .collect()
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::Path;

    /// A shell command line that runs `script` with `args` as `$0`, `$1`, ...
    fn sh(script: &str, args: &[&str]) -> String {
        let mut words = vec!["sh", "-c", script];
        words.extend_from_slice(args);
        shell_words::join(words)
    }

    fn q(path: &Path) -> String {
        shell_words::quote(&path.to_string_lossy()).into_owned()
    }

    /// Whether a process exists at all (a zombie still counts), by its /proc entry.
    fn exists(pid: u32) -> bool {
        Path::new(&format!("/proc/{pid}")).exists()
    }

    #[test]
    fn voices_are_mandarin_and_english() {
        assert_eq!(voice(Lang::Zh), "cmn-latn-pinyin");
        assert_eq!(voice(Lang::En), "en");
    }

    #[test]
    fn default_command_splits() {
        let site = crate::config::load::demo_site().unwrap();
        let speaker = Speaker::new(&site.speech_command).unwrap();
        assert_eq!(
            speaker.argv(Lang::Zh),
            ["espeak-ng", "-v", "cmn-latn-pinyin", "--stdin"]
        );
        assert_eq!(speaker.argv(Lang::En), ["espeak-ng", "-v", "en", "--stdin"]);
    }

    #[test]
    fn every_placeholder_in_every_word_is_replaced() {
        let speaker =
            Speaker::new("tts --voice={voice} -w '/tmp/a b/{voice}-{voice}.wav'").unwrap();
        assert_eq!(
            speaker.argv(Lang::En),
            ["tts", "--voice=en", "-w", "/tmp/a b/en-en.wav"]
        );
    }

    #[test]
    fn bad_command_lines_are_refused() {
        for command in ["", "   ", "''", "espeak-ng 'unclosed"] {
            match Speaker::new(command) {
                Err(SpeechError::BadCommand(_)) => {}
                other => panic!("{command:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn missing_program_is_distinguishable() {
        let mut speaker = Speaker::new("no-such-speech-program-3f9a -v {voice} --stdin").unwrap();
        match speaker.say(Lang::Zh, "你好") {
            Err(SpeechError::Missing(program)) => {
                assert_eq!(program, "no-such-speech-program-3f9a")
            }
            other => panic!("expected Missing, got {other:?}"),
        }
        assert_eq!(speaker.pid(), None);
        let message = SpeechError::Missing("espeak-ng".into()).to_string();
        assert_eq!(message, "the speech program `espeak-ng` is not installed");
    }

    #[test]
    fn other_spawn_failures_are_failed() {
        // A directory exists but cannot be executed: not "missing", something else.
        let dir = tempfile::tempdir().unwrap();
        let mut speaker = Speaker::new(&q(dir.path())).unwrap();
        match speaker.say(Lang::En, "hello") {
            Err(SpeechError::Failed(_)) => {}
            other => panic!("expected Failed, got {other:?}"),
        }
    }

    #[test]
    fn text_arrives_on_stdin_and_voice_is_substituted() {
        let dir = tempfile::tempdir().unwrap();
        let text_file = dir.path().join("text");
        let voice_file = dir.path().join("voice");
        let script = format!("echo \"$0\" > {}; cat > {}", q(&voice_file), q(&text_file));
        let mut speaker = Speaker::new(&sh(&script, &["{voice}"])).unwrap();
        for (lang, text) in [
            (Lang::Zh, "附近的学习活动。\n请选择一个时间。"),
            (Lang::En, "-v --help; $(rm -rf /) 'quoted' \"too\""),
        ] {
            speaker.say(lang, text).unwrap();
            assert!(
                speaker.wait(Duration::from_secs(10)),
                "child did not finish"
            );
            assert_eq!(fs::read_to_string(&text_file).unwrap(), text);
            assert_eq!(
                fs::read_to_string(&voice_file).unwrap(),
                format!("{}\n", voice(lang))
            );
        }
    }

    #[test]
    fn repeat_says_the_last_utterance_again() {
        let dir = tempfile::tempdir().unwrap();
        let text_file = dir.path().join("text");
        let mut speaker = Speaker::new(&sh(&format!("cat >> {}", q(&text_file)), &[])).unwrap();
        // Nothing said yet: nothing to repeat, and nothing is started.
        speaker.repeat().unwrap();
        assert_eq!(speaker.pid(), None);
        assert_eq!(speaker.last(), None);

        speaker.say(Lang::En, "Choose a time.").unwrap();
        assert!(speaker.wait(Duration::from_secs(10)));
        speaker.repeat().unwrap();
        assert!(speaker.wait(Duration::from_secs(10)));
        assert_eq!(
            fs::read_to_string(&text_file).unwrap(),
            "Choose a time.Choose a time."
        );
        assert_eq!(speaker.last(), Some((Lang::En, "Choose a time.")));
    }

    #[test]
    fn a_new_utterance_kills_and_reaps_the_old() {
        let command = sh("cat >/dev/null; exec sleep 30", &[]);
        let mut speaker = Speaker::new(&command).unwrap();
        speaker.say(Lang::Zh, "第一句").unwrap();
        let first = speaker.pid().unwrap();
        assert!(speaker.is_speaking());

        speaker.say(Lang::En, "second").unwrap();
        let second = speaker.pid().unwrap();
        assert_ne!(first, second);
        // Killed and reaped: not even a zombie entry is left.
        assert!(!exists(first), "old child {first} is still there");
        assert!(exists(second));

        speaker.stop();
        assert_eq!(speaker.pid(), None);
        assert!(!exists(second), "stopped child {second} is still there");
        assert!(speaker.wait(Duration::ZERO));
    }

    #[test]
    fn drop_stops_the_child() {
        let mut speaker = Speaker::new(&sh("exec sleep 30", &[])).unwrap();
        speaker.say(Lang::En, "bye").unwrap();
        let pid = speaker.pid().unwrap();
        drop(speaker);
        assert!(!exists(pid), "child {pid} outlived its speaker");
    }

    #[test]
    fn wait_gives_up_at_its_limit() {
        let mut speaker = Speaker::new(&sh("exec sleep 30", &[])).unwrap();
        speaker.say(Lang::En, "hello").unwrap();
        let start = Instant::now();
        assert!(!speaker.wait(Duration::from_millis(50)));
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(speaker.is_speaking());
    }

    #[test]
    fn say_does_not_block_on_a_child_that_never_reads() {
        // 1 MB is far beyond a pipe's buffer: a write on the caller's thread would hang.
        let text = "附近的学习活动。".repeat(50_000);
        assert!(text.len() >= 1 << 20);
        let mut speaker = Speaker::new(&sh("exec sleep 30", &[])).unwrap();
        for _ in 0..3 {
            let start = Instant::now();
            speaker.say(Lang::Zh, &text).unwrap();
            let took = start.elapsed();
            assert!(took < Duration::from_millis(200), "say took {took:?}");
        }
        let start = Instant::now();
        speaker.stop();
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
