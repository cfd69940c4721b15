//! A plotters [`DrawingBackend`] that paints onto an egui [`Painter`].
//!
//! Every plotters primitive becomes one egui [`Shape`], so charts are drawn
//! with egui's anti-aliased tessellator and, crucially, text goes through
//! egui's fonts (which carry the CJK fallback font), not through plotters' own
//! font loading.
//!
//! One backend unit is one egui point: backend pixel `(x, y)` is painted at
//! `rect.min + vec2(x, y)`. The backend does not clip; give it a painter made
//! with [`egui::Ui::painter_at`] if the chart must not spill out of `rect`.

use std::f32::consts::{FRAC_PI_2, PI};
use std::f64::consts::TAU;
use std::fmt;

use egui::epaint::TextShape;
use egui::{Align, Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontTransform,
};

/// The error type of [`EguiBackend`].
///
/// Painting onto egui cannot fail, so this is never produced; it exists
/// because plotters requires an `Error + Send + Sync` type.
#[derive(Debug)]
pub struct EguiBackendError;

impl fmt::Display for EguiBackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("egui drawing backend error")
    }
}

impl std::error::Error for EguiBackendError {}

/// What every drawing method of [`EguiBackend`] returns.
type DrawResult = Result<(), DrawingErrorKind<EguiBackendError>>;

/// A plotters drawing backend painting into `rect` through an egui painter.
///
/// Build it each frame, turn it into a drawing area with
/// `plotters::drawing::IntoDrawingArea::into_drawing_area`, and draw.
pub struct EguiBackend<'a> {
    painter: &'a Painter,
    rect: Rect,
}

impl<'a> EguiBackend<'a> {
    /// A backend painting with `painter`, with backend pixel `(0, 0)` at
    /// `rect.min` and a size of `rect.size()` (rounded).
    pub fn new(painter: &'a Painter, rect: Rect) -> Self {
        Self { painter, rect }
    }

    /// The egui position of a backend coordinate.
    fn to_pos(&self, (x, y): BackendCoord) -> Pos2 {
        self.rect.min + egui::vec2(x as f32, y as f32)
    }
}

impl DrawingBackend for EguiBackend<'_> {
    type ErrorType = EguiBackendError;

    /// The size of `rect`, rounded to whole points.
    fn get_size(&self) -> (u32, u32) {
        let size = self.rect.size().round();
        (size.x as u32, size.y as u32)
    }

    /// Nothing to prepare: egui collects shapes for the current frame.
    fn ensure_prepared(&mut self) -> DrawResult {
        Ok(())
    }

    /// Nothing to flush: egui paints the shapes at the end of the frame.
    fn present(&mut self) -> DrawResult {
        Ok(())
    }

    /// A filled 1×1 point square at the pixel.
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> DrawResult {
        let rect = Rect::from_min_size(self.to_pos(point), egui::Vec2::splat(1.0));
        self.painter.rect_filled(rect, 0.0, to_color32(color));
        Ok(())
    }

    /// A line segment stroked with the style's colour and width.
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> DrawResult {
        let points = [self.to_pos(from), self.to_pos(to)];
        self.painter.line_segment(points, to_stroke(style));
        Ok(())
    }

    /// A rectangle between the two corners, filled or stroked (centred on the edge).
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let rect = Rect::from_two_pos(self.to_pos(upper_left), self.to_pos(bottom_right));
        if fill {
            self.painter
                .rect_filled(rect, 0.0, to_color32(style.color()));
        } else {
            let stroke = to_stroke(style);
            self.painter
                .rect_stroke(rect, 0.0, stroke, StrokeKind::Middle);
        }
        Ok(())
    }

    /// An open polyline through the points (nothing for fewer than two).
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        let points: Vec<Pos2> = path.into_iter().map(|p| self.to_pos(p)).collect();
        if points.len() >= 2 {
            self.painter.line(points, to_stroke(style));
        }
        Ok(())
    }

    /// A circle, filled with the style's colour or stroked with its stroke.
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let (center, radius) = (self.to_pos(center), radius as f32);
        if fill {
            self.painter
                .circle_filled(center, radius, to_color32(style.color()));
        } else {
            self.painter.circle_stroke(center, radius, to_stroke(style));
        }
        Ok(())
    }

    /// A filled polygon: an egui convex polygon when the outline is convex,
    /// otherwise a mesh of triangles from ear clipping.
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> DrawResult {
        let points = dedup_closed(vert.into_iter().map(|p| self.to_pos(p)).collect());
        if points.len() < 3 {
            return Ok(());
        }
        let color = to_color32(style.color());
        if is_convex(&points) {
            let shape = Shape::convex_polygon(points, color, Stroke::NONE);
            self.painter.add(shape);
        } else {
            self.painter.add(polygon_mesh(&points, color));
        }
        Ok(())
    }

    /// Text laid out by egui at `pos`, honouring the style's anchor, size,
    /// colour and quarter-turn rotation (about the anchor point).
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> DrawResult {
        let color = to_color32(style.color());
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), to_font_id(style), color);
        if galley.is_empty() {
            return Ok(());
        }
        let align = to_align2(style.anchor());
        let top_left = align.anchor_size(self.to_pos(pos), galley.size()).min;
        let angle = to_angle(&style.transform());
        let shape = TextShape::new(top_left, galley, color).with_angle_and_anchor(angle, align);
        self.painter.add(shape);
        Ok(())
    }

    /// The unrotated size of the text as egui lays it out, rounded up.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<EguiBackendError>> {
        let font = to_font_id(style);
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER);
        let size = galley.size().ceil();
        Ok((size.x as u32, size.y as u32))
    }
}

