//! `serve`'s search index, made on a thread of its own after the pages are
//! shown. Making the index takes far longer than rendering the pages (about
//! 13 s at 10,000 items, against 50 ms for the pages one saved notice
//! changes), and a preview that waited for it would make staff wait for
//! every save. So the pages are published at once and the index follows;
//! until it does, the search page searches the index before the edit.
//!
//! Only the newest job counts: a job that a newer rebuild supersedes stops
//! at its next record and is never published, so a burst of saves costs one
//! index, not one each. A job whose files changed after its rebuild read
//! them is dropped too: the change brings a rebuild, and a good one a job.
//!
//! The order is kept by a number: a rebuild first supersedes the job in
//! progress (before its pages are published), and only once its pages are
//! published queues its own job under that number; an index is published
//! only while its number is still the newest, checked under the site's
//! lock by [`Indexed::is_newest`]. So an index never comes before its
//! pages, and never after a newer rebuild (one that may have turned the
//! search off).
//!
//! The job runs on a thread pool of its own, one thread fewer than the
//! machine has (at least one), so the next save's pages are rendered on
//! the other while an index is being made.

use crate::diag::Diagnostic;
use crate::render::{IndexJob, OutputFile};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::Instant;

/// An index made after its rebuild.
#[derive(Debug)]
pub struct Indexed {
    number: u64,
    newest: Arc<AtomicU64>,
    /// When making it started, for the line that says it is done.
    pub started: Instant,
    /// Pages it holds.
    pub pages: usize,
    /// Its files (all in `pagefind/`), or why it could not be made.
    pub result: Result<Vec<OutputFile>, Vec<Diagnostic>>,
}

impl Indexed {
    /// False once a newer rebuild has superseded it: then it must not be
    /// published. Ask while holding the lock the rebuilds publish under.
    pub fn is_newest(&self) -> bool {
        self.newest.load(Ordering::SeqCst) == self.number
    }
}

/// The thread that makes the indexes, newest job first.
#[derive(Debug)]
pub(super) struct Indexer {
    jobs: Sender<(u64, IndexJob)>,
    /// The number of the newest job; a job whose number is older stops.
    newest: Arc<AtomicU64>,
}

impl Indexer {
    /// Starts the thread; each index made goes to `publish`, on it.
    pub(super) fn start(mut publish: impl FnMut(Indexed) + Send + 'static) -> Result<Self, String> {
        let no_thread =
            |e: &std::io::Error| crate::t!("build-no-thread", why = crate::i18n::io_error(e));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().max(2) - 1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("gongkai-index-{i}"))
            .build()
            .map_err(|e| no_thread(&std::io::Error::other(e)))?;
        let (jobs, queue) = mpsc::channel::<(u64, IndexJob)>();
        let newest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&newest);
        std::thread::Builder::new()
            .name("gongkai-index".into())
            .spawn(move || {
                while let Ok(mut next) = queue.recv() {
                    // Jobs queued meanwhile: only the last one is made.
                    while let Ok(newer) = queue.try_recv() {
                        next = newer;
                    }
                    let (number, job) = next;
                    let superseded = || seen.load(Ordering::SeqCst) != number;
                    let started = Instant::now();
                    let pages = job.pages();
                    let made = pool.install(|| job.run_later(&superseded));
                    if let Some(result) = made
                        && !superseded()
                    {
                        publish(Indexed {
                            number,
                            newest: Arc::clone(&seen),
                            started,
                            pages,
                            result,
                        });
                    }
                }
            })
            .map_err(|e| no_thread(&e))?;
        Ok(Self { jobs, newest })
    }

    /// Supersedes the job in progress, if any, and returns the number
    /// under which the rebuild that asked may [`Indexer::queue`] its own.
    pub(super) fn supersede(&self) -> u64 {
        self.newest.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Queues `job` under `number` (from [`Indexer::supersede`]); it is
    /// made unless a newer one superseded it meanwhile.
    pub(super) fn queue(&self, number: u64, job: IndexJob) {
        // The thread is gone only if it panicked; then no index follows.
        let _ = self.jobs.send((number, job));
    }
}

impl Drop for Indexer {
    /// Stops the job in progress at its next record; the thread then ends
    /// on its own (nobody waits for it: the preview stops at once).
    fn drop(&mut self) {
        self.newest.store(u64::MAX, Ordering::SeqCst);
    }
}
