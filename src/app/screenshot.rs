//! `briefdesk --screenshot FILE.png`: open the real window, wait until the library is drawn,
//! save what the window shows, and close.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

use crate::library::View;

/// Frames to draw after the library arrives, so that layout and fonts settle.
const SETTLE_FRAMES: u32 = 8;

/// What to show before taking the picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ShotView {
    Policies,
    News,
    Topics,
    Briefs,
    Glossary,
    Targets,
    Figures,
    Organisations,
    Timeline,
}

impl ShotView {
    /// The table view, or `None` for the timeline.
    pub fn table(self) -> Option<View> {
        match self {
            Self::Policies => Some(View::Policies),
            Self::News => Some(View::News),
            Self::Topics => Some(View::Topics),
            Self::Briefs => Some(View::Briefs),
            Self::Glossary => Some(View::Glossary),
            Self::Targets => Some(View::Targets),
            Self::Figures => Some(View::Figures),
            Self::Organisations => Some(View::Organisations),
            Self::Timeline => None,
        }
    }
}

/// What a screenshot run ended with: the saved size, or why it failed.
pub type ShotOutcome = Arc<Mutex<Option<Result<(usize, usize), String>>>>;

/// A screenshot to take.
#[derive(Clone, Debug)]
pub struct ShotPlan {
    pub path: PathBuf,
    pub view: ShotView,
    /// Filled in when the window closes: `Ok` with the saved size, or why it failed.
    pub outcome: ShotOutcome,
}

/// The state of a screenshot in progress.
pub(super) struct Shot {
    plan: ShotPlan,
    frames: u32,
    pending: Option<Receiver<Arc<egui::ColorImage>>>,
}

impl Shot {
    pub fn new(plan: ShotPlan) -> Self {
        Self {
            plan,
            frames: 0,
            pending: None,
        }
    }

    pub fn view(&self) -> ShotView {
        self.plan.view
    }

    /// Called once a frame after the library is loaded.
    pub fn step(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.pending {
            if let Ok(image) = rx.try_recv() {
                let result = save_png(&self.plan.path, &image);
                if let Ok(mut outcome) = self.plan.outcome.lock() {
                    *outcome = Some(result);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ctx.request_repaint();
            return;
        }
        self.frames += 1;
        if self.frames >= SETTLE_FRAMES {
            let (tx, rx) = sync_channel(1);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                tx.send(image).ok();
                repaint.request_repaint();
            });
            self.pending = Some(rx);
        }
        ctx.request_repaint();
    }
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(usize, usize), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    image::save_buffer(
        path,
        &bytes,
        width as u32,
        height as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| format!("could not save {}: {e}", path.display()))?;
    Ok((width, height))
}
