//! The rebuild loop shared by `serve` and `build --watch`: a file watcher
//! and one thread that turns each batch of changes into a rebuild and hands
//! the result to the command (which serves it or writes it). Stopping waits
//! for the rebuild in progress, so nothing is left half done.

use super::Pipeline;
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
        mut pipeline: Pipeline,
        output: PathBuf,
        first: Rebuild,
        mut publish: impl FnMut(&Pipeline, Rebuild) + Send + 'static,
    ) -> Result<Self, String> {
        let (tx, rx) = mpsc::channel();
        let root = pipeline.options().root.clone();
        let mut watcher = Watcher::start(&root, tx.clone())?;
        watcher.watch_sources(rollup_sources(&pipeline, &root));
        publish(&pipeline, first);
        let thread = std::thread::Builder::new()
            .name("gongkai-rebuild".into())
            .spawn(move || {
                loop {
                    let sources = watcher.sources().to_vec();
                    let Some(change) = next_change(&rx, &root, &output, &sources) else {
                        break;
                    };
                    let rebuild = Rebuild::run(&mut pipeline, &change);
                    publish(&pipeline, rebuild);
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
