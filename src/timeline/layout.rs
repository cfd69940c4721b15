//! Where everything of a timeline goes, in pixels: lanes, ticks and marker clusters. Shared by
//! the window and the PNG/SVG export, and used for hit-testing.

use super::marks::{Mark, MarkKind};
use super::scale::{TimeScale, day_number};
use super::ticks::{Tick, TickUnit, ticks};

/// Sizes of the parts of a timeline, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    /// Left column that holds the lane names.
    pub label_width: f32,
    /// Space above the lanes (title, legend).
    pub top: f32,
    /// Space below the lanes (tick labels).
    pub axis_height: f32,
    /// Markers closer than this merge into a cluster.
    pub marker_radius: f32,
    /// No marker is drawn larger than this: half a lane's height, so that a disc stays in
    /// its lane. [`Layout::new`] sets it.
    pub max_radius: f32,
    pub min_tick_spacing: f32,
}

impl Geometry {
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            label_width: 150.0,
            top: 8.0,
            axis_height: 24.0,
            marker_radius: 6.0,
            max_radius: f32::INFINITY,
            min_tick_spacing: 70.0,
        }
    }

    /// Width of the plot (right of the lane labels).
    pub fn plot_width(&self) -> f32 {
        (self.width - self.label_width).max(1.0)
    }

    fn plot_height(&self) -> f32 {
        (self.height - self.top - self.axis_height).max(1.0)
    }
}

/// Marks drawn as one marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub lane: u16,
    /// Centre, in pixels from the timeline's top-left corner.
    pub x: f32,
    pub y: f32,
    /// Indices into the marks.
    pub members: Vec<u32>,
    /// The kind of the members when they all share one.
    pub kind: Option<MarkKind>,
    /// Free space to the right before the next marker of the lane, for a label.
    pub room: f32,
}

/// A lane's name and vertical extent.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub top: f32,
    pub bottom: f32,
}

/// Everything to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub geometry: Geometry,
    pub scale: TimeScale,
    pub lanes: Vec<Lane>,
    pub unit: TickUnit,
    /// Ticks with their x in pixels.
    pub ticks: Vec<(f32, Tick)>,
    pub clusters: Vec<Cluster>,
    /// Marks inside the visible span (what the clusters hold, all of them).
    pub visible: usize,
}

impl Layout {
    /// Lays out `marks` (sorted by date) with their `lane_of` lanes in `scale`.
    pub fn new(
        marks: &[Mark],
        lane_names: &[String],
        lane_of: &[u16],
        scale: TimeScale,
        mut geometry: Geometry,
    ) -> Self {
        let lane_height = geometry.plot_height() / lane_names.len().max(1) as f32;
        geometry.max_radius = (lane_height / 2.0 - 1.0).max(3.0);
        let lanes = lane_names
            .iter()
            .enumerate()
            .map(|(i, name)| Lane {
                name: name.clone(),
                top: geometry.top + i as f32 * lane_height,
                bottom: geometry.top + (i + 1) as f32 * lane_height,
            })
            .collect::<Vec<_>>();
        let plot_width = geometry.plot_width();
        let (unit, tick_list) = ticks(&scale, plot_width, geometry.min_tick_spacing);
        let ticks = tick_list
            .into_iter()
            .map(|t| {
                (
                    geometry.label_width + scale.x(day_number(t.date), plot_width),
                    t,
                )
            })
            .collect();
        let (clusters, visible) = cluster(marks, lane_of, &lanes, &scale, &geometry);
        Self {
            geometry,
            scale,
            lanes,
            unit,
            ticks,
            clusters,
            visible,
        }
    }

