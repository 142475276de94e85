//! The learning map: district outlines and names, venues by kind, "you are here", the chosen
//! venue; a legend and the nearest venues beside it; zoom, pan and back-to-here below.

use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};

use crate::app::map_layout::{MapLayout, layout};
use crate::app::screens::map::projection;
use crate::app::{Action, State};
use crate::catalogue::VenueKind;
use crate::i18n::t;
use crate::map::Projection;
use crate::map::districts::shapes;
use crate::map::legend::{self, KIND_LETTERS, Mark};
use crate::ui::list;
use crate::ui::painter::{ButtonKind, Painter, button_width, row_of_buttons};
use crate::ui::text::width;

/// The letter and the colour index of a kind.
fn kind_index(kind: VenueKind) -> usize {
    VenueKind::ALL.iter().position(|k| *k == kind).unwrap_or(9)
}

/// Draws the map screen.
pub fn draw(p: &mut Painter<'_>, state: &State, _area: Rect) {
    let lay = layout(
        state.size.0,
        state.size.1,
        state.site.touchscreen,
        state.visit.lang,
    );
    let proj = projection(state);
    draw_map(p, state, &proj, lay.map);
    draw_side(p, state, &lay);
    draw_controls(p, lay.controls);
}

/// Which cells are taken, so names and letters never overprint one another.
struct Taken {
    area: Rect,
    cells: Vec<bool>,
}

impl Taken {
    fn new(area: Rect) -> Taken {
        Taken {
            area,
            cells: vec![false; usize::from(area.width) * usize::from(area.height)],
        }
    }

    /// Claims `w` cells from (col, row) if they are free and inside.
    fn claim(&mut self, col: i32, row: i32, w: u16) -> bool {
        let (aw, ah) = (i32::from(self.area.width), i32::from(self.area.height));
        if col < 0 || row < 0 || row >= ah || col + i32::from(w) > aw {
            return false;
        }
        let at = |c: i32| (row * aw + c) as usize;
        if (col..col + i32::from(w)).any(|c| self.cells[at(c)]) {
            return false;
        }
        for c in col..col + i32::from(w) {
            self.cells[at(c)] = true;
        }
        true
    }
}

