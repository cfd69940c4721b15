//! The timeline widget: plotters draws the chart onto egui; this handles zoom (wheel or
//! pinch, around the pointer), pan (drag), fit (double-click), range selection (Shift+drag),
//! hover tooltips and clicks.

use plotters::prelude::IntoDrawingArea as _;

use crate::chart::egui_backend::EguiBackend;
use crate::chart::{ChartStyle, draw_timeline, header_height};
use crate::command::Command;
use crate::library::ItemKey;
use crate::timeline::{Geometry, LaneMode, Layout, Mark, TimeScale, date_of};

/// The marks to show, with their lanes; rebuilt by the app when the filter or data change.
#[derive(Default)]
pub struct TimelineData {
    pub marks: Vec<Mark>,
    /// The library the marks were collected from, which holds their texts.
    pub lib: std::sync::Arc<crate::library::Library>,
    pub lane_names: Vec<String>,
    pub lane_of: Vec<u16>,
    /// Changes whenever the marks or lanes do: a widget lays them out again only then (or
    /// when its view or size changes).
    pub generation: u64,
    /// Marks that are one policy across briefs, joined by a line (see
    /// [`crate::timeline::policy_links`]).
    pub links: Vec<(u32, u32)>,
}

/// What the user asked of the timeline this frame, beyond selecting.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineAction {
    /// Export to a file the user picks: the visible range, or everything.
    Export { visible_only: bool },
}

/// One timeline widget's state (the app has two: the full view and the strip).
#[derive(Default)]
pub struct TimelineView {
    scale: Option<TimeScale>,
    /// Shift+drag selection, as day numbers.
    range: Option<(f64, f64)>,
    drag_from: Option<f64>,
    /// The layout drawn last frame, for hit-testing and tests.
    last: Option<(egui::Rect, Layout)>,
    /// What `last` was laid out for: the data's generation and the scale.
    last_for: Option<(u64, TimeScale)>,
    /// Per lane, how many marks lie before and after the visible span (made with `last`).
    offscreen: Vec<(usize, usize)>,
    /// For each mark, the cluster of `last` that holds it (`u32::MAX`: not visible).
    cluster_of: Vec<u32>,
    /// The lines that show the policy links between clusters of `last` (see [`link_pairs`]
    /// and [`link_lines`]), in the layout's pixels.
    link_lines: Vec<[egui::Pos2; 2]>,
}

impl TimelineView {
    pub fn scale(&self) -> Option<TimeScale> {
        self.scale
    }

    pub fn set_scale(&mut self, scale: TimeScale) {
        self.scale = Some(scale);
    }

    /// Shows every mark.
    pub fn fit(&mut self, data: &TimelineData) {
        self.scale = crate::timeline::fit_marks(&data.marks);
    }

    /// Brings the marker of `key` into view, keeping the zoom: the span moves so that the
    /// mark's date is in its middle, unless it is shown already (well inside the edges).
    /// Returns whether the view moved.
    pub fn reveal(&mut self, data: &TimelineData, key: &ItemKey) -> bool {
        let Some(item) = crate::timeline::selected_item(&data.lib, key) else {
            return false;
        };
        let Some(mark) = data.marks.iter().find(|m| m.is(item)) else {
            return false;
        };
        let day = crate::timeline::day_number(mark.date);
        let Some(scale) = self.scale else {
            return false;
        };
        let margin = scale.span() * 0.05;
        if day >= scale.start + margin && day <= scale.end - margin {
            return false;
        }
        let half = scale.span() / 2.0;
        self.scale = Some(TimeScale {
            start: day - half,
            end: day + half,
        });
        true
    }

