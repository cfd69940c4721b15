//! The command line: `briefdesk [FILES…]` opens the app; subcommands work on the library
//! without a window.

mod commands;
pub mod desktop;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::What;

pub use commands::run;

/// Briefdesk: a library of China industrial-policy briefs.
#[derive(Debug, Parser)]
#[command(name = "briefdesk", version, about)]
pub struct Cli {
    /// The library file (default: library.sqlite in the platform's data folder).
    #[arg(long, global = true, env = "BRIEFDESK_LIBRARY", value_name = "PATH")]
    pub library: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Brief files to import when the app opens.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Open the window, wait until it is drawn, save a PNG of it here, and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,

    /// What the window shows for --screenshot.
    #[arg(long, value_enum, default_value = "policies", requires = "screenshot")]
    pub view: crate::app::ShotView,

    /// Window size in points, WIDTHxHEIGHT.
    #[arg(long, value_parser = parse_size)]
    pub size: Option<(u32, u32)>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse one brief file and print what was found; the library is not touched.
    Parse {
        file: PathBuf,
        /// Print the whole brief as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import brief files or folders (searched recursively) into the library.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the briefs in the library with their counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Search every text field (English and Chinese) of the library.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Export policies, news, topics, briefs, or what was found in them (targets, figures,
    /// organisations), as CSV or JSON.
    Export {
        #[arg(long, value_enum)]
        what: What,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write realistic synthetic brief files (deterministic for a seed), for trying
    /// Briefdesk at scale and for the benchmarks.
    Generate {
        /// How many briefs.
        #[arg(long, default_value_t = 100)]
        briefs: usize,
        /// The folder to write them to (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Add Briefdesk to the desktop's app menu (Linux: launcher and icons in the user's data
    /// folder), with "Open with" for text, Markdown and HTML files.
    InstallDesktop,
    /// Remove what install-desktop added.
    UninstallDesktop,
    /// Draw the timeline of every dated policy, news item and topic event to PNG or SVG.
    Timeline {
        /// The picture to write: .png or .svg.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// First day shown (YYYY-MM-DD); default: fit everything.
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day shown (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// Lanes by kind of item or by issuing body.
        #[arg(long, value_enum, default_value = "kind")]
        lanes: crate::timeline::LaneMode,
        /// Picture size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1600x700", value_parser = parse_size)]
        size: (u32, u32),
    },
}

/// Reads "1600x700".
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("{text:?} is not a size like 1600x700");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h) = (
        w.trim().parse::<u32>().map_err(|_| bad())?,
        h.trim().parse::<u32>().map_err(|_| bad())?,
    );
    if !(200..=20_000).contains(&w) || !(150..=20_000).contains(&h) {
        return Err(format!(
            "{text:?}: width must be 200–20000 and height 150–20000 pixels"
        ));
    }
    Ok((w, h))
}

/// Export file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

/// The library path from `--library`, `BRIEFDESK_LIBRARY`, or the platform's data folder.
pub fn library_path(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path);
    }
    let dirs =
        directories::ProjectDirs::from("org", "Briefdesk", "Briefdesk").ok_or_else(|| {
            anyhow::anyhow!("no home folder found to keep the library in; pass --library PATH")
        })?;
    Ok(dirs.data_dir().join("library.sqlite"))
}
