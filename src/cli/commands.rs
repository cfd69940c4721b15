//! What each subcommand does. Results go to stdout; errors to stderr as one sentence.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{Command, Format, library_path};
use crate::export::{self, What};
use crate::import::{self, FileOutcome};
use crate::store::Store;

/// Runs a subcommand; returns the process exit code.
pub fn run(command: Command, library: Option<PathBuf>) -> anyhow::Result<i32> {
    match command {
        Command::Parse { file, json } => parse(&file, json),
        Command::Import { paths } => import_paths(&mut open(library)?, &paths),
        Command::List { json } => list(&open(library)?, json),
        Command::Search { query, json } => search(&open(library)?, &query, json),
        Command::Export {
            what,
            format,
            output,
        } => export(&open(library)?, what, format, output.as_deref()),
        Command::Generate { briefs, out, seed } => {
            let opts = crate::generate::GenOptions { briefs, seed };
            let written = crate::generate::write_briefs(&out, &opts)
                .with_context(|| format!("could not write briefs to {}", out.display()))?;
            println!("wrote {} briefs to {}", written.len(), out.display());
            Ok(0)
        }
        Command::InstallDesktop => desktop(true),
        Command::UninstallDesktop => desktop(false),
        Command::Timeline {
            out,
            from,
            to,
            lanes,
            size,
        } => timeline(&open(library)?, &out, (from, to), lanes, size),
    }
}

/// Opens the library, seeding a new one with the sample briefs.
fn open(library: Option<PathBuf>) -> anyhow::Result<Store> {
    let path = library_path(library)?;
    let mut store = Store::open(&path)
        .with_context(|| format!("could not open the library {}", path.display()))?;
    for outcome in import::seed_if_new(&mut store)? {
        if let FileOutcome::Failed(err) = outcome {
            eprintln!("briefdesk: a built-in sample brief did not import: {err}");
        }
    }
    // A library an earlier Briefdesk filled: its briefs are read again, once.
    if store.outdated_count()? > 0 {
        let report = import::reparse_outdated(&mut store, |_, _| {})
            .context("could not read the library's briefs again with this version's parser")?;
        eprintln!(
            "briefdesk: read {} brief(s) again with this version's parser ({} kept as they were)",
            report.reread, report.kept
        );
    }
    Ok(store)
}

fn parse(file: &Path, json: bool) -> anyhow::Result<i32> {
    let bytes = import::read_file(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let text = import::extract_text(&file.display().to_string(), &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let mut brief =
        crate::parse::parse_brief(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    import::limits::cap_fields(&mut brief);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &with_analysis(&brief)?)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "{}", brief.title)?;
    if let Some(period) = brief.period {
        writeln!(out, "period: {period}")?;
    }
    for topic in &brief.topics {
        let policy = topic.policy.as_ref();
        writeln!(out, "{}. {}", topic.number, topic.headline)?;
        if let Some(p) = policy {
            let date = p.date.map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "   policy: {} {} — {} {date}",
                p.name,
                p.name_zh.as_deref().unwrap_or(""),
                p.issuing_body.as_deref().unwrap_or("?")
            )?;
        }
    }
    writeln!(
        out,
        "news: {} items; glossary: {} terms",
        brief.news.len(),
        brief.glossary.len()
    )?;
    for w in &brief.warnings {
        writeln!(out, "warning: line {}: {}", w.line, w.message)?;
    }
    Ok(0)
}

/// The brief as JSON with what the analyst layer found: `targets` and `figures` on every topic
/// and news item, `doc_type` (with `doc`, `doc_number` and `key`) on every policy, and the
/// brief's `organisations`.
fn with_analysis(brief: &crate::model::Brief) -> anyhow::Result<serde_json::Value> {
    use serde_json::{Value, to_value};
    let analysis = crate::analysis::analyse(brief);
    let mut value = to_value(brief)?;
    if let Some(topics) = value.get_mut("topics").and_then(Value::as_array_mut) {
        for (topic, found) in topics.iter_mut().zip(&analysis.topics) {
            let Some(topic) = topic.as_object_mut() else {
                continue;
            };
            topic.insert("targets".into(), to_value(&found.targets)?);
            topic.insert("figures".into(), to_value(&found.figures)?);
            if let (Some(policy), Some(doc)) = (
                topic.get_mut("policy").and_then(Value::as_object_mut),
                &found.policy,
            ) {
                policy.insert("doc_type".into(), to_value(doc.doc.doc_type)?);
                policy.insert("doc".into(), to_value(&doc.doc)?);
                policy.insert("doc_number".into(), to_value(&doc.doc_number)?);
                policy.insert("key".into(), to_value(&doc.key)?);
                policy.insert("issuing_bodies".into(), to_value(&doc.issuing_bodies)?);
            }
        }
    }
    if let Some(news) = value.get_mut("news").and_then(Value::as_array_mut) {
        for (item, found) in news.iter_mut().zip(&analysis.news) {
            if let Some(item) = item.as_object_mut() {
                item.insert("targets".into(), to_value(&found.targets)?);
                item.insert("figures".into(), to_value(&found.figures)?);
            }
        }
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("organisations".into(), to_value(&analysis.organisations)?);
    }
    Ok(value)
}