    /// Screen position of the marker that holds `key`, as drawn last frame.
    pub fn marker_pos(&self, data: &TimelineData, key: &ItemKey) -> Option<egui::Pos2> {
        let (rect, layout) = self.last.as_ref()?;
        let item = crate::timeline::selected_item(&data.lib, key)?;
        let cluster = layout.clusters.iter().find(|c| {
            c.members
                .iter()
                .any(|&m| data.marks.get(m as usize).is_some_and(|mk| mk.is(item)))
        })?;
        Some(rect.min + egui::vec2(cluster.x, cluster.y))
    }

    /// Draws the timeline into the space left in `ui`. `compact` leaves out legend and labels.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &TimelineData,
        selected: Option<&ItemKey>,
        compact: bool,
        commands: &mut Vec<Command>,
    ) -> Option<TimelineAction> {
        if self.scale.is_none() {
            self.fit(data);
        }
        let Some(mut scale) = self.scale else {
            ui.weak("No dated items match the search and filters.");
            return None;
        };
        let (rect, response) =
            ui.allocate_exact_size(ui.available_size(), egui::Sense::click_and_drag());
        let style = chart_style(ui.visuals(), compact);
        let mut geometry = Geometry::new(rect.width(), rect.height());
        geometry.top = header_height(&style);
        geometry.label_width = if compact { 110.0 } else { 150.0 };
        let plot_left = rect.left() + geometry.label_width;
        let plot_width = geometry.plot_width();
        self.interact(ui, &response, &mut scale, plot_left, plot_width, data);
        self.scale = Some(scale);
        // Laying out 200,000 marks takes milliseconds: reuse last frame's when nothing moved.
        let key = Some((data.generation, scale));
        let (layout, fresh) = match self.last.take() {
            Some((last_rect, layout)) if last_rect == rect && self.last_for == key => {
                (layout, false)
            }
            _ => {
                self.offscreen = offscreen(data, scale);
                let layout = Layout::new(
                    &data.marks,
                    &data.lane_names,
                    &data.lane_of,
                    scale,
                    geometry,
                );
                (layout, true)
            }
        };
        // What depends on the clusters is made with them, not every frame.
        if fresh || self.cluster_of.len() != data.marks.len() {
            self.cluster_of = vec![u32::MAX; data.marks.len()];
            for (c, cluster) in layout.clusters.iter().enumerate() {
                for &m in &cluster.members {
                    if let Some(slot) = self.cluster_of.get_mut(m as usize) {
                        *slot = c as u32;
                    }
                }
            }
            self.link_lines = link_pairs(&data.links, &self.cluster_of, layout.clusters.len())
                .map_or_else(Vec::new, |pairs| link_lines(&pairs, &layout));
        }
        self.last_for = key;
        let painter = ui.painter_at(rect);
        let area = EguiBackend::new(&painter, rect).into_drawing_area();
        if let Err(err) = draw_timeline(&area, &layout, &data.marks, &data.lib, &style, selected) {
            ui.colored_label(
                crate::ui::theme::error(ui.visuals()),
                format!("Could not draw the timeline: {err}"),
            );
        }
        self.paint_links(&painter, rect, ui.visuals());
        self.paint_range(&painter, rect, &layout);
        self.paint_offscreen(&painter, rect, &layout, ui.visuals());
        let hovered = response
            .hover_pos()
            .and_then(|p| layout.hit(p.x - rect.left(), p.y - rect.top()));
        if let Some(index) = hovered {
            let members = layout.clusters[index].members.clone();
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, data, &members));
        }
        if response.clicked()
            && let Some(index) = hovered
            && let Some(mark) = data.marks.get(layout.clusters[index].members[0] as usize)
            && let Some(key) = mark.key(&data.lib)
        {
            commands.push(Command::Open(key));
        }
        self.last = Some((rect, layout));
        None
    }

    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        scale: &mut TimeScale,
        plot_left: f32,
        plot_width: f32,
        data: &TimelineData,
    ) {
        let shift = ui.input(|i| i.modifiers.shift);
        if response.hovered() {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta.y));
            let factor = f64::from(zoom) * (f64::from(scroll) / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(pos) = response.hover_pos()
            {
                scale.zoom(factor, pos.x - plot_left, plot_width);
            }
        }
        let day_at =
            |pos: egui::Pos2, scale: &TimeScale| scale.day_at(pos.x - plot_left, plot_width);
        if response.drag_started() && shift {
            self.drag_from = response.interact_pointer_pos().map(|p| day_at(p, scale));
        }
        if response.dragged() {
            match (self.drag_from, response.interact_pointer_pos()) {
                (Some(from), Some(pos)) => {
                    let to = day_at(pos, scale);
                    self.range = Some((from.min(to), from.max(to)));
                }
                _ => scale.pan(response.drag_delta().x, plot_width),
            }
        }
        if response.drag_stopped() {
            self.drag_from = None;
        }
        if response.double_clicked() {
            self.range = None;
            if let Some(fit) = crate::timeline::fit_marks(&data.marks) {
                *scale = fit;
            }
        }
    }

    /// A dashed line between the dates of one policy named in several briefs (a draft and its
    /// final version).
    fn paint_links(&self, painter: &egui::Painter, rect: egui::Rect, visuals: &egui::Visuals) {
        let stroke = egui::Stroke::new(1.5, visuals.weak_text_color());
        for &[a, b] in &self.link_lines {
            let line = [rect.min + a.to_vec2(), rect.min + b.to_vec2()];
            painter.extend(egui::Shape::dashed_line(&line, stroke, 4.0, 3.0));
        }
    }

    /// "← 3 earlier" and "12 later →" at the ends of a lane whose marks lie outside the view
    /// (deadlines years ahead, say), so an empty lane does not look empty.
    fn paint_offscreen(
        &self,
        painter: &egui::Painter,
        rect: egui::Rect,
        layout: &Layout,
        visuals: &egui::Visuals,
    ) {
        let font = egui::FontId::proportional(11.0);
        let color = visuals.weak_text_color();
        let left = rect.left() + layout.geometry.label_width + 4.0;
        for (lane, &(earlier, later)) in layout.lanes.iter().zip(&self.offscreen) {
            // Near the lane's top, clear of the markers on its middle line.
            let y = rect.top() + lane.top + 8.0;
            if earlier > 0 {
                let text = format!("← {} earlier", crate::library::number(earlier as f64));
                painter.text(
                    egui::pos2(left, y),
                    egui::Align2::LEFT_CENTER,
                    text,
                    font.clone(),
                    color,
                );
            }
            if later > 0 {
                let text = format!("{} later →", crate::library::number(later as f64));
                let right = egui::pos2(rect.right() - 4.0, y);
                painter.text(right, egui::Align2::RIGHT_CENTER, text, font.clone(), color);
            }
        }
    }

    fn paint_range(&self, painter: &egui::Painter, rect: egui::Rect, layout: &Layout) {
        let Some((from, to)) = self.range else {
            return;
        };
        let g = &layout.geometry;
        let x = |day| rect.left() + g.label_width + layout.scale.x(day, g.plot_width());
        let band = egui::Rect::from_x_y_ranges(
            x(from)..=x(to),
            rect.top() + g.top..=rect.bottom() - g.axis_height,
        );
        let color = painter
            .ctx()
            .global_style()
            .visuals
            .selection
            .bg_fill
            .gamma_multiply(0.3);
        painter.rect_filled(band, 0.0, color);
    }

    /// The selected range as dates, if any.
    pub fn range_dates(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let (from, to) = self.range?;
        Some((date_of(from)?, date_of(to)?))
    }

    /// The controls above the full timeline: lanes, fit, range actions, export.
    pub fn toolbar_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &TimelineData,
        lanes: &mut LaneMode,
        filter: &crate::library::Filter,
        commands: &mut Vec<Command>,
    ) -> Option<TimelineAction> {
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Lanes:");
            ui.selectable_value(lanes, LaneMode::Kind, "by kind");
            ui.selectable_value(lanes, LaneMode::Body, "by issuing body");
            ui.separator();
            if ui
                .button("Fit")
                .on_hover_text("Show everything (or double-click the chart)")
                .clicked()
            {
                self.fit(data);
                self.range = None;
            }
            let range = self
                .range_dates()
                .or_else(|| self.scale.and_then(|s| s.dates()));
            if let Some((from, to)) = range {
                let what = if self.range.is_some() {
                    "selected range"
                } else {
                    "visible range"
                };
                if ui
                    .button("Filter tables to this range")
                    .on_hover_text(format!("Show only items dated {from} to {to} (the {what})"))
                    .clicked()
                {
                    let mut next = filter.clone();
                    next.from = Some(from);
                    next.to = Some(to);
                    commands.push(Command::SetFilter(next));
                }
            }
            if self.range.is_some()
                && ui.button("Zoom to selection").clicked()
                && let Some((from, to)) = self.range.take()
            {
                self.scale = Some(TimeScale {
                    start: from,
                    end: to.max(from + 1.0),
                });
            }
            ui.separator();
            if ui.button("Export visible…").clicked() {
                action = Some(TimelineAction::Export { visible_only: true });
            }
            if ui.button("Export all…").clicked() {
                action = Some(TimelineAction::Export {
                    visible_only: false,
                });
            }
            ui.weak("How to use").on_hover_text(
                "Scroll or pinch to zoom around the pointer · drag to pan · double-click to fit · \
                 Shift+drag to select a range · click a marker to select it",
            );
        });
        action
    }
}

