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
    pub lane_names: Vec<String>,
    pub lane_of: Vec<u16>,
    /// Changes whenever the marks or lanes do: a widget lays them out again only then (or
    /// when its view or size changes).
    pub generation: u64,
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

    /// Screen position of the marker that holds `key`, as drawn last frame.
    pub fn marker_pos(&self, data: &TimelineData, key: &ItemKey) -> Option<egui::Pos2> {
        let (rect, layout) = self.last.as_ref()?;
        let cluster = layout.clusters.iter().find(|c| {
            c.members
                .iter()
                .any(|&m| data.marks.get(m as usize).is_some_and(|mk| &mk.key == key))
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
        let layout = match self.last.take() {
            Some((last_rect, layout)) if last_rect == rect && self.last_for == key => layout,
            _ => Layout::new(
                &data.marks,
                &data.lane_names,
                &data.lane_of,
                scale,
                geometry,
            ),
        };
        self.last_for = key;
        let painter = ui.painter_at(rect);
        let area = EguiBackend::new(&painter, rect).into_drawing_area();
        if let Err(err) = draw_timeline(&area, &layout, &data.marks, &style, selected) {
            ui.colored_label(
                crate::ui::theme::error(ui.visuals()),
                format!("Could not draw the timeline: {err}"),
            );
        }
        self.paint_range(&painter, rect, &layout);
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
        {
            commands.push(Command::Open(mark.key.clone()));
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
        ui.label(&mark.title);
        if let Some(zh) = &mark.title_zh {
            ui.label(zh);
        }
        if let Some(body) = &mark.body {
            ui.weak(body);
        }
        ui.separator();
    }
    if members.len() > 6 {
        ui.weak(format!("and {} more", members.len() - 6));
    }
}
