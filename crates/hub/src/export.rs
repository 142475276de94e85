//! `learning-hub export`: what the hub holds, for people (cards masked) and for records
//! (JSON and CSV, cards in full): sign-ups, what mending set aside, and attendance for the
//! Credit Bank.

use learning_core::domain::card::mask_digits;

use crate::store::{Store, StoreError};

/// How an export is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Lines for people, cards masked.
    Text,
    /// JSON, cards in full.
    Json,
    /// CSV with a header row, cards in full.
    Csv,
}

/// Every sign-up with its answer (cards masked in text, in full in JSON).
pub fn signups(store: &dyn Store, json: bool) -> Result<(), StoreError> {
    let list = store.signups()?;
    if json {
        learning_core::say!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
    } else {
        for s in &list {
            // People reading the text get the card masked, as everywhere else.
            learning_core::say!(
                "{}  {}  {}  {:<40} {}  {}{}",
                s.uuid,
                s.kiosk,
                mask_digits(&s.card),
                s.activity,
                s.date,
                s.status,
                s.reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default(),
            );
        }
    }
    Ok(())
}

/// What mending an older file set aside, as it was stored, with why (cards masked for
/// people, in full in JSON for the records).
pub fn set_aside(store: &dyn Store, json: bool) -> Result<(), StoreError> {
    let list = store.set_aside()?;
    if json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|(s, why)| {
                let mut row = serde_json::to_value(s).unwrap_or_default();
                row["why"] = why.as_str().into();
                row
            })
            .collect();
        learning_core::say!(
            "{}",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        );
        return Ok(());
    }
    for (s, why) in &list {
        learning_core::say!(
            "{}  {}  {}  {}  {}  {}  ({why})",
            s.uuid,
            s.kiosk,
            learning_core::domain::card::mask_digit_runs(&s.card),
            s.activity,
            s.date,
            s.status,
        );
    }
    Ok(())
}

/// One row per attendance, for the Credit Bank (the hand-over the README documents).
pub fn credits(store: &dyn Store, since: Option<&str>, form: Form) -> Result<(), StoreError> {
    let rows = store.attendance(since)?;
    match form {
        Form::Json => {
            learning_core::say!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            );
        }
        Form::Csv => {
            learning_core::say!(
                "card,activity,title_zh,title_en,date,hours,credits,venue,district,kiosk,time"
            );
            for r in &rows {
                let fields = [
                    r.card.clone(),
                    r.activity.clone(),
                    r.title_zh.clone(),
                    r.title_en.clone(),
                    r.date.clone(),
                    format!("{:.2}", r.hours),
                    format!("{}", r.credits),
                    r.venue.clone(),
                    r.district.clone(),
                    r.kiosk.clone(),
                    r.time.clone(),
                ];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                learning_core::say!("{}", line.join(","));
            }
        }
        Form::Text => {
            for r in &rows {
                learning_core::say!(
                    "{}  {}  {}  {:.2} h  {} credits  {}  {}  {}  {}",
                    r.date,
                    mask_digits(&r.card),
                    r.activity,
                    r.hours,
                    r.credits,
                    r.venue,
                    r.district,
                    r.kiosk,
                    r.time
                );
            }
        }
    }
    Ok(())
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a leading
/// `= + - @` is quoted too and prefixed, so a spreadsheet never runs it as a formula.
fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@']);
    if formula || text.contains([',', '"', '\n', '\r']) {
        let prefix = if formula { "'" } else { "" };
        format!("\"{prefix}{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_where_they_must_be_and_never_run_as_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
    }
}