/// The chart's colours from egui's theme.
pub fn chart_style(visuals: &egui::Visuals, compact: bool) -> ChartStyle {
    let base = if visuals.dark_mode {
        ChartStyle::dark()
    } else {
        ChartStyle::light()
    };
    ChartStyle {
        legend: !compact,
        labels: !compact,
        font_size: 12.0,
        ..base
    }
}

fn tooltip_ui(ui: &mut egui::Ui, data: &TimelineData, members: &[u32]) {
    if members.len() > 1 {
        ui.strong(format!(
            "{} items — zoom in to separate them",
            members.len()
        ));
    }
    for mark in members
        .iter()
        .take(6)
        .filter_map(|&m| data.marks.get(m as usize))
    {
        ui.label(egui::RichText::new(format!("{} · {}", mark.date, mark.kind.label())).small());
        let texts = mark.texts(&data.lib);
        ui.label(texts.title);
        if let Some(zh) = texts.title_zh {
            ui.label(zh);
        }
        if let Some(body) = texts.body {
            ui.weak(body);
        }
        ui.separator();
    }
    if members.len() > 6 {
        ui.weak(format!("and {} more", members.len() - 6));
    }
}

/// Past this many pairs of joined clusters (a tangle nobody can read) no links are drawn,
/// until the view is zoomed in: each dashed line is hundreds of shapes.
const MAX_LINKS: usize = 500;