fn draw_map(p: &mut Painter<'_>, state: &State, proj: &Projection, area: Rect) {
    if area.width < 4 || area.height < 2 {
        return;
    }
    let (half_w, half_h) = proj.half_extent_km();
    let theme = p.theme;
    let catalogue = &state.catalogue;
    // Venues on the map, by cell. When they crowd (the whole city), they are dots; closer in,
    // letters by kind.
    let visible: Vec<(usize, f64, f64)> = catalogue
        .venues
        .iter()
        .enumerate()
        .filter(|(i, _)| catalogue.is_listed_venue(*i as u32))
        .filter_map(|(i, v)| {
            let (c, r) = proj.to_cell(v.position);
            (c >= 0.0 && r >= 0.0 && c < f64::from(area.width) && r < f64::from(area.height))
                .then_some((i, c, r))
        })
        .collect();
    let cells = usize::from(area.width) * usize::from(area.height);
    let as_dots = visible.len() * 12 > cells;

    Canvas::default()
        .marker(Marker::Braille)
        .background_color(theme.text.bg.color())
        .x_bounds([-half_w, half_w])
        .y_bounds([-half_h, half_h])
        .paint(|ctx| {
            for shape in shapes() {
                for ring in &shape.rings {
                    let km: Vec<(f64, f64)> = ring.iter().map(|p| proj.to_km(*p)).collect();
                    let (min_x, max_x, min_y, max_y) = km.iter().fold(
                        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
                        |(a, b, c, d), (x, y)| (a.min(*x), b.max(*x), c.min(*y), d.max(*y)),
                    );
                    if max_x < -half_w || min_x > half_w || max_y < -half_h || min_y > half_h {
                        continue;
                    }
                    for (i, a) in km.iter().enumerate() {
                        let b = km[(i + 1) % km.len()];
                        ctx.draw(&CanvasLine {
                            x1: a.0,
                            y1: a.1,
                            x2: b.0,
                            y2: b.1,
                            color: theme.map_lines.fg.color(),
                        });
                    }
                }
            }
            if as_dots {
                ctx.layer();
                for kind in VenueKind::ALL {
                    let coords: Vec<(f64, f64)> = visible
                        .iter()
                        .filter(|(i, _, _)| catalogue.venues[*i].kind == *kind)
                        .map(|(i, _, _)| proj.to_km(catalogue.venues[*i].position))
                        .collect();
                    ctx.draw(&Points {
                        coords: &coords,
                        color: theme.map_kinds[kind_index(*kind)].fg.color(),
                    });
                }
            }
        })
        .render(area, p.buf);

    // Words and letters on top, most important first, never overprinting.
    let lang = p.lang;
    let mut taken = Taken::new(area);
    let cell = |c: f64, r: f64| (c.floor() as i32, r.floor() as i32);
    let put = |p: &mut Painter<'_>, col: i32, row: i32, text: &str, style| {
        p.text(
            area.x + col as u16,
            area.y + row as u16,
            width(text) as u16,
            text,
            style,
        );
    };

    // You are here.
    let (hc, hr) = cell_of(proj, state.site.position);
    let here_label = t(lang, "map-here");
    if taken.claim(hc, hr, 1) {
        put(p, hc, hr, "@", theme.map_here.bold());
        let w = width(&here_label) as u16 + 1;
        let right = hc + 2;
        let left = hc - 1 - i32::from(w);
        for col in [right, left] {
            if taken.claim(col, hr, w) {
                put(p, col, hr, &format!(" {here_label}"), theme.map_here.bold());
                break;
            }
        }
    }

    // The chosen venue, with its name.
    if let Some(v) = state.visit.map.selected {
        let venue = catalogue.venue(v);
        let (c, r) = cell_of(proj, venue.position);
        if taken.claim(c, r, 1) {
            let letter = KIND_LETTERS[kind_index(venue.kind)].to_string();
            put(p, c, r, &letter, theme.focus.bold());
            let name = venue.name.get(lang);
            let w = (width(name) as u16).min(area.width / 2);
            for col in [c + 2, c - 1 - i32::from(w)] {
                if taken.claim(col, r, w) {
                    let fitted = crate::ui::names::shorten_name(name, usize::from(w));
                    put(p, col, r, &fitted, theme.focus.style());
                    break;
                }
            }
        }
    }

    // Which district the middle of the map is in, in the top corner, when its own name is
    // out of sight (close in, it usually is).
    if let Some(district) = crate::map::districts::district_at(state.visit.map.center) {
        let name = district.name(lang);
        let w = width(name) as u16;
        let label_in_view = shapes().iter().any(|s| {
            let (c, r) = proj.to_cell(s.label);
            s.district == district
                && c >= 0.0
                && r >= 0.0
                && c < f64::from(area.width)
                && r < f64::from(area.height)
        });
        if !label_in_view && taken.claim(1, 0, w) {
            put(p, 1, 0, name, theme.map_lines.bold());
        }
    }

    // District names, where they fit: they orient the eye, so they go before the letters.
    for shape in shapes() {
        let name = shape.district.name(lang);
        let w = width(name) as u16;
        let (c, r) = cell_of(proj, shape.label);
        let col = c - i32::from(w / 2);
        if taken.claim(col, r, w) {
            put(p, col, r, name, theme.map_lines.style());
        }
    }

    // Venue letters by kind.
    if !as_dots {
        for (i, c, r) in &visible {
            let (col, row) = cell(*c, *r);
            if taken.claim(col, row, 1) {
                let kind = kind_index(catalogue.venues[*i].kind);
                put(
                    p,
                    col,
                    row,
                    &KIND_LETTERS[kind].to_string(),
                    theme.map_kinds[kind].bold(),
                );
            }
        }
    }

    // The whole map is a touch target: the tap is resolved to the nearest venue.
    p.hits.add(area, Action::TapMap(0, 0));
}

fn cell_of(proj: &Projection, point: crate::domain::geo::LatLon) -> (i32, i32) {
    let (c, r) = proj.to_cell(point);
    (c.floor() as i32, r.floor() as i32)
}

