//! The filter menu and a filter's choices.

use crate::app::State;
use crate::app::filters::{FilterKind, FilterOption};
use crate::app::screens::filter::options;
use crate::domain::lang::Lang;
use crate::domain::time::local_date;
use crate::i18n::t;
use crate::ui::model::{Page, Rows};
use crate::ui::words;

/// Each filter with its value in force: "Category: All".
pub fn labels(state: &State, lang: Lang) -> Vec<(FilterKind, String)> {
    let today = local_date(&state.clock.now);
    FilterKind::ALL
        .iter()
        .map(|kind| {
            let value = match kind {
                FilterKind::Category => {
                    let filters = &state.visit.filters;
                    let farming = filters.farming.then(|| t(lang, "filter-farming"));
                    filters
                        .category
                        .map(|c| words::category(lang, c))
                        .or(farming)
                }
                FilterKind::Audience => state
                    .visit
                    .filters
                    .audience
                    .map(|a| words::audience(lang, a)),
                FilterKind::Day => state.visit.filters.day.map(|d| words::day(lang, d, today)),
            }
            .unwrap_or_else(|| t(lang, "filter-all"));
            (
                *kind,
                format!("{}: {value}", words::filter_name(lang, *kind)),
            )
        })
        .collect()
}

/// One filter in the menu.
pub struct MenuRow {
    /// The filter's name.
    pub name: String,
    /// Its name with the value in force.
    pub label: String,
}

/// One choice of a filter.
pub struct OptionRow {
    /// The choice.
    pub label: String,
    /// Whether it is the one in force.
    pub current: bool,
}

/// A list of filters, or of one filter's choices.
pub struct FilterList<R> {
    /// The heading.
    pub title: String,
    /// The filter's name (a large page's question), or the menu's heading.
    pub name: String,
    /// The rows of the page in view.
    pub rows: Rows<R>,
}

/// The filter menu.
pub fn menu(state: &State, lang: Lang) -> FilterList<MenuRow> {
    let labels = labels(state, lang);
    let title = t(lang, "filter-menu-title");
    FilterList {
        name: title.clone(),
        title,
        rows: Rows::page(state, labels.len(), |i| MenuRow {
            name: words::filter_name(lang, labels[i].0),
            label: labels[i].1.clone(),
        }),
    }
}

/// A filter's choices.
pub fn build(state: &State, lang: Lang, kind: FilterKind) -> FilterList<OptionRow> {
    let today = local_date(&state.clock.now);
    let choices: Vec<FilterOption> = options(state, kind);
    let name = words::filter_name(lang, kind);
    FilterList {
        title: t(lang, &format!("filter-title-{}", kind.as_str())),
        name,
        rows: Rows::page(state, choices.len(), |i| OptionRow {
            label: words::filter_option(lang, choices[i], today),
            current: state.visit.filters.is_selected(kind, choices[i]),
        }),
    }
}

impl FilterList<MenuRow> {
    /// The assisted page: the filters by name.
    pub fn page(&self, state: &State) -> Page {
        Page {
            title: self.name.clone(),
            choices: self.rows.choices(state, |r| (r.name.clone(), None)),
            more: self.rows.more,
            ..Page::default()
        }
    }
}

impl FilterList<OptionRow> {
    /// The assisted page: the choices, titled by the filter's name.
    pub fn page(&self, state: &State) -> Page {
        Page {
            title: self.name.clone(),
            choices: self.rows.choices(state, |r| (r.label.clone(), None)),
            more: self.rows.more,
            ..Page::default()
        }
    }
}
