//! One build at a time per output folder: an exclusive lock on
//! `.gongkai-lock` inside it, held from before the "nothing changed" check
//! until the commit is done (for `build --watch`, until it stops). A second
//! build into the same folder waits for the first and says so; it never
//! writes at the same time. The lock is the operating system's (`flock` on
//! Unix, `LockFileEx` on Windows), so it goes away with the process that
//! held it, however that process ended.

// `File::lock` and friends are std since Rust 1.89 (the crate's
// rust-version, which serde-saphyr needs too); std's lock spares a locking
// crate.

use super::{LOCK, OutputError};
use crate::fsx::{self, IoError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The held lock of an output folder; released when dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
    out: PathBuf,
    /// The folder did not exist before: when the run leaves nothing in it
    /// but the lock file, both go again.
    created: bool,
}

impl Lock {
    /// Locks `out` (creating it when missing). When another process holds
    /// the lock, calls `on_wait` once, then waits until it is released.
    pub fn acquire(out: &Path, on_wait: impl FnOnce()) -> Result<Self, OutputError> {
        let created = !out.exists();
        let path = out.join(LOCK);
        let mut on_wait = Some(on_wait);
        loop {
            fsx::create_dir_all(out)?;
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| IoError::new("failed to open", &path, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if let Some(f) = on_wait.take() {
                        f();
                    }
                    file.lock()
                        .map_err(|e| IoError::new("failed to lock", &path, e))?;
                }
                Err(TryLockError::Error(e)) => {
                    return Err(IoError::new("failed to lock", &path, e).into());
                }
            }
            // The holder we waited for may have removed the folder it had
            // made (a failed first build): then this lock is on a file no
            // longer there, and the next build would not see it. Start over.
            if !is_same_file(&file, &path) {
                continue;
            }
            return Ok(Self {
                file,
                out: out.to_path_buf(),
                created,
            });
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // A folder this run made and left empty (it failed before writing)
        // goes, so a failed first build leaves no trace. The file is
        // removed while still locked; a build waiting on it notices and
        // locks anew.
        if self.created {
            let only_lock = std::fs::read_dir(&self.out)
                .is_ok_and(|entries| entries.flatten().all(|e| e.file_name() == LOCK));
            if only_lock {
                let _ = std::fs::remove_file(self.out.join(LOCK));
                let _ = std::fs::remove_dir(&self.out);
            }
        }
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    // Windows does not delete a file another process has open.
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        let first = Lock::acquire(&out, || panic!("nothing to wait for"))?;
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let out = out.clone();
            std::thread::spawn(move || {
                let lock = Lock::acquire(&out, || {
                    let _ = tx.send(());
                });
                lock.is_ok()
            })
        };
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| IoError::new("wait", &out, std::io::Error::other(e)))?;
        assert!(!waiter.is_finished());
        drop(first);
        assert!(waiter.join().unwrap_or(false));
        Ok(())
    }

    #[test]
    fn a_folder_made_for_a_run_that_wrote_nothing_goes_again() -> Result<(), OutputError> {
        let tmp = tempfile::tempdir().map_err(|e| IoError::new("tempdir", Path::new("."), e))?;
        let out = tmp.path().join("public");
        drop(Lock::acquire(&out, || {})?);
        assert!(!out.exists());
        Ok(())
    }
}