    /// The cluster under the point (`x`, `y`), if any: the nearest within reach.
    pub fn hit(&self, x: f32, y: f32) -> Option<usize> {
        let reach = self.geometry.marker_radius + 3.0;
        self.clusters
            .iter()
            .enumerate()
            .map(|(i, c)| (i, (c.x - x).hypot(c.y - y)))
            .filter(|(i, dist)| *dist <= reach.max(radius(&self.clusters[*i], &self.geometry)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// Drawn radius of a cluster: grows slowly with its size, up to the lane's half height.
pub fn radius(cluster: &Cluster, geometry: &Geometry) -> f32 {
    let n = cluster.members.len() as f32;
    let natural = if n <= 1.0 {
        geometry.marker_radius
    } else {
        geometry.marker_radius + 2.0 + n.log10() * 4.0
    };
    natural.min(geometry.max_radius)
}

/// Greedy clustering per lane over the visible marks: a marker joins the lane's open cluster
/// while it lies within two radii of the cluster's first marker; then clusters whose discs
/// would overlap are merged.
fn cluster(
    marks: &[Mark],
    lane_of: &[u16],
    lanes: &[Lane],
    scale: &TimeScale,
    geometry: &Geometry,
) -> (Vec<Cluster>, usize) {
    let plot_width = geometry.plot_width();
    let first = marks.partition_point(|m| day_number(m.date) < scale.start.floor());
    let last = marks.partition_point(|m| day_number(m.date) < scale.end.ceil());
    let mut done: Vec<Cluster> = Vec::new();
    let mut open: Vec<Option<(f32, Cluster)>> = vec![None; lanes.len()];
    let reach = geometry.marker_radius * 2.0;
    for (index, mark) in marks.iter().enumerate().take(last).skip(first) {
        let lane = lane_of.get(index).copied().unwrap_or(0) as usize;
        let Some(lane_geom) = lanes.get(lane) else {
            continue;
        };
        let x = geometry.label_width + scale.x(day_number(mark.date), plot_width);
        match &mut open[lane] {
            Some((start, c)) if x - *start <= reach => {
                c.members.push(index as u32);
                if c.kind != Some(mark.kind) {
                    c.kind = None;
                }
            }
            slot => {
                if let Some((_, c)) = slot.take() {
                    done.push(c);
                }
                *slot = Some((
                    x,
                    Cluster {
                        lane: lane as u16,
                        x,
                        y: (lane_geom.top + lane_geom.bottom) / 2.0,
                        members: vec![index as u32],
                        kind: Some(mark.kind),
                        room: 0.0,
                    },
                ));
            }
        }
    }
    done.extend(open.into_iter().flatten().map(|(_, c)| c));
    for c in &mut done {
        c.x = c
            .members
            .iter()
            .map(|&i| {
                geometry.label_width + scale.x(day_number(marks[i as usize].date), plot_width)
            })
            .sum::<f32>()
            / c.members.len() as f32;
    }
    let by_place = |a: &Cluster, b: &Cluster| {
        a.lane
            .cmp(&b.lane)
            .then(a.x.total_cmp(&b.x))
            .then(a.y.total_cmp(&b.y))
    };
    done.sort_by(by_place);
    let mut done = stack_same_day(merge_overlapping(done, geometry), marks, lanes, geometry);
    done.sort_by(by_place);
    for i in 0..done.len() {
        let next_x = done[i + 1..]
            .iter()
            .take_while(|n| n.lane == done[i].lane)
            .find(|n| n.x > done[i].x + 0.5)
            .map_or(geometry.width, |n| n.x - radius(n, geometry));
        done[i].room = (next_x - done[i].x - radius(&done[i], geometry) - 4.0).max(0.0);
    }
    (done, last.saturating_sub(first))
}

/// Space kept between the discs of two neighbouring clusters, in pixels.
const CLUSTER_GAP: f32 = 2.0;

/// Merges neighbouring clusters of a lane (`clusters` sorted by lane, then x) whose discs
/// would overlap, until none do. A cluster's disc grows with its count, so where marks are
/// dense the greedy pass leaves discs that cover each other three deep: a smear of unreadable
/// counts (and, drawn, many times the triangles needed). Merged, the lane shows a row of
/// separate counts, each centred on its members' mean date.
fn merge_overlapping(clusters: Vec<Cluster>, geometry: &Geometry) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len());
    for cluster in clusters {
        out.push(cluster);
        while let [.., a, b] = out.as_slice() {
            let apart = radius(a, geometry) + radius(b, geometry) + CLUSTER_GAP;
            if a.lane != b.lane || b.x - a.x >= apart {
                break;
            }
            let Some(b) = out.pop() else { break };
            let Some(a) = out.last_mut() else { break };
            let (na, nb) = (a.members.len() as f32, b.members.len() as f32);
            a.x = (a.x * na + b.x * nb) / (na + nb);
            if a.kind != b.kind {
                a.kind = None;
            }
            // Both hold marks in index (date) order, `a`'s first.
            a.members.extend(b.members);
        }
    }
    out
}

/// Marks on the very same day never separate by zooming; where the lane is tall enough they
/// are stacked one above the other instead of merged.
fn stack_same_day(
    clusters: Vec<Cluster>,
    marks: &[Mark],
    lanes: &[Lane],
    geometry: &Geometry,
) -> Vec<Cluster> {
    let step = geometry.marker_radius * 2.0 + 3.0;
    let mut out = Vec::with_capacity(clusters.len());
    for cluster in clusters {
        let n = cluster.members.len();
        let day = marks[cluster.members[0] as usize].date;
        let same_day = cluster
            .members
            .iter()
            .all(|&m| marks[m as usize].date == day);
        let lane_height = lanes
            .get(cluster.lane as usize)
            .map_or(0.0, |l| l.bottom - l.top);
        if n < 2 || !same_day || step * n as f32 > lane_height - 4.0 {
            out.push(cluster);
            continue;
        }
        let first_y = cluster.y - step * (n - 1) as f32 / 2.0;
        out.extend(cluster.members.iter().enumerate().map(|(k, &m)| Cluster {
            members: vec![m],
            kind: Some(marks[m as usize].kind),
            y: first_y + k as f32 * step,
            ..cluster.clone()
        }));
    }
    out
}