fn import_paths(store: &mut Store, paths: &[PathBuf]) -> anyhow::Result<i32> {
    let results = import::import_paths(store, paths, |_, _, _| std::ops::ControlFlow::Continue(()));
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for (path, outcome) in &results {
        match outcome {
            FileOutcome::Imported {
                title, warnings, ..
            } => {
                writeln!(out, "imported: {}: {title}", path.display())?;
                for w in warnings {
                    writeln!(out, "  warning: line {}: {}", w.line, w.message)?;
                }
            }
            FileOutcome::Updated {
                title, warnings, ..
            } => {
                writeln!(
                    out,
                    "updated: {}: {title} (replaces an earlier version, which is kept)",
                    path.display()
                )?;
                for w in warnings {
                    writeln!(out, "  warning: line {}: {}", w.line, w.message)?;
                }
            }
            FileOutcome::Duplicate { title, .. } => writeln!(
                out,
                "duplicate: {}: {title} is already in the library",
                path.display()
            )?,
            FileOutcome::Failed(err) => {
                failed += 1;
                writeln!(out, "failed: {}: {err}", path.display())?;
            }
        }
    }
    Ok(i32::from(failed > 0))
}

fn list(store: &Store, json: bool) -> anyhow::Result<i32> {
    let briefs = store.briefs()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &briefs)?;
        writeln!(out)?;
        return Ok(0);
    }
    for b in &briefs {
        writeln!(
            out,
            "{:>4}  {:7}  {}  ({} topics, {} policies, {} news)",
            b.id,
            b.period.as_deref().unwrap_or("-"),
            b.title,
            b.topics,
            b.policies,
            b.news
        )?;
    }
    Ok(0)
}

fn search(store: &Store, query: &str, json: bool) -> anyhow::Result<i32> {
    let hits = store.search(query)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(0);
    }
    for hit in &hits {
        let place = match (hit.topic_number, &hit.news_date) {
            (Some(n), _) => format!("topic {n}"),
            (None, Some(date)) => format!("news {date}"),
            (None, None) => "brief".to_owned(),
        };
        writeln!(
            out,
            "{} ({}) — {place}, {}: {}",
            hit.brief_title,
            hit.period.as_deref().unwrap_or("-"),
            hit.field,
            excerpt(&hit.text, query)
        )?;
    }
    if hits.is_empty() {
        writeln!(out, "no matches for {query:?}")?;
    }
    Ok(0)
}

