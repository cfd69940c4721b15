//! What the tables and timelines show for the current filter, sort and view, computed off the
//! UI thread when the library is large, so typing in the search field never waits for it.
//!
//! The frame sends a [`Job`] and keeps drawing the previous result; when several jobs queue up
//! (fast typing), only the newest is computed.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::library::{FacetCounts, Filter, Library, Row, SortState, View};
use crate::timeline::{LaneMode, assign_lanes, collect_marks};
use crate::ui::timeline::TimelineData;

/// Libraries with fewer rows than this are queried inside the frame: it takes well under a
/// millisecond, and the result shows in the same frame.
pub const SYNC_ROWS: usize = 20_000;

/// One request: everything the result depends on.
#[derive(Clone)]
pub struct Job {
    /// Increases with every job; a result is used only if it answers the newest.
    pub generation: u64,
    pub lib: Arc<Library>,
    pub view: View,
    pub filter: Filter,
    pub sort: SortState,
    /// Also collect the timeline's marks (they depend on the filter and lanes only).
    pub marks: Option<LaneMode>,
}

/// The answer to a [`Job`].
pub struct Answer {
    pub generation: u64,
    /// The view `order` holds rows of.
    pub view: View,
    pub order: Vec<Row>,
    pub counts: FacetCounts,
    pub timeline: Option<TimelineData>,
}

impl Job {
    /// Computes the answer (on whichever thread calls it).
    pub fn run(&self) -> Answer {
        let (order, counts) = self.lib.query(self.view, &self.filter, &self.sort);
        let timeline = self.marks.map(|lanes| {
            let marks = collect_marks(&self.lib, &self.filter);
            let (lane_names, lane_of) = assign_lanes(&self.lib, &marks, lanes);
            TimelineData {
                lib: Arc::clone(&self.lib),
                links: crate::timeline::policy_links(&self.lib, &marks),
                marks,
                lane_names,
                lane_of,
                generation: self.generation,
            }
        });
        Answer {
            generation: self.generation,
            view: self.view,
            order,
            counts,
            timeline,
        }
    }
}

/// The thread that answers jobs, newest first.
pub struct QueryThread {
    jobs: Sender<Job>,
    answers: Receiver<Answer>,
}

impl QueryThread {
    /// Starts the thread; `wake` is called after each answer (to repaint the window).
    pub fn spawn(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let (jobs, job_rx) = channel::<Job>();
        let (answer_tx, answers) = channel();
        std::thread::Builder::new()
            .name("query".to_owned())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Skip to the newest job: the older ones are already out of date.
                    loop {
                        match job_rx.try_recv() {
                            Ok(newer) => job = newer,
                            Err(TryRecvError::Empty) => break,
                            Err(TryRecvError::Disconnected) => return,
                        }
                    }
                    let collected_marks = job.marks.is_some();
                    if answer_tx.send(job.run()).is_err() {
                        return;
                    }
                    wake();
                    if collected_marks {
                        // Collecting marks reads through the whole library; what it freed
                        // goes back to the system.
                        crate::allocator::release_free_memory();
                    }
                }
            })?;
        Ok(Self { jobs, answers })
    }

    /// Queues a job; false if the thread is gone.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// The newest answer that has arrived, if any.
    pub fn try_recv(&self) -> Option<Answer> {
        let mut newest = None;
        while let Ok(answer) = self.answers.try_recv() {
            newest = Some(answer);
        }
        newest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn job(generation: u64, lib: &Arc<Library>, search: &str) -> Job {
        Job {
            generation,
            lib: Arc::clone(lib),
            view: View::News,
            filter: Filter {
                search: search.into(),
                ..Filter::default()
            },
            sort: SortState::default(),
            marks: Some(LaneMode::Kind),
        }
    }

    #[test]
    fn answers_come_back_and_match_the_inline_result() {
        let lib = Arc::new(crate::library::tests::two_briefs());
        let thread = QueryThread::spawn(|| ()).unwrap();
        for generation in 1..=5 {
            assert!(thread.send(job(generation, &lib, "svolt")));
        }
        let started = Instant::now();
        let mut last = None;
        while last.as_ref().is_none_or(|a: &Answer| a.generation < 5) {
            if let Some(answer) = thread.try_recv() {
                last = Some(answer);
            }
            assert!(started.elapsed() < Duration::from_secs(20), "no answer");
            std::thread::sleep(Duration::from_millis(2));
        }
        let answer = last.unwrap();
        let inline = job(5, &lib, "svolt").run();
        assert_eq!(answer.order, inline.order);
        assert_eq!(answer.order.len(), 1);
        assert_eq!(answer.counts, inline.counts);
        let marks = answer.timeline.unwrap().marks;
        assert!(!marks.is_empty() && marks.len() < lib.rows(View::News).len());
    }
}
