//! This card's sign-ups on this kiosk, with their status.

use ratatui::layout::Rect;

use crate::app::State;
use crate::domain::time::local_date;
use crate::ui::list::{self, Page};
use crate::ui::painter::Painter;
use crate::ui::text::width;
use crate::ui::words;

/// Draws "My sign-ups".
pub fn draw(p: &mut Painter<'_>, state: &State, area: Rect) {
    let lang = p.lang;
    let title = p.t("my-signups-title");
    let list_area = super::list_screen(p, area, &title);
    let Some(signups) = &state.visit.my_signups else {
        let reading = p.t("my-signups-loading");
        p.text(
            area.x + 2,
            area.y + 2,
            area.width,
            &reading,
            p.theme.muted.style(),
        );
        return;
    };
    if signups.is_empty() {
        let none = p.t("my-signups-none");
        p.paragraph(
            Rect::new(area.x + 2, area.y + 2, area.width.saturating_sub(4), 2),
            &none,
            p.theme.text.style(),
        );
        return;
    }
    let today = local_date(&state.clock.now);
    let page = Page::new(state, list_area, signups.len());
    for (index, pos) in page.items() {
        let signup = &signups[index];
        let rect = page.row(pos);
        let pair = list::row(p, rect, index, index == state.visit.focus);
        let (title, place, time) = match state.catalogue.activity_by_id(&signup.activity_id) {
            Some(a) => {
                let activity = state.catalogue.activity(a);
                let time = match activity.session_on(signup.date) {
                    crate::catalogue::SessionLookup::Meets(s) => words::time_range(&s),
                    _ => String::new(),
                };
                (
                    state.catalogue.texts(a).title.get(lang).to_string(),
                    state
                        .catalogue
                        .venue(activity.venue)
                        .name
                        .get(lang)
                        .to_string(),
                    time,
                )
            }
            None => (signup.activity_id.clone(), String::new(), String::new()),
        };
        let status = words::status_short(lang, signup.status);
        let status_w = (width(&status) as u16).min(rect.width / 2);
        p.text(rect.x + 1, rect.y, 8, &signup.code, pair.bold());
        p.text(
            rect.x + 10,
            rect.y,
            rect.width.saturating_sub(status_w + 12),
            &title,
            pair.bold(),
        );
        p.text_right(
            rect.right().saturating_sub(1),
            rect.y,
            status_w,
            &status,
            pair.style(),
        );
        if rect.height >= 2 {
            // A refusal's reason matters more than the place it would have been at.
            let detail = signup
                .reason
                .as_deref()
                .and_then(|r| words::answer_reason(lang, r))
                .unwrap_or(place);
            let when = format!(
                "{}  {time}   {detail}",
                words::day(lang, signup.date, today)
            );
            p.text(
                rect.x + 10,
                rect.y + 1,
                rect.width.saturating_sub(11),
                &when,
                pair.style(),
            );
        }
    }
    list::pager(p, state, &page, list_area);
}
