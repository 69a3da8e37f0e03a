//! The rebuild loop shared by `serve` and `build --watch`: a file watcher
//! and one thread that turns each batch of changes into a rebuild and hands
//! the result to the command (which serves it or writes it). Stopping waits
//! for the rebuild in progress, so nothing is left half done. `serve`'s
//! session makes the search index after each rebuild, on the `indexer`'s
//! thread.

use super::Pipeline;
use super::indexer::{Indexed, Indexer};
use super::rebuild::Rebuild;
use super::watch::{Signal, Watcher, next_change};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// A running watch-and-rebuild loop.
#[derive(Debug)]
pub struct Session {
    stop: Sender<Signal>,
    thread: JoinHandle<()>,
}

impl Session {
    /// Starts watching the pipeline's site, then hands `first` (the build
    /// made before the session) to `publish`, then rebuilds on every change,
    /// handing each rebuild to `publish` on the loop's thread. `first` is
    /// published only once the watcher runs, so a file saved as soon as its
    /// line appears is never missed. The output folder's own changes are
    /// ignored.
    pub fn start(
        pipeline: Pipeline,
        output: PathBuf,
        first: Rebuild,
        publish: impl FnMut(&Pipeline, Rebuild) + Send + 'static,
    ) -> Result<Self, String> {
        Self::begin(pipeline, output, first, publish, None)
    }

    /// As [`Session::start`], but each rebuild leaves the search index for
    /// later ([`Rebuild::run_index_later`], as `first` must have been run):
    /// the index is made after the rebuild is published, on a thread of its
    /// own, and handed to `publish_index` there. An index that a newer
    /// rebuild supersedes is never handed on.
    pub fn start_indexing_later(
        pipeline: Pipeline,
        output: PathBuf,
        first: Rebuild,
        publish: impl FnMut(&Pipeline, Rebuild) + Send + 'static,
        publish_index: impl FnMut(Indexed) + Send + 'static,
    ) -> Result<Self, String> {
        let indexer = Indexer::start(publish_index)?;
        Self::begin(pipeline, output, first, publish, Some(indexer))
    }

    fn begin(
        mut pipeline: Pipeline,
        output: PathBuf,
        first: Rebuild,
        mut publish: impl FnMut(&Pipeline, Rebuild) + Send + 'static,
        indexer: Option<Indexer>,
    ) -> Result<Self, String> {
        let (tx, rx) = mpsc::channel();
        let root = pipeline.options().root.clone();
        let mut watcher = Watcher::start(&root, tx.clone())?;
        watcher.watch_sources(rollup_sources(&pipeline, &root));
        publish_then_index(&pipeline, first, &mut publish, indexer.as_ref());
        let thread = std::thread::Builder::new()
            .name("gongkai-rebuild".into())
            .spawn(move || {
                loop {
                    let sources = watcher.sources().to_vec();
                    let Some(change) = next_change(&rx, &root, &output, &sources) else {
                        break;
                    };
                    let rebuild = match &indexer {
                        Some(_) => Rebuild::run_index_later(&mut pipeline, &change),
                        None => Rebuild::run(&mut pipeline, &change),
                    };
                    publish_then_index(&pipeline, rebuild, &mut publish, indexer.as_ref());
                    // A new content/ or templates/ folder, or a new rollup
                    // source, is watched from now on.
                    watcher.watch_sources(rollup_sources(&pipeline, &root));
                }
            })
            .map_err(|e| crate::t!("build-no-thread", why = crate::i18n::io_error(&e)))?;
        Ok(Self { stop: tx, thread })
    }

    /// Stops after the rebuild in progress, if any.
    pub fn stop(self) {
        // The loop may already have ended (its watcher failed); then there
        // is nobody to tell.
        let _ = self.stop.send(Signal::Stop);
        let _ = self.thread.join();
    }
}

/// Publishes `rebuild`; with an `indexer`, supersedes the index in progress
/// first and queues the rebuild's own once its pages are published. A
/// failed rebuild publishes nothing: the index of the last good one, in
/// progress or not, still counts.
fn publish_then_index(
    pipeline: &Pipeline,
    mut rebuild: Rebuild,
    publish: &mut impl FnMut(&Pipeline, Rebuild),
    indexer: Option<&Indexer>,
) {
    let Some(indexer) = indexer.filter(|_| rebuild.ok()) else {
        publish(pipeline, rebuild);
        return;
    };
    let number = indexer.supersede();
    let job = rebuild.index_job.take();
    publish(pipeline, rebuild);
    if let Some(job) = job {
        indexer.queue(number, job);
    }
}

/// The rollup columns' sources of the site as last loaded, joined to the
/// root as the watcher has it, so event paths start with them.
fn rollup_sources(pipeline: &Pipeline, root: &std::path::Path) -> Vec<PathBuf> {
    pipeline
        .site()
        .map(|s| crate::content::rollup_sources(root, &s.config.columns))
        .unwrap_or_default()
}

/// Blocks until Ctrl-C (or SIGTERM), for `build --watch`.
pub fn wait_for_stop() {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(stop_signal()),
        // Without a runtime there is no handler, and Ctrl-C ends the process.
        Err(_) => loop {
            std::thread::park();
        },
    }
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    // When no handler can be installed, Ctrl-C keeps its default effect of
    // ending the process at once; until then, serve on.
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