fn draw_side(p: &mut Painter<'_>, state: &State, lay: &MapLayout) {
    let lang = p.lang;
    let side = lay.side;
    let map = lay.map;
    let km = state
        .visit
        .map
        .width_km(map.width, map.height, state.site.cell_aspect);
    let m = crate::ui::model::map::build(state, lang, km);
    let title = p.t("map-title");
    let w = p.text(side.x, side.y, side.width, &title, p.theme.text.bold());
    p.text(
        side.x + w + 2,
        side.y,
        side.width.saturating_sub(w + 2),
        &m.scale,
        p.theme.muted.style(),
    );

    if let Some(area) = lay.legend {
        draw_legend(p, lay, area);
    }

    // The nearest venues, numbered for the keypad.
    let item_h = crate::app::paging::item_height(state.size.1, state.site.touchscreen);
    let target_h = crate::app::paging::target_height(item_h);
    for (i, row) in m.rows.iter().enumerate() {
        let y = lay.list.y + item_h * i as u16;
        if y + target_h > lay.list.bottom() {
            break;
        }
        let rect = Rect::new(lay.list.x, y, lay.list.width, target_h);
        let pair = list::row(p, rect, i, i == state.visit.focus);
        let kind = kind_index(row.kind);
        p.text(rect.x + 1, rect.y, 2, &(i + 1).to_string(), pair.bold());
        let mark = KIND_LETTERS[kind].to_string();
        let letter_pair = if i == state.visit.focus {
            pair
        } else {
            p.theme.map_kinds[kind]
        };
        p.text(rect.x + 3, rect.y, 1, &mark, letter_pair.bold());
        // The name has the first line to itself; how far and what is next share the second.
        p.name(
            Rect::new(rect.x + 5, rect.y, rect.width.saturating_sub(6), 1),
            &row.name,
            m.rows.iter().map(|r| r.name.as_str()),
            pair.bold(),
        );
        if rect.height >= 2 {
            p.text(
                rect.x + 5,
                rect.y + 1,
                rect.width.saturating_sub(6),
                &row.way_and_next,
                pair.style(),
            );
        }
    }
}

/// The legend: a heading when it is beside the map, then its entries in lines that fit.
fn draw_legend(p: &mut Painter<'_>, lay: &MapLayout, area: Rect) {
    let mut y = area.y;
    if lay.legend_beside {
        let heading = p.t("map-legend");
        p.text(area.x, y, area.width, &heading, p.theme.text.bold());
        y += 1;
    }
    let entries = legend::entries(p.lang);
    for line in legend::lines(&entries, area.width) {
        if y >= area.bottom() {
            break;
        }
        for (i, at) in line {
            let entry = &entries[i];
            let pair = match entry.mark {
                Mark::Kind(kind) => p.theme.map_kinds[kind_index(kind)],
                Mark::Here => p.theme.map_here,
            };
            let x = area.x.saturating_add(at);
            let w = entry.width().min(area.right().saturating_sub(x));
            if w == 0 {
                continue;
            }
            p.text(x, y, 1, &entry.letter.to_string(), pair.bold());
            p.text(
                x + 2,
                y,
                w.saturating_sub(2),
                &entry.name,
                p.theme.text.style(),
            );
        }
        y += 1;
    }
}

fn draw_controls(p: &mut Painter<'_>, area: Rect) {
    let wide = area.width >= 110;
    let name = |p: &Painter<'_>, id: &str| -> String {
        if wide {
            p.t(id)
        } else {
            p.t(&format!("{id}-short"))
        }
    };
    let pan_key = |k: &'static str| if wide { k } else { "" };
    let buttons: Vec<(&str, String, Action)> = vec![
        ("+", name(p, "map-zoom-in"), Action::ZoomIn),
        ("-", name(p, "map-zoom-out"), Action::ZoomOut),
        ("0", name(p, "map-back-here"), Action::BackToHere),
        (pan_key("Up"), name(p, "map-north"), Action::Pan(0, 1)),
        (pan_key("Down"), name(p, "map-south"), Action::Pan(0, -1)),
        (pan_key("Left"), name(p, "map-west"), Action::Pan(-1, 0)),
        (pan_key("Right"), name(p, "map-east"), Action::Pan(1, 0)),
    ];
    let widths: Vec<u16> = buttons.iter().map(|(k, l, _)| button_width(k, l)).collect();
    for (rect, (key, label, action)) in row_of_buttons(area.x + 1, area.y, area.right(), &widths)
        .into_iter()
        .zip(buttons.iter())
    {
        p.button(rect, key, label, *action, ButtonKind::Normal, false);
    }
}
