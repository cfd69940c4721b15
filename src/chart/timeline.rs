//! Draws a timeline [`Layout`] with plotters, on any backend: the window (through
//! [`EguiBackend`](super::egui_backend::EguiBackend)), PNG and SVG.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::library::{ItemKey, Library, Row, View};
use crate::timeline::{Cluster, Layout, Mark, MarkKind, radius};

/// Colours and text of a chart.
#[derive(Clone, Debug)]
pub struct ChartStyle {
    pub background: RGBColor,
    pub text: RGBColor,
    pub weak_text: RGBColor,
    pub grid: RGBColor,
    pub lane_fill: RGBColor,
    pub selection: RGBColor,
    /// Colour per [`MarkKind`], in the order of [`MarkKind::ALL`].
    pub kinds: [RGBColor; 5],
    pub mixed: RGBColor,
    pub font_family: &'static str,
    pub font_size: f64,
    /// Drawn above the lanes (exports).
    pub title: Option<String>,
    pub legend: bool,
    /// Label single markers with their title where there is room.
    pub labels: bool,
}

impl ChartStyle {
    pub fn light() -> Self {
        Self {
            background: RGBColor(255, 255, 255),
            text: RGBColor(30, 30, 30),
            weak_text: RGBColor(110, 110, 110),
            grid: RGBColor(215, 215, 215),
            lane_fill: RGBColor(244, 244, 246),
            selection: RGBColor(230, 120, 0),
            kinds: [
                RGBColor(178, 34, 52),
                RGBColor(33, 102, 172),
                RGBColor(27, 140, 90),
                RGBColor(140, 80, 170),
                RGBColor(200, 120, 0),
            ],
            mixed: RGBColor(120, 120, 120),
            font_family: "sans-serif",
            font_size: 12.0,
            title: None,
            legend: true,
            labels: true,
        }
    }

    pub fn dark() -> Self {
        Self {
            background: RGBColor(27, 27, 27),
            text: RGBColor(225, 225, 225),
            weak_text: RGBColor(150, 150, 150),
            grid: RGBColor(60, 60, 60),
            lane_fill: RGBColor(34, 34, 36),
            selection: RGBColor(255, 170, 40),
            kinds: [
                RGBColor(235, 90, 100),
                RGBColor(90, 160, 240),
                RGBColor(80, 200, 140),
                RGBColor(190, 140, 230),
                RGBColor(240, 170, 60),
            ],
            mixed: RGBColor(170, 170, 170),
            ..Self::light()
        }
    }

    fn color(&self, kind: Option<MarkKind>) -> RGBColor {
        kind.map_or(self.mixed, |k| self.kinds[k as usize])
    }

    fn font(&self, size: f64, color: RGBColor, pos: Pos) -> TextStyle<'static> {
        TextStyle {
            font: (self.font_family, size).into_font(),
            color: color.to_backend_color(),
            pos,
        }
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Height reserved above the lanes for the title and legend.
pub fn header_height(style: &ChartStyle) -> f32 {
    let mut h = 8.0;
    if style.title.is_some() {
        h += 24.0;
    }
    if style.legend {
        h += 20.0;
    }
    h
}

/// Draws `layout` of `marks`; markers holding `selected` get a ring.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    marks: &[Mark],
    lib: &Library,
    style: &ChartStyle,
    selected: Option<&ItemKey>,
) -> DrawResult<DB> {
    area.fill(&style.background)?;
    let g = &layout.geometry;
    let plot_bottom = g.height - g.axis_height;
    for (i, lane) in layout.lanes.iter().enumerate() {
        let (top, bottom) = (lane.top as i32, lane.bottom as i32);
        if i % 2 == 1 {
            area.draw(&Rectangle::new(
                [(0, top), (g.width as i32, bottom)],
                style.lane_fill.filled(),
            ))?;
        }
        let font = style.font(
            style.font_size,
            style.text,
            Pos::new(HPos::Left, VPos::Center),
        );
        if let Some(name) = fit_text(area, &lane.name, &font, g.label_width - 12.0) {
            area.draw_text(&name, &font, (6, (top + bottom) / 2))?;
        }
    }
    ticks(area, layout, style, plot_bottom)?;
    let selected_item = selected.and_then(|key| crate::timeline::selected_item(lib, key));
    for cluster in &layout.clusters {
        marker(area, cluster, layout, marks, style, selected_item)?;
    }
    if style.labels {
        labels(area, layout, marks, lib, style)?;
    }
    header(area, layout, style)
}

fn ticks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    style: &ChartStyle,
    plot_bottom: f32,
) -> DrawResult<DB> {
    let g = &layout.geometry;
    let font = style.font(
        style.font_size - 1.0,
        style.weak_text,
        Pos::new(HPos::Center, VPos::Top),
    );
    for (x, tick) in &layout.ticks {
        let x = *x as i32;
        let width = if tick.major { 2 } else { 1 };
        area.draw(&PathElement::new(
            vec![(x, g.top as i32), (x, plot_bottom as i32)],
            style.grid.stroke_width(width),
        ))?;
        area.draw_text(&tick.label, &font, (x, plot_bottom as i32 + 4))?;
    }
    area.draw(&PathElement::new(
        vec![
            (g.label_width as i32, plot_bottom as i32),
            (g.width as i32, plot_bottom as i32),
        ],
        style.grid.stroke_width(1),
    ))
}

fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cluster: &Cluster,
    layout: &Layout,
    marks: &[Mark],
    style: &ChartStyle,
    selected: Option<(View, Row)>,
) -> DrawResult<DB> {
    let (x, y) = (cluster.x.round() as i32, cluster.y.round() as i32);
    let r = radius(cluster, &layout.geometry);
    let color = style.color(cluster.kind);
    let is_selected = selected.is_some_and(|item| {
        cluster
            .members
            .iter()
            .any(|&m| marks.get(m as usize).is_some_and(|mk| mk.is(item)))
    });
    if is_selected {
        area.draw(&Circle::new(
            (x, y),
            (r + 4.0) as i32,
            style.selection.stroke_width(3),
        ))?;
    }
    if cluster.members.len() > 1 {
        area.draw(&Circle::new((x, y), r as i32, color.mix(0.85).filled()))?;
        let font = style.font(
            style.font_size - 1.0,
            RGBColor(255, 255, 255),
            Pos::new(HPos::Center, VPos::Center),
        );
        // The count where it fits on the disc (a short lane has small discs; hovering one
        // tells its count).
        let count = cluster.members.len().to_string();
        let fits = area
            .estimate_text_size(&count, &font)
            .is_ok_and(|(w, _)| w as f32 <= 2.0 * r + 2.0);
        return if fits {
            area.draw_text(&count, &font, (x, y))
        } else {
            Ok(())
        };
    }
    shape(
        area,
        cluster.kind.unwrap_or(MarkKind::Policy),
        (x, y),
        r as i32,
        color,
    )
}

/// The shape of a single marker of `kind`.
fn shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: MarkKind,
    (x, y): (i32, i32),
    r: i32,
    color: RGBColor,
) -> DrawResult<DB> {
    let fill = color.filled();
    match kind {
        MarkKind::Policy => area.draw(&Circle::new((x, y), r, fill)),
        MarkKind::PolicyNews => area.draw(&Polygon::new(
            vec![(x, y - r), (x + r, y + r), (x - r, y + r)],
            fill,
        )),
        MarkKind::CorporateNews => area.draw(&Rectangle::new(
            [(x - r + 1, y - r + 1), (x + r - 1, y + r - 1)],
            fill,
        )),
        MarkKind::Event => area.draw(&Polygon::new(
            vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
            fill,
        )),
        // A flag on a pole: a deadline.
        MarkKind::Deadline => {
            area.draw(&Rectangle::new([(x - r, y - r), (x - r + 2, y + r)], fill))?;
            area.draw(&Polygon::new(
                vec![(x - r + 2, y - r), (x + r, y - r / 2), (x - r + 2, y)],
                fill,
            ))
        }
    }
}

/// Titles beside single markers, cut to the room before the next marker.
fn labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    marks: &[Mark],
    lib: &Library,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let font = style.font(
        style.font_size - 1.0,
        style.weak_text,
        Pos::new(HPos::Left, VPos::Center),
    );
    for cluster in layout
        .clusters
        .iter()
        .filter(|c| c.members.len() == 1 && c.room >= 40.0)
    {
        let Some(mark) = marks.get(cluster.members[0] as usize) else {
            continue;
        };
        let room = cluster.room.min(layout.geometry.width - cluster.x - 12.0);
        if let Some(text) = fit_text(area, &mark.texts(lib).title, &font, room) {
            let x = (cluster.x + radius(cluster, &layout.geometry) + 4.0) as i32;
            area.draw_text(&text, &font, (x, cluster.y as i32))?;
        }
    }
    Ok(())
}

fn header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let mut y = 6;
    if let Some(title) = &style.title {
        let font = style.font(
            style.font_size + 5.0,
            style.text,
            Pos::new(HPos::Left, VPos::Top),
        );
        area.draw_text(title, &font, (8, y))?;
        y += 24;
    }
    if !style.legend {
        return Ok(());
    }
    let font = style.font(
        style.font_size,
        style.text,
        Pos::new(HPos::Left, VPos::Center),
    );
    let mut x = layout.geometry.label_width as i32;
    for kind in MarkKind::ALL {
        shape(area, kind, (x + 6, y + 8), 5, style.color(Some(kind)))?;
        area.draw_text(kind.label(), &font, (x + 16, y + 8))?;
        let (w, _) = area.estimate_text_size(kind.label(), &font)?;
        x += w as i32 + 34;
    }
    Ok(())
}

/// `text` as it fits in `max_width` pixels, cut with "…"; `None` when not even a little fits.
fn fit_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    max_width: f32,
) -> Option<String> {
    let width = |s: &str| {
        area.estimate_text_size(s, font)
            .map_or(f32::MAX, |(w, _)| w as f32)
    };
    if width(text) <= max_width {
        return Some(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(&candidate) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo >= 3).then(|| chars[..lo].iter().collect::<String>().trim_end().to_owned() + "…")
}
