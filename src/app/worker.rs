//! The library worker: a named thread that owns the SQLite connection. The UI sends requests
//! and gets events back; `wake` asks for a repaint when an event is ready.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::import::{self, FileOutcome};
use crate::library::{Library, NewsBuilder};
use crate::store::{BriefId, Store, StoreError};

/// Work for the library thread.
#[derive(Debug)]
pub enum Request {
    Import(Vec<PathBuf>),
    Remove(BriefId),
    Restore(BriefId),
    Original(BriefId),
    /// Read one topic whole (an outline library does not hold its summary and comment).
    Topic(BriefId, u16),
    /// Show this version of a brief instead of the current one.
    MakeCurrent(BriefId),
    /// Take back an import: remove what it added, bring back what it replaced.
    UndoImport(Vec<ReportLine>),
}

/// One file's line in an import report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportLine {
    pub path: PathBuf,
    /// "imported", "updated", "duplicate" or "failed".
    pub outcome: &'static str,
    /// The brief's title, or why it failed.
    pub detail: String,
    pub brief: Option<BriefId>,
    /// For "updated": the version it replaced.
    pub previous: Option<BriefId>,
    /// Parser warnings, as "line N: message".
    pub warnings: Vec<String>,
}

/// What the library thread reports.
#[derive(Debug)]
pub enum Event {
    /// The whole library, indexed for the UI on this thread, after opening or after a change.
    Loaded(Arc<Library>),
    /// An outline library's search texts are in place: search covers every text now.
    TextsReady,
    /// An outline library's analyses are in: targets, figures, organisations, types.
    AnalysesReady,
    /// A topic read whole, for an outline library's detail panel.
    Topic {
        id: BriefId,
        index: u16,
        topic: Box<crate::model::Topic>,
    },
    Progress {
        done: usize,
        total: usize,
        current: PathBuf,
    },
    /// Briefs an older parser read are being read again from their stored files.
    Rereading {
        done: usize,
        total: usize,
    },
    /// They were: how many were read again, and how many kept as they were.
    Reread(import::ReparseReport),
    /// Another process changed the library (an import from the command line, a second
    /// "Open with"); the library has been loaded again, with `added` more briefs.
    ChangedElsewhere {
        added: usize,
    },
    /// Briefs without a current analysis are being analysed (once; kept for next time).
    Analysing {
        done: usize,
        total: usize,
    },
    Imported {
        report: Vec<ReportLine>,
        /// The user cancelled before every file was read.
        cancelled: bool,
    },
    Removed {
        id: BriefId,
        title: String,
    },
    Restored(BriefId),
    Original {
        name: String,
        text: String,
    },
    /// Something failed; the message is one sentence for the status bar.
    Failed(String),
    /// The library cannot be used at all (in use elsewhere, from a newer Briefdesk, unreadable).
    Fatal(String),
}

/// The UI's end of the library thread.
pub struct Worker {
    requests: SyncSender<Request>,
    events: Receiver<Event>,
    cancel: Arc<AtomicBool>,
}

impl Worker {
    /// Starts the thread: it opens the library at `path`, seeds a new one, loads it, then
    /// imports `files`.
    pub fn spawn(path: PathBuf, files: Vec<PathBuf>, wake: impl Fn() + Send + 'static) -> Self {
        let (requests, inbox) = sync_channel::<Request>(64);
        let (outbox, events) = sync_channel::<Event>(256);
        let cancel = Arc::new(AtomicBool::new(false));
        let cancelled = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("library".to_owned())
            .spawn(move || {
                let send = |event| {
                    outbox.send(event).ok();
                    wake();
                };
                run(&path, files, &inbox, &send, &cancelled);
            });
        if let Err(err) = spawned {
            let (outbox, events) = sync_channel(1);
            outbox
                .send(Event::Failed(format!(
                    "could not start the library thread: {err}"
                )))
                .ok();
            return Self {
                requests,
                events,
                cancel,
            };
        }
        Self {
            requests,
            events,
            cancel,
        }
    }

