//! The library worker: a named thread that owns the SQLite connection. The UI sends requests
//! and gets events back; `wake` asks for a repaint when an event is ready.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::import::{self, FileOutcome};
use crate::library::Library;
use crate::store::{BriefId, Store};

/// Work for the library thread.
#[derive(Debug)]
pub enum Request {
    Import(Vec<PathBuf>),
    Remove(BriefId),
    Restore(BriefId),
    Original(BriefId),
}

/// One file's line in an import report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportLine {
    pub path: PathBuf,
    /// "imported", "duplicate" or "failed".
    pub outcome: &'static str,
    /// The brief's title, or why it failed.
    pub detail: String,
    pub brief: Option<BriefId>,
}

/// What the library thread reports.
#[derive(Debug)]
pub enum Event {
    /// The whole library, indexed for the UI on this thread, after opening or after a change.
    Loaded(Library),
    Progress {
        done: usize,
        total: usize,
        current: PathBuf,
    },
    Imported(Vec<ReportLine>),
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
}

/// The UI's end of the library thread.
pub struct Worker {
    requests: SyncSender<Request>,
    events: Receiver<Event>,
}

impl Worker {
    /// Starts the thread: it opens the library at `path`, seeds a new one, loads it, then
    /// imports `files`.
    pub fn spawn(path: PathBuf, files: Vec<PathBuf>, wake: impl Fn() + Send + 'static) -> Self {
        let (requests, inbox) = sync_channel::<Request>(64);
        let (outbox, events) = sync_channel::<Event>(256);
        let spawned = std::thread::Builder::new()
            .name("library".to_owned())
            .spawn(move || {
                let send = |event| {
                    outbox.send(event).ok();
                    wake();
                };
                run(&path, files, &inbox, &send);
            });
        if let Err(err) = spawned {
            let (outbox, events) = sync_channel(1);
            outbox
                .send(Event::Failed(format!(
                    "could not start the library thread: {err}"
                )))
                .ok();
            return Self { requests, events };
        }
        Self { requests, events }
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

fn run(path: &Path, files: Vec<PathBuf>, inbox: &Receiver<Request>, send: &dyn Fn(Event)) {
    let mut store = match Store::open(path) {
        Ok(store) => store,
        Err(err) => return send(Event::Failed(format!("could not open the library: {err}"))),
    };
    if let Err(err) = import::seed_if_new(&mut store) {
        send(Event::Failed(format!(
            "could not add the sample briefs: {err}"
        )));
    }
    reload(&store, send);
    if !files.is_empty() {
        import_files(&mut store, &files, send);
    }
    while let Ok(request) = inbox.recv() {
        handle(&mut store, request, send);
    }
}

fn handle(store: &mut Store, request: Request, send: &dyn Fn(Event)) {
    match request {
        Request::Import(paths) => import_files(store, &paths, send),
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

fn reload(store: &Store, send: &dyn Fn(Event)) {
    match store.load_all() {
        Ok(briefs) => send(Event::Loaded(Library::new(briefs))),
        Err(err) => send(Event::Failed(format!("could not read the library: {err}"))),
    }
}

fn import_files(store: &mut Store, paths: &[PathBuf], send: &dyn Fn(Event)) {
    let results = import::import_paths(store, paths, |done, total, current| {
        send(Event::Progress {
            done,
            total,
            current: current.to_owned(),
        });
    });
    let report = results
        .into_iter()
        .map(|(path, outcome)| match outcome {
            FileOutcome::Imported { id, title, .. } => ReportLine {
                path,
                outcome: "imported",
                detail: title,
                brief: Some(id),
            },
            FileOutcome::Duplicate { id, title } => ReportLine {
                path,
                outcome: "duplicate",
                detail: title,
                brief: Some(id),
            },
            FileOutcome::Failed(err) => ReportLine {
                path,
                outcome: "failed",
                detail: err.to_string(),
                brief: None,
            },
        })
        .collect();
    send(Event::Imported(report));
    reload(store, send);
}