/// The pairs of clusters (lower first) that `links` between marks join, each once: a large
/// library has tens of thousands of links, most between the same few clusters when zoomed
/// out. `cluster_of` gives each mark's cluster (`u32::MAX`: not shown); `None` past
/// [`MAX_LINKS`] pairs.
fn link_pairs(
    links: &[(u32, u32)],
    cluster_of: &[u32],
    clusters: usize,
) -> Option<std::collections::BTreeSet<(u32, u32)>> {
    let cluster = |m: u32| {
        let c = *cluster_of.get(m as usize)?;
        ((c as usize) < clusters).then_some(c)
    };
    let mut pairs = std::collections::BTreeSet::new();
    for &(a, b) in links {
        if let (Some(ca), Some(cb)) = (cluster(a), cluster(b))
            && ca != cb
        {
            pairs.insert((ca.min(cb), ca.max(cb)));
            if pairs.len() > MAX_LINKS {
                return None;
            }
        }
    }
    Some(pairs)
}

/// The lines that show `pairs` of joined clusters, in the layout's pixels. Links between
/// clusters of one row lie on top of each other (a lane of a dense library has a hundred
/// of them): those that overlap or touch are drawn as one line, each stretch once.
fn link_lines(
    pairs: &std::collections::BTreeSet<(u32, u32)>,
    layout: &Layout,
) -> Vec<[egui::Pos2; 2]> {
    let at = |c: u32| {
        let cluster = &layout.clusters[c as usize];
        egui::pos2(cluster.x, cluster.y)
    };
    let mut lines = Vec::new();
    let mut flat: Vec<(f32, f32, f32)> = Vec::new();
    for &(a, b) in pairs {
        let (a, b) = (at(a), at(b));
        if a.y == b.y {
            flat.push((a.y, a.x.min(b.x), a.x.max(b.x)));
        } else {
            lines.push([a, b]);
        }
    }
    flat.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1)));
    let mut open: Option<(f32, f32, f32)> = None;
    for (y, from, to) in flat {
        match &mut open {
            Some((oy, _, end)) if *oy == y && from <= *end => *end = end.max(to),
            _ => {
                if let Some((oy, start, end)) = open.replace((y, from, to)) {
                    lines.push([egui::pos2(start, oy), egui::pos2(end, oy)]);
                }
            }
        }
    }
    if let Some((y, start, end)) = open {
        lines.push([egui::pos2(start, y), egui::pos2(end, y)]);
    }
    lines
}

