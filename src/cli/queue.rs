//! `learning-kiosk queue`: what the outbox holds, cards masked.

use serde_json::json;

use crate::args;
use crate::cli::report;
use crate::domain::lang::Lang;
use crate::exit_code as exit;
use crate::i18n::ta;
use crate::outbox::Status;
use crate::runtime::boot::{self, Options};
use crate::ui::words;

/// Prints the outbox.
pub fn run(options: &Options, lang: Lang, as_json: bool) -> u8 {
    let (outbox, opened) = match boot::open_outbox(options) {
        Ok(opened) => opened,
        Err(err) => {
            report::storage_failed(lang, &err.to_string());
            return exit::STORAGE;
        }
    };
    let (records, counts, damaged) = match (outbox.all(), outbox.counts(), outbox.damaged()) {
        (Ok(records), Ok(counts), Ok(damaged)) => (records, counts, damaged),
        (Err(err), _, _) | (_, Err(err), _) | (_, _, Err(err)) => {
            report::storage_failed(lang, &err.to_string());
            return exit::STORAGE;
        }
    };
    if let Some(aside) = &opened.set_aside {
        let aside = aside.display().to_string();
        report::both(lang, |l| {
            ta(
                l,
                "cli-outbox-rebuilt",
                args!["count" => opened.recovered, "file" => &aside],
            )
        });
    }
    if as_json {
        let counts: serde_json::Map<String, serde_json::Value> = Status::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    json!(counts.get(s).copied().unwrap_or(0)),
                )
            })
            .collect();
        let signups: Vec<serde_json::Value> = records
            .iter()
            .map(|r| {
                json!({
                    "uuid": r.uuid,
                    "kind": r.kind.as_str(),
                    "target": r.target,
                    "code": r.code,
                    "card": r.card_masked(),
                    "activity": r.activity_id,
                    "date": r.date.to_string(),
                    "created_at": r.created_at.to_rfc3339(),
                    "status": r.status.as_str(),
                    "reason": r.reason,
                    "existing": r.existing,
                })
            })
            .collect();
        let damaged: Vec<serde_json::Value> = damaged
            .iter()
            .map(|d| json!({"uuid": d.uuid, "code": d.code, "problem": d.problem}))
            .collect();
        let out = json!({
            "counts": counts,
            // Every row the outbox holds, the damaged ones included.
            "total": records.len() + damaged.len(),
            "signups": signups,
            "damaged": damaged,
        });
        crate::say!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return exit::OK;
    }
    crate::say!(
        "{}",
        ta(
            lang,
            "cli-queue-total",
            args!["count" => records.len() + damaged.len()]
        )
    );
    for status in Status::ALL {
        let n = counts.get(&status).copied().unwrap_or(0);
        crate::say!("  {}: {n}", words::status_short(lang, status));
    }
    for r in &records {
        let (why, detail) = r
            .reason
            .as_deref()
            .map(|reason| {
                let (said, detail) = words::held_reason(lang, reason);
                (format!("  ({said})"), detail)
            })
            .unwrap_or_default();
        // Every word in the reader's language; ids, dates and codes as they are stored.
        crate::say!(
            "{}  {}  {}  {:<40}  {}  {}  {}{why}",
            r.code,
            pad(&words::item_kind(lang, r.kind), 10),
            r.card_masked(),
            r.activity_id,
            r.date,
            pad(&words::status_short(lang, r.status), 18),
            r.created_at.to_rfc3339()
        );
        if let Some(detail) = detail {
            crate::say!("    {}", words::detail(lang, &detail));
        }
    }
    for d in &damaged {
        crate::say!(
            "{}",
            ta(lang, "cli-queue-damaged", args!["code" => &d.code])
        );
        crate::say!("    {}", words::detail(lang, &d.problem));
    }
    exit::OK
}

/// A text followed by spaces to `columns` display columns (Chinese is two a character).
fn pad(text: &str, columns: usize) -> String {
    let room = columns.saturating_sub(crate::ui::text::width(text));
    format!("{text}{}", " ".repeat(room))
}
