//! The real espeak-ng, through the kiosk's speaker, into WAV files: each utterance must be
//! audible speech of a sensible length, and the Chinese one must be read as Mandarin.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

use std::path::Path;
use std::time::Duration;

use learning_kiosk::domain::lang::Lang;
use learning_kiosk::runtime::speech::{Speaker, voice};

const ZH: &str = "附近的学习活动。请选择一个时间。";
const EN: &str = "Activities nearby. Choose a time.";

/// Window length for the energy checks: about one syllable's onset.
const WINDOW: Duration = Duration::from_millis(20);
/// A window this loud (RMS, full scale = 1.0) is sound, not silence or dither.
const LOUD: f64 = 0.02;

/// What was measured in one WAV file.
#[derive(Debug)]
struct Measure {
    seconds: f64,
    rms: f64,
    loud_fraction: f64,
    first_loud: f64,
    last_loud: f64,
}

fn measure(path: &Path) -> Measure {
    let mut reader = hound::WavReader::open(path).unwrap();
    let spec = reader.spec();
    assert_eq!(spec.channels, 1, "{path:?}: {spec:?}");
    assert_eq!(spec.sample_format, hound::SampleFormat::Int, "{path:?}");
    assert_eq!(spec.bits_per_sample, 16, "{path:?}");
    let samples: Vec<f64> = reader
        .samples::<i16>()
        .map(|s| f64::from(s.unwrap()) / 32768.0)
        .collect();
    let rate = f64::from(spec.sample_rate);
    let rms_of =
        |xs: &[f64]| (xs.iter().map(|x| x * x).sum::<f64>() / xs.len().max(1) as f64).sqrt();
    let window = (rate * WINDOW.as_secs_f64()) as usize;
    let windows: Vec<f64> = samples.chunks(window).map(rms_of).collect();
    let loud: Vec<usize> = (0..windows.len()).filter(|&i| windows[i] > LOUD).collect();
    let at = |i: Option<&usize>| i.map_or(f64::NAN, |&i| (i * window) as f64 / rate);
    Measure {
        seconds: samples.len() as f64 / rate,
        rms: rms_of(&samples),
        loud_fraction: loud.len() as f64 / windows.len().max(1) as f64,
        first_loud: at(loud.first()),
        last_loud: at(loud.last()),
    }
}

/// Fails unless the WAV at `path` holds speech; returns what it measured.
fn assert_speech(path: &Path) -> Measure {
    let m = measure(path);
    eprintln!("{}: {m:?}", path.display());
    assert!(m.seconds > 0.8, "{path:?} is too short: {m:?}");
    assert!(m.seconds < 30.0, "{path:?} is far too long: {m:?}");
    // Speech from espeak-ng at full amplitude sits near 0.1-0.2 RMS; silence is 0.
    assert!(m.rms > 0.03, "{path:?} is (nearly) silent: {m:?}");
    assert!(m.loud_fraction > 0.4, "{path:?} is mostly silence: {m:?}");
    // Sound starts early and goes on to near the end: leading or trailing silence is never
    // the whole thing (NaN, when nothing is loud, fails these comparisons too).
    assert!(
        m.first_loud < 0.5 * m.seconds,
        "{path:?} starts late: {m:?}"
    );
    assert!(m.last_loud > 0.5 * m.seconds, "{path:?} ends early: {m:?}");
    assert!(
        m.last_loud - m.first_loud > 0.6,
        "{path:?} has no span of sound: {m:?}"
    );
    m
}

#[test]
fn espeak_ng_speaks_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let wav = |lang: Lang| dir.path().join(format!("{}.wav", voice(lang)));
    // `{voice}` in the file name as well as after -v: one speaker, one file per language.
    let command = shell_words::join([
        "espeak-ng",
        "-v",
        "{voice}",
        "-w",
        &format!("{}/{{voice}}.wav", dir.path().display()),
        "--stdin",
    ]);
    let mut speaker = Speaker::new(&command).unwrap();

    speaker.say(Lang::Zh, ZH).unwrap();
    assert!(
        speaker.wait(Duration::from_secs(60)),
        "espeak-ng did not finish"
    );
    let zh = assert_speech(&wav(Lang::Zh));

    speaker.say(Lang::En, EN).unwrap();
    assert!(
        speaker.wait(Duration::from_secs(60)),
        "espeak-ng did not finish"
    );
    let en = assert_speech(&wav(Lang::En));

    // Fourteen hanzi are fourteen spoken syllables: well over the general minimum, at any
    // sane rate (about 0.3 s each by default).
    assert!(
        zh.seconds > 2.0,
        "Chinese is too short for 14 syllables: {zh:?}"
    );
    assert!(en.seconds > 1.0, "English is too short: {en:?}");
}

#[test]
fn chinese_is_read_as_mandarin_not_as_english() {
    // espeak-ng's phoneme trace shows how it read the text: `(en)` marks a switch to English
    // (what 1.51's plain `cmn` voice does with its own pinyin, "fu four jin four"), and
    // Mandarin syllables carry tone contours such as 51 and 35.
    let dir = tempfile::tempdir().unwrap();
    let phonemes = dir.path().join("zh.txt");
    let command = shell_words::join([
        "espeak-ng",
        "-v",
        "{voice}",
        "-q",
        "-x",
        &format!("--phonout={}", phonemes.display()),
        "--stdin",
    ]);
    let mut speaker = Speaker::new(&command).unwrap();
    speaker.say(Lang::Zh, ZH).unwrap();
    assert!(
        speaker.wait(Duration::from_secs(60)),
        "espeak-ng did not finish"
    );
    let trace = std::fs::read_to_string(&phonemes).unwrap();
    eprintln!("{trace}");
    assert!(!trace.contains("(en)"), "Chinese read as English: {trace}");
    for tone in ["51", "35", "55"] {
        assert!(trace.contains(tone), "no tone {tone} in: {trace}");
    }
    // One syllable per hanzi, each ending its word with `_|` or a tone.
    let syllables = trace.matches("_|").count();
    assert!(
        syllables >= 10,
        "too few syllables ({syllables}) in: {trace}"
    );
}
