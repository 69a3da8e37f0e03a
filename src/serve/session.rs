//! The rebuild loop shared by `serve` and `build --watch`: a file watcher
//! and one thread that turns each batch of changes into a rebuild and hands
//! the result to the command (which serves it or writes it). Stopping waits
//! for the rebuild in progress, so nothing is left half done.

use super::rebuild::{Rebuild, Rebuilder};
use super::watch::{Signal, Watcher, next_change};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// A running watch-and-rebuild loop.
#[derive(Debug)]
pub(crate) struct Session {
    stop: Sender<Signal>,
    thread: JoinHandle<()>,
}

impl Session {
    /// Starts watching the rebuilder's site and rebuilding on change. The
    /// output folder's own changes are ignored. Each rebuild is handed to
    /// `publish` on the loop's thread.
    pub(crate) fn start(
        mut rebuilder: Rebuilder,
        output: PathBuf,
        mut publish: impl FnMut(&Rebuilder, Rebuild) + Send + 'static,
    ) -> Result<Self, String> {
        let (tx, rx) = mpsc::channel();
        let root = rebuilder.root().to_path_buf();
        let mut watcher = Watcher::start(&root, tx.clone())?;
        let thread = std::thread::Builder::new()
            .name("gongkai-rebuild".into())
            .spawn(move || {
                while let Some(change) = next_change(&rx, &root, &output) {
                    let rebuild = rebuilder.rebuild(&change);
                    publish(&rebuilder, rebuild);
                    // A new content/ or templates/ folder is watched from now on.
                    watcher.refresh();
                }
            })
            .map_err(|e| format!("cannot start the rebuild thread: {e}"))?;
        Ok(Self { stop: tx, thread })
    }

    /// Stops after the rebuild in progress, if any.
    pub(crate) fn stop(self) {
        // The loop may already have ended (its watcher failed); then there
        // is nobody to tell.
        let _ = self.stop.send(Signal::Stop);
        let _ = self.thread.join();
    }
}