/// About 100 characters of `text` around the first term of `query`.
fn excerpt(text: &str, query: &str) -> String {
    let first = query.split_whitespace().next().unwrap_or("");
    let lower = text.to_lowercase();
    let at = lower.find(&first.to_lowercase()).unwrap_or(0);
    let chars: Vec<char> = text.chars().collect();
    let at_char = text
        .get(..at)
        .map_or(0, |s| s.chars().count())
        .min(chars.len());
    let start = at_char.saturating_sub(40);
    let end = (at_char + 60).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

fn export(store: &Store, what: What, format: Format, output: Option<&Path>) -> anyhow::Result<i32> {
    let briefs = store.load_all()?;
    let mut buffer = Vec::new();
    match (what, format) {
        (What::Policies, f) => write_rows(&export::policy_rows(&briefs), f, &mut buffer)?,
        (What::News, f) => write_rows(&export::news_rows(&briefs), f, &mut buffer)?,
        (What::Topics, f) => write_rows(&export::topic_rows(&briefs), f, &mut buffer)?,
        (What::Briefs, f) => write_rows(&export::brief_rows(&briefs), f, &mut buffer)?,
        (What::Targets | What::Figures | What::Organisations, f) => {
            let view = match what {
                What::Targets => crate::library::View::Targets,
                What::Figures => crate::library::View::Figures,
                _ => crate::library::View::Organisations,
            };
            let table = analyst_view(store, briefs, view);
            match f {
                Format::Csv => table.write_csv(&mut buffer, false)?,
                Format::Json => {
                    serde_json::to_writer_pretty(&mut buffer, &table.to_json())?;
                    buffer.push(b'\n');
                }
            }
        }
        (What::Library, Format::Json) => {
            serde_json::to_writer_pretty(&mut buffer, &import::json::library_export(&briefs))?;
            buffer.push(b'\n');
        }
        (What::Library, Format::Csv) => {
            anyhow::bail!("--what library is exported as JSON only: use --format json")
        }
    }
    match output {
        Some(path) => write_atomically(path, &buffer)?,
        None => std::io::stdout().lock().write_all(&buffer)?,
    }
    Ok(0)
}

/// Every row of an analyst view, as the window shows it with no filter, in library order: the
/// stored analyses (made here for a brief that has none).
fn analyst_view(
    store: &Store,
    briefs: Vec<crate::model::StoredBrief>,
    view: crate::library::View,
) -> export::ViewTable {
    let mut stored = store.analyses().unwrap_or_default();
    let analyses = briefs
        .iter()
        .map(|s| {
            stored
                .remove(&s.id)
                .unwrap_or_else(|| crate::analysis::analyse(&s.brief))
        })
        .collect();
    let lib = crate::library::Library::new(briefs).with_analyses(analyses);
    export::view_table(&lib, view, lib.rows(view))
}

fn write_rows<T: serde::Serialize>(
    rows: &[T],
    format: Format,
    out: &mut Vec<u8>,
) -> anyhow::Result<()> {
    match format {
        Format::Csv => export::write_csv(rows, out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            out.push(b'\n');
        }
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("briefdesk-tmp");
    std::fs::write(&tmp, bytes).with_context(|| format!("could not write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("could not write {}", path.display()))?;
    Ok(())
}

fn timeline(
    store: &Store,
    out: &Path,
    (from, to): (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    lanes: crate::timeline::LaneMode,
    (width, height): (u32, u32),
) -> anyhow::Result<i32> {
    use crate::chart::{ChartStyle, export_marks};
    use crate::timeline::{TimeScale, collect_marks, day_number};

    let lib = crate::library::Library::new(store.load_all()?);
    let marks = collect_marks(&lib, &crate::library::Filter::default());
    let fitted = crate::timeline::fit_marks(&marks);
    let scale = match (from, to, fitted) {
        (Some(a), Some(b), _) if a > b => anyhow::bail!("--from {a} is after --to {b}"),
        (Some(a), Some(b), _) => TimeScale::between(a, b),
        (Some(a), None, Some(f)) => TimeScale {
            start: day_number(a),
            end: f.end.max(day_number(a) + 30.0),
        },
        (None, Some(b), Some(f)) => TimeScale {
            start: f.start.min(day_number(b) - 30.0),
            end: day_number(b) + 1.0,
        },
        (_, _, Some(f)) => f,
        (_, _, None) => anyhow::bail!("the library has no dated items to draw"),
    };
    let visible = export_marks(
        out,
        &marks,
        &lib,
        lanes,
        scale,
        (width, height),
        ChartStyle::light(),
    )?;
    println!(
        "wrote {} ({visible} of {} dated items in range)",
        out.display(),
        marks.len()
    );
    Ok(0)
}

fn desktop(install: bool) -> anyhow::Result<i32> {
    if !cfg!(target_os = "linux") {
        anyhow::bail!(
            "install-desktop is for Linux desktops; on Windows and macOS use the installer or app bundle"
        );
    }
    let dirs = directories::BaseDirs::new()
        .ok_or_else(|| anyhow::anyhow!("no home folder found to install the launcher in"))?;
    let data_dir = dirs.data_dir();
    let paths = if install {
        let exe = std::env::current_exe().context("could not tell where this program is")?;
        crate::cli::desktop::install(data_dir, &exe)
    } else {
        crate::cli::desktop::uninstall(data_dir)
    }
    .with_context(|| format!("could not change the launcher in {}", data_dir.display()))?;
    let verb = if install { "installed" } else { "removed" };
    for path in &paths {
        println!("{verb}: {}", path.display());
    }
    if paths.is_empty() {
        println!("nothing to remove: the launcher was not installed");
    }
    Ok(0)
}
