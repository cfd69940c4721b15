//! The `briefdesk` binary: the command line, or the desktop app when no subcommand is given.

// No console window behind the app in Windows release builds. (Subcommands then print nowhere
// when started from Explorer; from a terminal, use a debug build or redirect output.)
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser as _;

use briefdesk::cli::{self, Cli};

fn main() -> std::process::ExitCode {
    briefdesk::allocator::limit_arenas();
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(command, args.library),
        None => open_window(args),
    };
    match result {
        Ok(code) => std::process::ExitCode::from(code as u8),
        Err(err) => {
            // Not eprintln!, which panics when standard error cannot be written (a full disk).
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "briefdesk: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Runs the window; with `--screenshot`, reports the saved picture.
fn open_window(args: Cli) -> anyhow::Result<i32> {
    use briefdesk::app::{AppConfig, ShotPlan};

    let plan = args.screenshot.map(|path| ShotPlan {
        path,
        view: args.view,
        outcome: Default::default(),
    });
    let library = cli::library_path(args.library.clone())?;
    // "Open with" (or `briefdesk FILE`) while a window has this library open: the files are
    // imported here, and that window shows them (it watches the library for changes).
    if plan.is_none() && !args.files.is_empty() && briefdesk::app::library_in_use(&library) {
        let code = cli::run(
            cli::Command::Import {
                paths: args.files.clone(),
            },
            args.library,
        )?;
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stdout(),
            "briefdesk: the library is open in a Briefdesk window, which shows what was imported"
        );
        return Ok(code);
    }
    let config = AppConfig {
        library,
        files: args.files,
        screenshot: plan.clone(),
    };
    briefdesk::app::run(config, args.size)?;
    let Some(plan) = plan else {
        return Ok(0);
    };
    let outcome = plan.outcome.lock().ok().and_then(|mut o| o.take());
    match outcome {
        Some(Ok((width, height))) => {
            println!("saved {} ({width}x{height})", plan.path.display());
            Ok(0)
        }
        Some(Err(err)) => anyhow::bail!(err),
        None => anyhow::bail!("the window closed before the screenshot was taken"),
    }
}