/// Per lane, the marks before and after `scale`'s span.
fn offscreen(data: &TimelineData, scale: TimeScale) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); data.lane_names.len()];
    for (mark, lane) in data.marks.iter().zip(&data.lane_of) {
        let day = crate::timeline::day_number(mark.date);
        if let Some(count) = counts.get_mut(*lane as usize) {
            if day < scale.start {
                count.0 += 1;
            } else if day > scale.end {
                count.1 += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::MarkKind;

    #[test]
    fn selecting_an_item_brings_its_marker_into_view() {
        use crate::library::{Filter, Library};
        let text = include_str!("../../seeds/merics-china-industries-2021-02.txt");
        let lib = Library::new(vec![crate::model::StoredBrief {
            id: crate::model::BriefId(1),
            file_name: "sample.txt".into(),
            imported_at: "2026-12-05T00:00:00Z".into(),
            brief: crate::parse::parse_brief(text).unwrap(),
        }]);
        let lib = std::sync::Arc::new(lib);
        let marks = crate::timeline::collect_marks(&lib, &Filter::default());
        let mark = marks[0].clone();
        let key = lib.key(mark.view(), mark.row).expect("the mark's item");
        let data = TimelineData {
            marks,
            lib: std::sync::Arc::clone(&lib),
            ..TimelineData::default()
        };
        let mut view = TimelineView::default();
        // Looking at 2015, a year long: the 2021 mark is far off screen.
        let far = TimeScale::between(
            chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2015, 12, 31).unwrap(),
        );
        view.set_scale(far);
        assert!(view.reveal(&data, &key));
        let now = view.scale().unwrap();
        let day = crate::timeline::day_number(mark.date);
        assert!(
            now.start < day && day < now.end,
            "{now:?} holds {}",
            mark.date
        );
        assert!((now.span() - far.span()).abs() < 1e-6, "the zoom stays");
        // Shown already: nothing moves.
        assert!(!view.reveal(&data, &key));
        assert_eq!(view.scale(), Some(now));
    }

    #[test]
    fn links_are_drawn_once_per_pair_of_clusters_and_not_at_all_when_too_many() {
        // Marks 0–3 in cluster 0, 4–5 in cluster 1, 6 not shown.
        let cluster_of = [0, 0, 0, 0, 1, 1, u32::MAX];
        let links = [(0, 4), (1, 5), (5, 2), (0, 1), (3, 6)];
        let pairs = link_pairs(&links, &cluster_of, 2).unwrap();
        assert_eq!(pairs.into_iter().collect::<Vec<_>>(), [(0, 1)]);
        // A thousand clusters in a chain: too many to draw.
        let cluster_of: Vec<u32> = (0..1000).collect();
        let chain: Vec<(u32, u32)> = (0..999).map(|i| (i, i + 1)).collect();
        assert!(link_pairs(&chain, &cluster_of, 1000).is_none());
        assert_eq!(
            link_pairs(&chain[..MAX_LINKS], &cluster_of, 1000)
                .unwrap()
                .len(),
            MAX_LINKS
        );
    }

    #[test]
    fn links_along_one_row_are_drawn_as_one_line_per_stretch() {
        let marks: Vec<Mark> = [
            (2015, 0),
            (2017, 0),
            (2019, 0),
            (2023, 0),
            (2025, 0),
            (2016, 1),
        ]
        .into_iter()
        .map(|(y, lane)| Mark {
            date: chrono::NaiveDate::from_ymd_opt(y, 6, 1).unwrap(),
            kind: if lane == 0 {
                MarkKind::Policy
            } else {
                MarkKind::Event
            },
            row: crate::library::Row::Brief(0),
            event: 0,
        })
        .collect();
        let mut marks = marks;
        marks.sort_by_key(|m| m.date);
        let lanes: Vec<u16> = marks
            .iter()
            .map(|m| u16::from(m.kind == MarkKind::Event))
            .collect();
        let names = vec!["Policy document".to_owned(), "Topic event".to_owned()];
        let scale = TimeScale::between(
            chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        let layout = Layout::new(&marks, &names, &lanes, scale, Geometry::new(1000.0, 200.0));
        assert_eq!(layout.clusters.len(), 6);
        // Clusters sorted by lane, then x: 0–4 the policies by year, 5 the event.
        let pairs = [(0, 2), (1, 2), (0, 1), (3, 4), (1, 5)]
            .into_iter()
            .collect();
        let lines = link_lines(&pairs, &layout);
        let (c, y) = (|i: usize| layout.clusters[i].x, layout.clusters[0].y);
        let row: Vec<[f32; 2]> = lines
            .iter()
            .filter(|l| l[0].y == y && l[1].y == y)
            .map(|l| [l[0].x, l[1].x])
            .collect();
        // 2015–2019 once (three links on top of each other), and 2023–2025.
        assert_eq!(row, [[c(0), c(2)], [c(3), c(4)]]);
        // The link to the other lane stays a line of its own.
        assert_eq!(lines.len(), 3);
        assert!(
            lines
                .iter()
                .any(|l| l[1] == egui::pos2(c(5), layout.clusters[5].y))
        );
    }

    #[test]
    fn marks_outside_the_view_are_counted_per_lane() {
        let mark = |y, kind| Mark {
            date: chrono::NaiveDate::from_ymd_opt(y, 6, 1).unwrap(),
            kind,
            row: crate::library::Row::Brief(0),
            event: 0,
        };
        let data = TimelineData {
            marks: vec![
                mark(2019, MarkKind::Policy),
                mark(2021, MarkKind::Policy),
                mark(2030, MarkKind::Deadline),
                mark(2050, MarkKind::Deadline),
            ],
            lane_names: vec!["Policy document".into(), "Deadlines".into()],
            lane_of: vec![0, 0, 1, 1],
            generation: 1,
            links: Vec::new(),
            lib: Default::default(),
        };
        let day =
            |y| crate::timeline::day_number(chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        let scale = TimeScale::fit([day(2020), day(2022)]).unwrap();
        assert_eq!(offscreen(&data, scale), [(1, 0), (0, 2)]);
    }
}