    /// Stops the running import after the file in hand.
    pub fn cancel_import(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn send(&self, request: Request) {
        if self.requests.try_send(request).is_err() {
            log_dropped();
        }
    }

    /// The next event, without waiting.
    pub fn try_recv(&self) -> Option<Event> {
        self.events.try_recv().ok()
    }
}

fn log_dropped() {
    eprintln!("briefdesk: the library is busy; a request was dropped");
}

fn run(
    path: &Path,
    files: Vec<PathBuf>,
    inbox: &Receiver<Request>,
    send: &dyn Fn(Event),
    cancel: &AtomicBool,
) {
    // Held for as long as this thread runs: a second window on the same library is refused.
    let _lock = match lock_library(path) {
        Ok(lock) => lock,
        Err(message) => return send(Event::Fatal(message)),
    };
    let mut store = match open_or_set_aside(path, send) {
        Ok(store) => store,
        Err(message) => return send(Event::Fatal(message)),
    };
    if let Err(err) = import::seed_if_new(&mut store) {
        send(Event::Failed(format!(
            "could not add the sample briefs: {err}"
        )));
    }
    reread_outdated(&mut store, send);
    reload(&mut store, send);
    if !files.is_empty() {
        import_files(&mut store, &files, send, cancel);
    }
    // Another process may write the library while this window is open (`briefdesk import`
    // in a terminal, or "Open with" a second time): look once a second, and show the change.
    let mut seen = store.data_version().ok();
    // The briefs the window shows: what another process added is the difference.
    let mut shown = store.briefs_count().unwrap_or(0);
    loop {
        match inbox.recv_timeout(WATCH_EVERY) {
            Ok(request) => {
                handle(&mut store, request, send, cancel);
                shown = store.briefs_count().unwrap_or(shown);
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        let now = store.data_version().ok();
        if now != seen {
            seen = now;
            if now.is_some() {
                shown = changed_elsewhere(&mut store, send, shown);
            }
        }
    }
}

/// How often the library thread looks for changes another process made.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Another process changed the library: what it imported is read (and read again by this
/// version's parser if an older one stored it), and the window shows it.
/// Returns how many briefs the window now shows (it showed `shown`).
fn changed_elsewhere(store: &mut Store, send: &dyn Fn(Event), shown: usize) -> usize {
    reread_outdated(store, send);
    reload(store, send);
    let now = store.briefs_count().unwrap_or(shown);
    send(Event::ChangedElsewhere {
        added: now.saturating_sub(shown),
    });
    now
}

/// Reads again, from their stored files, the briefs an older parser read (a library made by
/// an earlier Briefdesk), before the tables are shown: their titles, topics and news come
/// out as this version reads them.
fn reread_outdated(store: &mut Store, send: &dyn Fn(Event)) {
    match store.outdated_count() {
        Ok(0) | Err(_) => return,
        Ok(total) => send(Event::Rereading { done: 0, total }),
    }
    match import::reparse_outdated(store, |done, total| send(Event::Rereading { done, total })) {
        Ok(report) => send(Event::Reread(report)),
        Err(err) => send(Event::Failed(format!(
            "could not read the briefs again with this version's parser (they stay as they were): {err}"
        ))),
    }
}

fn handle(store: &mut Store, request: Request, send: &dyn Fn(Event), cancel: &AtomicBool) {
    match request {
        Request::Import(paths) => import_files(store, &paths, send, cancel),
        Request::MakeCurrent(id) => match store.make_current(id) {
            Ok(()) => reload(store, send),
            Err(err) => send(Event::Failed(format!("could not switch versions: {err}"))),
        },
        Request::UndoImport(report) => {
            for line in report {
                let undone = match (line.outcome, line.brief, line.previous) {
                    ("imported", Some(id), _) => store.remove(id),
                    ("updated", Some(id), Some(previous)) => store.revert_update(id, previous),
                    _ => Ok(()),
                };
                if let Err(err) = undone {
                    send(Event::Failed(format!(
                        "could not undo the import of {}: {err}",
                        line.path.display()
                    )));
                }
            }
            send(Event::Failed("The import was undone.".to_owned()));
            reload(store, send);
        }
        Request::Remove(id) => {
            let title = store.load(id).map(|s| s.brief.title).unwrap_or_default();
            match store.remove(id) {
                Ok(()) => {
                    send(Event::Removed { id, title });
                    reload(store, send);
                }
                Err(err) => send(Event::Failed(format!("could not remove the brief: {err}"))),
            }
        }
        Request::Restore(id) => match store.restore(id) {
            Ok(()) => {
                send(Event::Restored(id));
                reload(store, send);
            }
            Err(err) => send(Event::Failed(format!("could not restore the brief: {err}"))),
        },
        Request::Topic(id, index) => match store.load(id) {
            Ok(stored) => match stored.brief.topics.into_iter().nth(index as usize) {
                Some(topic) => send(Event::Topic {
                    id,
                    index,
                    topic: Box::new(topic),
                }),
                None => send(Event::Failed(
                    "the topic is no longer in the library".to_owned(),
                )),
            },
            Err(err) => send(Event::Failed(format!("could not read the topic: {err}"))),
        },
        Request::Original(id) => match store.original(id) {
            Ok((name, bytes)) => {
                let text = import::decode_text(&bytes)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
                send(Event::Original { name, text });
            }
            Err(err) => send(Event::Failed(format!(
                "could not read the original file: {err}"
            ))),
        },
    }
}

/// Libraries with more briefs than this are held as an outline: the topics' summaries and
/// comments (most of the text) stay in the store, so the tables show sooner and the library
/// takes less memory. Their search texts follow a moment later ([`Event::TextsReady`]), and
/// the detail panel reads a topic whole when it is selected ([`Request::Topic`]).
const OUTLINE_BRIEFS: usize = 2_000;

fn reload(store: &mut Store, send: &dyn Fn(Event)) {
    reload_with(store, send, OUTLINE_BRIEFS);
}

fn reload_with(store: &mut Store, send: &dyn Fn(Event), outline_above: usize) {
    let outline = store.briefs_count().unwrap_or(0) > outline_above;
    let lib = if outline {
        let mut news = NewsBuilder::default();
        store.load_outline(&mut news).map(|outline| {
            // The tables first; the analyses' views and the search texts follow.
            Library::with_news(outline.briefs, news)
                .partial()
                .with_point_counts(outline.point_counts)
        })
    } else {
        store.load_all().map(Library::new)
    };
    let lib = match lib {
        Ok(lib) => lib.with_versions(store.all_versions().unwrap_or_default()),
        Err(err) => {
            send(Event::Failed(format!("could not read the library: {err}")));
            return;
        }
    };
    let analysing = |done, total| send(Event::Analysing { done, total });
    if !outline {
        let findings = super::analyses::findings_for(store, &lib, &analysing);
        lib.install_findings(findings);
    }
    let lib = Arc::new(lib);
    send(Event::Loaded(Arc::clone(&lib)));
    // Each stage frees what it read and built on the way: give it back before the next.
    crate::allocator::release_free_memory();
    if outline {
        lib.install_findings(super::analyses::findings_for(store, &lib, &analysing));
        send(Event::AnalysesReady);
        crate::allocator::release_free_memory();
        let mut texts = lib.texts_builder();
        let mut added = 0usize;
        match store.for_each_topic_text(|id, ord, t| {
            texts.add(id, ord, t.summary, t.points, t.comment);
            added += 1;
            // The texts read and lower-cased on the way leave freed memory behind them.
            if added.is_multiple_of(8192) {
                crate::allocator::release_free_memory();
            }
        }) {
            Ok(()) => {
                texts.finish();
                send(Event::TextsReady);
                crate::allocator::release_free_memory();
            }
            Err(err) => send(Event::Failed(format!(
                "could not read the topics' texts for search: {err}"
            ))),
        }
    } else {
        // Search texts and counts for the first keystroke, made while the window shows the
        // tables.
        lib.warm();
        crate::allocator::release_free_memory();
    }
}

fn import_files(store: &mut Store, paths: &[PathBuf], send: &dyn Fn(Event), cancel: &AtomicBool) {
    cancel.store(false, Ordering::Relaxed);
    let mut cancelled = false;
    let results = import::import_paths(store, paths, |done, total, current| {
        if cancel.load(Ordering::Relaxed) {
            cancelled = true;
            return ControlFlow::Break(());
        }
        send(Event::Progress {
            done,
            total,
            current: current.to_owned(),
        });
        ControlFlow::Continue(())
    });
    let report = results
        .into_iter()
        .map(|(path, outcome)| report_line(path, outcome))
        .collect();
    send(Event::Imported { report, cancelled });
    reload(store, send);
}

fn report_line(path: PathBuf, outcome: FileOutcome) -> ReportLine {
    let line =
        |outcome, detail, brief, previous, warnings: Vec<crate::model::Warning>| ReportLine {
            path: path.clone(),
            outcome,
            detail,
            brief,
            previous,
            warnings: warnings
                .iter()
                .map(|w| format!("line {}: {}", w.line, w.message))
                .collect(),
        };
    match outcome {
        FileOutcome::Imported {
            id,
            title,
            warnings,
        } => line("imported", title, Some(id), None, warnings),
        FileOutcome::Updated {
            id,
            previous,
            title,
            warnings,
        } => line("updated", title, Some(id), Some(previous), warnings),
        FileOutcome::Duplicate { id, title } => {
            line("duplicate", title, Some(id), None, Vec::new())
        }
        FileOutcome::Failed(err) => line("failed", err.to_string(), None, None, Vec::new()),
    }
}

/// Takes the library's lock file, or says who has it.
/// Whether a Briefdesk window has `path` open (it holds the library's lock).
pub fn library_in_use(path: &Path) -> bool {
    let Ok(file) = std::fs::OpenOptions::new()
        .write(true)
        .open(sibling(path, "lock"))
    else {
        return false;
    };
    // Taken and given back at once: only a window that holds it makes this fail.
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

fn lock_library(path: &Path) -> Result<std::fs::File, String> {
    let lock_path = sibling(path, "lock");
    if let Some(dir) = lock_path.parent() {
        // The same words as the command line's (a missing drive, a path through a file…).
        std::fs::create_dir_all(dir).map_err(|reason| {
            StoreError::Folder {
                path: dir.to_owned(),
                reason,
            }
            .to_string()
        })?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| {
            format!(
                "could not open the library's lock file {}: {e}",
                lock_path.display()
            )
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(format!(
            "The library {} is open in another Briefdesk window. Close that window first, or open another library with --library PATH.",
            path.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(format!(
            "could not lock the library {}: {e}",
            path.display()
        )),
    }
}

/// Opens the library; a damaged file is moved aside (never deleted) and a new library started.
fn open_or_set_aside(path: &Path, send: &dyn Fn(Event)) -> Result<Store, String> {
    match Store::open(path) {
        Ok(store) => Ok(store),
        Err(StoreError::NotALibrary { reason, .. }) => {
            let aside = set_aside(path).map_err(|e| {
                format!(
                    "The library {} is damaged ({reason}) and could not be moved aside: {e}",
                    path.display()
                )
            })?;
            let store =
                Store::open(path).map_err(|e| format!("could not start a new library: {e}"))?;
            send(Event::Failed(format!(
                "The library file was damaged ({reason}). It was moved aside to {} (nothing was deleted) and a new library was started.",
                aside.display()
            )));
            Ok(store)
        }
        Err(err) => Err(format!(
            "The library {} cannot be opened: {err}",
            path.display()
        )),
    }
}

/// Renames the library (and SQLite's -wal/-shm files) to `NAME.damaged-YYYYMMDD-HHMMSS`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let aside = sibling(path, &format!("damaged-{stamp}"));
    std::fs::rename(path, &aside)?;
    for extra in ["wal", "shm"] {
        let from = PathBuf::from(format!("{}-{extra}", path.display()));
        if from.exists() {
            std::fs::rename(&from, format!("{}-{extra}", aside.display()))?;
        }
    }
    Ok(aside)
}

/// `library.sqlite` → `library.sqlite.SUFFIX`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}

#[cfg(test)]
mod reload_tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_large_library_arrives_as_an_outline_then_becomes_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("lib.sqlite")).unwrap();
        for i in 0..4 {
            let text = crate::generate::generate_brief(i, 5);
            let outcomes = import::import_bytes(&mut store, &format!("{i}.txt"), text.as_bytes());
            assert!(
                matches!(outcomes[..], [FileOutcome::Imported { .. }]),
                "{outcomes:?}"
            );
        }
        let all = store.load_all().unwrap();
        // A word only a topic comment holds.
        let comment = &all[1].brief.topics[0].comment;
        let word: String = comment
            .split_whitespace()
            .filter(|w| w.len() > 8 && w.chars().all(|c| c.is_ascii_alphabetic()))
            .find(|w| {
                let w = w.to_lowercase();
                all.iter().all(|s| {
                    s.brief
                        .news
                        .iter()
                        .all(|n| !n.text.to_lowercase().contains(&w))
                }) && all.iter().all(|s| {
                    s.brief.topics.iter().all(|t| {
                        !t.headline.to_lowercase().contains(&w)
                            && t.points.iter().all(|p| !p.to_lowercase().contains(&w))
                    })
                })
            })
            .expect("a word of the comment alone")
            .to_owned();
        let search = crate::library::Filter {
            search: word.clone(),
            ..Default::default()
        };

        let events = Mutex::new(Vec::new());
        let send = |e: Event| events.lock().unwrap().push(e);
        reload_with(&mut store, &send, 2);
        let events = events.into_inner().unwrap();
        assert!(
            matches!(
                events[..],
                [Event::Loaded(_), Event::AnalysesReady, Event::TextsReady]
            ),
            "{events:?}"
        );
        let Event::Loaded(lib) = &events[0] else {
            unreachable!()
        };
        assert!(lib.is_partial() && lib.is_searchable());
        for (o, w) in lib.briefs().iter().zip(&all) {
            for (ot, wt) in o.brief.topics.iter().zip(&w.brief.topics) {
                assert!(ot.comment.is_empty() && ot.at_a_glance.is_empty());
                assert_eq!(
                    (&ot.headline, &ot.policy, &ot.events),
                    (&wt.headline, &wt.policy, &wt.events)
                );
            }
        }
        // Search finds the comment's word, as in a library held whole.
        let whole = Library::new(all.clone());
        let view = crate::library::View::Topics;
        // The points stay in the store, but the Points column counts them.
        assert!(
            lib.briefs()
                .iter()
                .all(|s| s.brief.topics.iter().all(|t| t.points.is_empty()))
        );
        let points = |lib: &Library| -> Vec<String> {
            let rows = lib.rows(view);
            rows.iter()
                .map(|r| lib.cell(view, *r, 5).into_owned())
                .collect()
        };
        assert_eq!(points(lib), points(&whole));
        assert!(points(&whole).iter().any(|n| n != "0"));
        let found = search.matching(lib, view);
        assert!(!found.is_empty(), "{word}");
        assert_eq!(found, search.matching(&whole, view));
        // The analyses came for the outline too, read whole: a target from a comment is there.
        let analysed = whole.with_analyses(
            all.iter()
                .map(|s| crate::analysis::analyse(&s.brief))
                .collect(),
        );
        let view = crate::library::View::Targets;
        assert!(lib.has_analyses());
        assert_eq!(lib.rows(view).len(), analysed.rows(view).len());
        let whole = Library::new(all.clone());
        // So do the glossary's counts.
        for g in 0..whole.rows(crate::library::View::Glossary).len() as u32 {
            assert_eq!(lib.mentions(g), whole.mentions(g));
        }

        // Small libraries come whole, in one step.
        let events = Mutex::new(Vec::new());
        let send = |e: Event| events.lock().unwrap().push(e);
        reload_with(&mut store, &send, 100);
        let events = events.into_inner().unwrap();
        assert!(matches!(&events[..], [Event::Loaded(lib)] if !lib.is_partial()));
    }
}

#[cfg(test)]
mod first_launch_tests {
    use super::*;
    use crate::library::View;
    use std::sync::Mutex;

    const SAMPLE: &str = include_str!("../../seeds/merics-china-industries-2021-02.txt");

    /// Every row of `view`, each as its cells joined, sorted: what the view shows.
    fn shown(lib: &Library, view: View) -> Vec<String> {
        let columns = crate::library::columns(view).len();
        let mut rows: Vec<String> = lib
            .rows(view)
            .iter()
            .map(|r| {
                (0..columns)
                    .map(|c| lib.cell(view, *r, c).into_owned())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        rows.sort();
        rows
    }

    /// A first launch, as a user makes it: an empty library folder, the window's library
    /// thread seeds the sample, and the analyst views show exactly what the parser finds in
    /// the same file (`briefdesk parse … --json`), news included.
    #[test]
    fn a_first_launch_shows_what_the_parser_finds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefdesk").join("library.sqlite");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let (requests, inbox) = std::sync::mpsc::channel::<Request>();
        drop(requests);
        let events = Mutex::new(Vec::new());
        let send = |e: Event| events.lock().unwrap().push(e);
        run(&path, Vec::new(), &inbox, &send, &AtomicBool::new(false));
        let events = events.into_inner().unwrap();
        let lib = events
            .iter()
            .find_map(|e| match e {
                Event::Loaded(lib) => Some(Arc::clone(lib)),
                _ => None,
            })
            .expect("the library loaded");
        // Nothing was left to analyse on the way: the import kept the analysis.
        assert!(
            !events.iter().any(|e| matches!(e, Event::Analysing { .. })),
            "{events:?}"
        );

        let brief = crate::parse::parse_brief(SAMPLE).unwrap();
        let analysis = crate::analysis::analyse(&brief);
        assert_eq!(analysis.organisations.len(), 22);
        let parsed = Library::new(vec![crate::model::StoredBrief {
            id: lib.briefs()[0].id,
            file_name: lib.briefs()[0].file_name.clone(),
            imported_at: lib.briefs()[0].imported_at.clone(),
            brief,
        }])
        .with_analyses(vec![analysis.clone()]);
        for view in [
            View::Targets,
            View::Figures,
            View::Organisations,
            View::Policies,
        ] {
            assert_eq!(shown(&lib, view), shown(&parsed, view), "{view:?}");
        }
        assert_eq!(lib.rows(View::Organisations).len(), 22);
        let targets: usize = analysis
            .topics
            .iter()
            .map(|t| t.targets.len())
            .sum::<usize>()
            + analysis.news.iter().map(|n| n.targets.len()).sum::<usize>();
        assert_eq!(lib.rows(View::Targets).len(), targets);
        // News organisations are there: Ford and NEA are named only in "Worth noting".
        let orgs = shown(&lib, View::Organisations).join("\n");
        for name in ["Ford", "NEA", "SAMR", "Geely"] {
            assert!(orgs.contains(name), "{name} in\n{orgs}");
        }
    }

    /// A library whose analyses are missing (or older) gets them made once, from the briefs
    /// read whole, with progress; the next open reads them.
    #[test]
    fn missing_analyses_are_made_once_from_whole_briefs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        {
            let mut store = Store::open(&path).unwrap();
            import::seed_if_new(&mut store).unwrap();
        }
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute("UPDATE analyses SET version = 1", []).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.briefs_without_analysis().unwrap().len(), 1);
        let events = Mutex::new(Vec::new());
        let send = |e: Event| events.lock().unwrap().push(e);
        reload(&mut store, &send);
        let events = events.into_inner().unwrap();
        let progress: Vec<(usize, usize)> = events
            .iter()
            .filter_map(|e| match e {
                Event::Analysing { done, total } => Some((*done, *total)),
                _ => None,
            })
            .collect();
        assert_eq!(progress, [(0, 1), (1, 1)]);
        let Some(Event::Loaded(lib)) = events.last() else {
            panic!("{events:?}")
        };
        assert_eq!(lib.rows(View::Organisations).len(), 22);
        assert!(store.briefs_without_analysis().unwrap().is_empty());
    }
}

#[cfg(test)]
mod watch_tests {
    use super::*;

    /// Waits up to `seconds` for an event `pick` accepts.
    fn wait_for<T>(worker: &Worker, seconds: u64, pick: impl Fn(&Event) -> Option<T>) -> Option<T> {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while std::time::Instant::now() < until {
            match worker.try_recv() {
                Some(event) => {
                    if let Some(found) = pick(&event) {
                        return Some(found);
                    }
                }
                None => std::thread::sleep(std::time::Duration::from_millis(50)),
            }
        }
        None
    }

    /// A second process imports into the library while the window has it open (the command
    /// line, or "Open with" handing its files over): the window's library thread sees it and
    /// loads the library again.
    #[test]
    fn an_import_by_another_process_reaches_the_open_window() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        let worker = Worker::spawn(path.clone(), Vec::new(), || {});
        let first = wait_for(&worker, 20, |e| match e {
            Event::Loaded(lib) => Some(lib.briefs().len()),
            _ => None,
        });
        assert_eq!(first, Some(1), "the sample, on a first launch");
        assert!(library_in_use(&path), "the window holds the library");

        // Another connection, as `briefdesk import` in a terminal opens one.
        let mut other = Store::open(&path).unwrap();
        let text = crate::generate::generate_brief(3, 11);
        let outcomes = import::import_bytes(&mut other, "other.txt", text.as_bytes());
        assert!(matches!(outcomes[..], [FileOutcome::Imported { .. }]));
        drop(other);

        let added = wait_for(&worker, 10, |e| match e {
            Event::ChangedElsewhere { added } => Some(*added),
            _ => None,
        });
        assert_eq!(added, Some(1));
        drop(worker);
    }
}