/// A plotters colour as an egui colour (alpha 0.0–1.0 → 0–255).
fn to_color32(color: BackendColor) -> Color32 {
    let (r, g, b) = color.rgb;
    let alpha = (color.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The style's colour and stroke width as an egui stroke.
fn to_stroke<S: BackendStyle>(style: &S) -> Stroke {
    Stroke::new(style.stroke_width() as f32, to_color32(style.color()))
}

/// A plotters text anchor as an egui alignment.
fn to_align2(anchor: Pos) -> Align2 {
    let x = match anchor.h_pos {
        HPos::Left => Align::Min,
        HPos::Center => Align::Center,
        HPos::Right => Align::Max,
    };
    let y = match anchor.v_pos {
        VPos::Top => Align::Min,
        VPos::Center => Align::Center,
        VPos::Bottom => Align::Max,
    };
    Align2([x, y])
}

/// An egui font for a plotters text style.
///
/// The plotters size (pixels per em) is used as the egui size (points per em).
/// Monospace maps to egui's monospace family; every other family (serif,
/// sans-serif, named faces) to the proportional one, which has the CJK fallback.
fn to_font_id<T: BackendTextStyle>(style: &T) -> FontId {
    let size = (style.size() as f32).max(1.0);
    match style.family() {
        FontFamily::Monospace => FontId::monospace(size),
        _ => FontId::proportional(size),
    }
}

/// The clockwise rotation, in radians, of a plotters font transform.
///
/// plotters' `Rotate90` maps the text direction (1, 0) to (0, 1), i.e. down
/// the screen: a clockwise quarter turn, as is egui's positive angle.
fn to_angle(transform: &FontTransform) -> f32 {
    match transform {
        FontTransform::None => 0.0,
        FontTransform::Rotate90 => FRAC_PI_2,
        FontTransform::Rotate180 => PI,
        FontTransform::Rotate270 => -FRAC_PI_2,
    }
}

/// The points without consecutive duplicates or a closing copy of the first.
fn dedup_closed(mut points: Vec<Pos2>) -> Vec<Pos2> {
    points.dedup();
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}

/// A mesh of `color` filling the (simple, possibly concave) polygon.
fn polygon_mesh(points: &[Pos2], color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for &point in points {
        mesh.colored_vertex(point, color);
    }
    for [a, b, c] in triangulate(points) {
        mesh.add_triangle(a as u32, b as u32, c as u32);
    }
    mesh
}

/// The z component of `(a - o) × (b - o)`, in f64 to keep integer inputs exact.
fn cross(o: Pos2, a: Pos2, b: Pos2) -> f64 {
    let (ax, ay) = (
        f64::from(a.x) - f64::from(o.x),
        f64::from(a.y) - f64::from(o.y),
    );
    let (bx, by) = (
        f64::from(b.x) - f64::from(o.x),
        f64::from(b.y) - f64::from(o.y),
    );
    ax * by - ay * bx
}

/// Twice the signed (shoelace) area of the polygon.
fn signed_area2(points: &[Pos2]) -> f64 {
    let origin = points.first().copied().unwrap_or(Pos2::ZERO);
    points.windows(2).map(|w| cross(origin, w[0], w[1])).sum()
}

/// Whether the closed outline is convex: it always turns the same way (or
/// goes straight), never doubles back, and winds around exactly once.
fn is_convex(points: &[Pos2]) -> bool {
    let n = points.len();
    let (mut left, mut right, mut turning) = (false, false, 0.0_f64);
    for i in 0..n {
        let (a, b, c) = (points[i], points[(i + 1) % n], points[(i + 2) % n]);
        let turn = cross(a, b, c);
        let ahead = f64::from((b - a).dot(c - b));
        if turn == 0.0 && ahead < 0.0 {
            return false;
        }
        left |= turn > 0.0;
        right |= turn < 0.0;
        turning += turn.atan2(ahead);
    }
    !(left && right) && (turning.abs() - TAU).abs() < 1e-6
}

/// Triangulates a simple polygon by ear clipping.
///
/// Returns `n - 2` triangles of indices into `points` (none for fewer than
/// three points), each wound like the polygon. Degenerate or self-intersecting
/// input still yields `n - 2` triangles, just not a faithful fill.
fn triangulate(points: &[Pos2]) -> Vec<[usize; 3]> {
    if points.len() < 3 {
        return Vec::new();
    }
    let orient = if signed_area2(points) < 0.0 {
        -1.0
    } else {
        1.0
    };
    let mut ring: Vec<usize> = (0..points.len()).collect();
    let mut triangles = Vec::with_capacity(points.len() - 2);
    let mut start = 0;
    while ring.len() > 3 {
        let i = find_ear(points, &ring, orient, start);
        let [a, b, c] = corner(&ring, i);
        triangles.push([ring[a], ring[b], ring[c]]);
        ring.remove(i);
        start = i.saturating_sub(1);
    }
    triangles.push([ring[0], ring[1], ring[2]]);
    triangles
}

/// Positions in `ring` of the vertex before `i`, `i`, and the one after.
fn corner(ring: &[usize], i: usize) -> [usize; 3] {
    let n = ring.len();
    [(i + n - 1) % n, i, (i + 1) % n]
}

/// The orientation-adjusted turn at ring position `i` (> 0: convex corner).
fn turn_at(points: &[Pos2], ring: &[usize], i: usize, orient: f64) -> f64 {
    let [a, b, c] = corner(ring, i).map(|k| points[ring[k]]);
    cross(a, b, c) * orient
}

/// The ring position of an ear, searching from `start`; failing that a
/// straight (zero-turn) corner; failing that `start` itself.
fn find_ear(points: &[Pos2], ring: &[usize], orient: f64, start: usize) -> usize {
    let n = ring.len();
    let order = || (0..n).map(move |k| (start + k) % n);
    order()
        .find(|&i| is_ear(points, ring, i, orient))
        .or_else(|| order().find(|&i| turn_at(points, ring, i, orient) == 0.0))
        .unwrap_or(start % n)
}

/// Whether the corner at ring position `i` is convex and holds no other
/// non-convex vertex (only those can poke into an ear of a simple polygon).
fn is_ear(points: &[Pos2], ring: &[usize], i: usize, orient: f64) -> bool {
    if turn_at(points, ring, i, orient) <= 0.0 {
        return false;
    }
    let tri = corner(ring, i).map(|k| points[ring[k]]);
    (0..ring.len()).all(|j| {
        let p = points[ring[j]];
        tri.contains(&p) || turn_at(points, ring, j, orient) > 0.0 || !in_triangle(p, tri, orient)
    })
}

/// Whether `p` lies inside or on the edge of the triangle wound like `orient`.
fn in_triangle(p: Pos2, [a, b, c]: [Pos2; 3], orient: f64) -> bool {
    [(a, b), (b, c), (c, a)]
        .iter()
        .all(|&(u, v)| cross(u, v, p) * orient >= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};
    use plotters::chart::ChartBuilder;
    use plotters::coord::Shift;
    use plotters::drawing::{DrawingArea, IntoDrawingArea};
    use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
    use plotters::style::{BLUE, Color, GREEN, RED, TextStyle};

    /// The egui rect the test backend paints into.
    fn area_rect() -> Rect {
        Rect::from_min_size(pos2(10.0, 20.0), vec2(300.0, 200.0))
    }

    /// Runs one headless egui frame drawing with `draw`; returns the shapes.
    fn shapes_of(draw: impl Fn(&DrawingArea<EguiBackend<'_>, Shift>)) -> Vec<Shape> {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter().clone();
            let area = EguiBackend::new(&painter, area_rect()).into_drawing_area();
            draw(&area);
        });
        output.textures_delta.clear();
        output
            .shapes
            .into_iter()
            .map(|clipped| clipped.shape)
            .collect()
    }

    /// The text shapes among `shapes`.
    fn texts(shapes: &[Shape]) -> Vec<&TextShape> {
        fn text(shape: &Shape) -> Option<&TextShape> {
            match shape {
                Shape::Text(t) => Some(t),
                _ => None,
            }
        }
        shapes.iter().filter_map(text).collect()
    }

    /// An L-shaped (concave) hexagon in backend coordinates.
    fn l_shape() -> Vec<(i32, i32)> {
        vec![(0, 0), (40, 0), (40, 20), (20, 20), (20, 40), (0, 40)]
    }

    fn to_points(coords: &[(i32, i32)]) -> Vec<Pos2> {
        coords
            .iter()
            .map(|&(x, y)| pos2(x as f32, y as f32))
            .collect()
    }

    /// Sum of the signed doubled areas of the triangles.
    fn triangles_area2(points: &[Pos2], triangles: &[[usize; 3]]) -> f64 {
        let area = |t: &[usize; 3]| cross(points[t[0]], points[t[1]], points[t[2]]);
        triangles.iter().map(area).sum()
    }

    fn assert_valid_triangulation(points: &[Pos2]) {
        let triangles = triangulate(points);
        assert_eq!(triangles.len(), points.len() - 2);
        let expected = signed_area2(points);
        assert!((triangles_area2(points, &triangles) - expected).abs() < 1e-9);
        for t in &triangles {
            let area = cross(points[t[0]], points[t[1]], points[t[2]]);
            assert!(area * expected >= 0.0, "triangle {t:?} wound the wrong way");
        }
    }

    #[test]
    fn size_is_rect_size_rounded() {
        let ctx = egui::Context::default();
        let painter = Painter::new(ctx, egui::LayerId::background(), area_rect());
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(99.6, 50.2));
        assert_eq!(EguiBackend::new(&painter, rect).get_size(), (100, 50));
    }

    #[test]
    fn circle_is_placed_relative_to_rect() {
        let shapes = shapes_of(|area| {
            area.draw(&Circle::new((50, 40), 10, RED.filled()))
                .expect("draw");
        });
        let circle = shapes.iter().find_map(|s| match s {
            Shape::Circle(c) => Some(c),
            _ => None,
        });
        let circle = circle.expect("a circle shape");
        assert_eq!(circle.center, pos2(60.0, 60.0));
        assert_eq!(circle.radius, 10.0);
        assert_eq!(circle.fill, Color32::from_rgb(255, 0, 0));
    }

    #[test]
    fn rectangle_is_filled_rect() {
        let shapes = shapes_of(|area| {
            let rect = Rectangle::new([(5, 6), (25, 16)], BLUE.filled());
            area.draw(&rect).expect("draw");
        });
        let rect = shapes.iter().find_map(|s| match s {
            Shape::Rect(r) => Some(r),
            _ => None,
        });
        let rect = rect.expect("a rect shape");
        assert_eq!(
            rect.rect,
            Rect::from_min_max(pos2(15.0, 26.0), pos2(35.0, 36.0))
        );
        assert_eq!(rect.fill, Color32::from_rgb(0, 0, 255));
    }

    #[test]
    fn path_is_open_polyline_with_stroke_width() {
        let shapes = shapes_of(|area| {
            let path = PathElement::new(
                vec![(0, 0), (10, 5), (20, 0)],
                Color::stroke_width(&GREEN, 3),
            );
            area.draw(&path).expect("draw");
        });
        let path = shapes.iter().find_map(|s| match s {
            Shape::Path(p) => Some(p),
            _ => None,
        });
        let path = path.expect("a path shape");
        let expected = [pos2(10.0, 20.0), pos2(20.0, 25.0), pos2(30.0, 20.0)];
        assert_eq!(path.points, expected);
        assert!(!path.closed);
        assert_eq!(path.stroke.width, 3.0);
    }

    #[test]
    fn concave_polygon_becomes_mesh_of_four_triangles() {
        let shapes = shapes_of(|area| {
            area.draw(&Polygon::new(l_shape(), RED.mix(0.5)))
                .expect("draw");
        });
        let mesh = shapes.iter().find_map(|s| match s {
            Shape::Mesh(m) => Some(m),
            _ => None,
        });
        let mesh = mesh.expect("a mesh shape");
        assert_eq!(mesh.vertices.len(), 6);
        assert_eq!(mesh.indices.len() / 3, 4);
        assert_eq!(mesh.vertices[0].pos, pos2(10.0, 20.0));
        assert_eq!(
            mesh.vertices[0].color,
            Color32::from_rgba_unmultiplied(255, 0, 0, 128)
        );
    }

    #[test]
    fn convex_polygon_becomes_filled_path() {
        let square = vec![(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)];
        let shapes = shapes_of(|area| {
            area.draw(&Polygon::new(square.clone(), RED.filled()))
                .expect("draw");
        });
        let path = shapes.iter().find_map(|s| match s {
            Shape::Path(p) => Some(p),
            _ => None,
        });
        let path = path.expect("a path shape");
        assert!(path.closed);
        assert_eq!(path.points.len(), 4, "closing duplicate dropped");
        assert_eq!(path.fill, Color32::from_rgb(255, 0, 0));
        assert!(!shapes.iter().any(|s| matches!(s, Shape::Mesh(_))));
    }

    #[test]
    fn text_goes_through_egui_with_anchor() {
        let shapes = shapes_of(|area| {
            let centred = Pos::new(HPos::Center, VPos::Center);
            let style = TextStyle::from(("sans-serif", 16)).pos(centred);
            area.draw(&Text::new("医疗装备", (100, 50), style))
                .expect("draw");
        });
        let texts = texts(&shapes);
        assert_eq!(texts.len(), 1);
        let text = texts[0];
        assert_eq!(text.galley.text(), "医疗装备");
        assert_eq!(text.angle, 0.0);
        let centre = text.pos + text.galley.size() / 2.0;
        assert!(
            (centre - pos2(110.0, 70.0)).length() < 1e-3,
            "centre {centre:?}"
        );
    }

    #[test]
    fn rotated_text_pivots_on_anchor() {
        let shapes = shapes_of(|area| {
            let style = TextStyle::from(("sans-serif", 12)).transform(FontTransform::Rotate270);
            area.draw(&Text::new("Budget", (30, 150), style))
                .expect("draw");
        });
        let texts = texts(&shapes);
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].angle, -FRAC_PI_2);
        // Top-left anchor: the galley origin stays on the anchor point.
        assert!((texts[0].pos - pos2(40.0, 170.0)).length() < 1e-3);
    }

    #[test]
    fn text_size_is_measured_by_egui() {
        let shapes = shapes_of(|area| {
            let style = TextStyle::from(("sans-serif", 16));
            let (cjk_w, cjk_h) = area.estimate_text_size("医疗装备", &style).expect("cjk");
            let (latin_w, latin_h) = area.estimate_text_size("ABCD", &style).expect("latin");
            assert!(cjk_w > 0 && cjk_h > 0);
            assert!(latin_w > 0 && latin_h > 0);
            let (empty_w, _) = area.estimate_text_size("", &style).expect("empty");
            assert_eq!(empty_w, 0);
        });
        assert!(texts(&shapes).is_empty());
    }

    #[test]
    fn full_chart_draws_through_egui_text() {
        let shapes = shapes_of(|area| {
            let mut chart = ChartBuilder::on(area)
                .caption("医疗装备产量", ("sans-serif", 20))
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(0..10, 0..100)
                .expect("chart");
            chart.configure_mesh().y_desc("亿元").draw().expect("mesh");
            let line = PathElement::new(vec![(0, 10), (5, 60), (9, 40)], RED);
            chart.draw_series(std::iter::once(line)).expect("series");
        });
        let texts = texts(&shapes);
        assert!(texts.iter().any(|t| t.galley.text() == "医疗装备产量"));
        let y_desc = texts.iter().find(|t| t.galley.text() == "亿元");
        assert_eq!(y_desc.expect("y description").angle, -FRAC_PI_2);
    }

    #[test]
    fn colours_convert_alpha() {
        let half = BackendColor {
            alpha: 0.5,
            rgb: (1, 2, 3),
        };
        assert_eq!(
            to_color32(half),
            Color32::from_rgba_unmultiplied(1, 2, 3, 128)
        );
        let over = BackendColor {
            alpha: 2.0,
            rgb: (1, 2, 3),
        };
        assert_eq!(to_color32(over), Color32::from_rgb(1, 2, 3));
    }

    #[test]
    fn convexity_detection() {
        let square = to_points(&[(0, 0), (10, 0), (10, 10), (0, 10)]);
        let reversed: Vec<Pos2> = square.iter().rev().copied().collect();
        let with_straight = to_points(&[(0, 0), (5, 0), (10, 0), (10, 10), (0, 10)]);
        let star = to_points(&[(0, -10), (6, 8), (-10, -3), (10, -3), (-6, 8)]);
        assert!(is_convex(&square));
        assert!(is_convex(&reversed));
        assert!(is_convex(&with_straight));
        assert!(!is_convex(&to_points(&l_shape())));
        assert!(!is_convex(&star), "self-intersecting pentagram");
    }

    #[test]
    fn triangulates_convex_polygons() {
        let hexagon = to_points(&[(10, 0), (20, 5), (20, 15), (10, 20), (0, 15), (0, 5)]);
        assert_valid_triangulation(&hexagon);
        assert_valid_triangulation(&to_points(&[(0, 0), (4, 0), (0, 3)]));
        let with_straight = to_points(&[(0, 0), (5, 0), (10, 0), (10, 10), (0, 10)]);
        assert_valid_triangulation(&with_straight);
    }

    #[test]
    fn triangulates_concave_polygons_in_both_windings() {
        let l = to_points(&l_shape());
        assert_valid_triangulation(&l);
        let reversed: Vec<Pos2> = l.iter().rev().copied().collect();
        assert_valid_triangulation(&reversed);
        let comb = [
            (0, 0),
            (30, 0),
            (30, 30),
            (20, 10),
            (15, 30),
            (10, 10),
            (0, 30),
        ];
        assert_valid_triangulation(&to_points(&comb));
    }

    #[test]
    fn triangulates_area_chart_outline() {
        let mut outline: Vec<(i32, i32)> = (0..50).map(|x| (x * 4, 40 + (x % 7) * 9)).collect();
        outline.extend([(196, 120), (0, 120)]);
        assert_valid_triangulation(&to_points(&outline));
    }

    #[test]
    fn too_few_points_give_no_triangles() {
        assert!(triangulate(&to_points(&[(0, 0), (1, 1)])).is_empty());
        assert!(triangulate(&[]).is_empty());
    }
}
