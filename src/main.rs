//! The `briefdesk` binary: the command line, or the desktop app when no subcommand is given.

use clap::Parser as _;

use briefdesk::cli::{self, Cli};

fn main() -> std::process::ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(command, args.library),
        None => briefdesk::app::run(args.library, args.files).map(|()| 0),
    };
    match result {
        Ok(code) => std::process::ExitCode::from(code as u8),
        Err(err) => {
            eprintln!("briefdesk: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
