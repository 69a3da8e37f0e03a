//! Whether this machine has the memory the index needs. Pagefind holds the
//! whole index in memory while it builds it, about 330 bytes for each word
//! of it (measured: 2.5 GiB for 8 million words at 10,000 items, 12.2 GiB
//! for 40 million at 50,000, beside the rest of the build), and the index
//! has a word for every Chinese character. Short of memory, the system
//! stops the build without a word from gongkai (the output folder stays as
//! it was), so the estimate is said before the index is begun, not with the
//! build's other findings.

use super::records::Record;
use crate::diag::{Diagnostic, codes};

/// Bytes Pagefind holds at its peak for each word of the index.
const BYTES_PER_WORD: u64 = 330;
/// Below this the estimate is never said: every machine that builds a site
/// has that much.
const SMALL: u64 = 512 << 20;

/// How many words the index will hold.
pub(super) fn words(records: &[Record]) -> u64 {
    records.iter().map(|r| r.word_count).sum()
}

/// The warning for an index of `words` words when `available` tells the
/// bytes of memory free (`None`: not known, nothing said); asked only for
/// an index big enough to matter.
pub(super) fn warning(words: u64, available: impl FnOnce() -> Option<u64>) -> Option<Diagnostic> {
    let need = words.saturating_mul(BYTES_PER_WORD);
    if need <= SMALL {
        return None;
    }
    let have = available()?;
    (need > have).then(|| {
        Diagnostic::site_wide(
            &codes::SEARCH_MEMORY,
            crate::t!("render-search-memory", need = gb(need), have = gb(have)),
        )
    })
}

/// `bytes` in GB, one decimal.
fn gb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1u32 << 30))
}

/// Bytes of memory this process may still take: what the system has
/// available, or less when a control group (a container, a CI job) limits
/// the process to less.
pub(super) fn available() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let system = kb.saturating_mul(1024);
    Some(cgroup_room().map_or(system, |room| room.min(system)))
}

/// What the process's control group still allows: its limit less what it
/// uses; `None` without a limit. Both kinds: cgroup v2 (`0::/path`,
/// `memory.max`) and the memory controller of v1 (`N:memory:/path`,
/// `memory.limit_in_bytes`).
fn cgroup_room() -> Option<u64> {
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let read = |dir: &std::path::Path, name: &str| -> Option<u64> {
        std::fs::read_to_string(dir.join(name))
            .ok()?
            .trim()
            .parse()
            .ok()
    };
    let room = |dir: std::path::PathBuf, max: &str, used: &str| -> Option<u64> {
        let max = read(&dir, max)?;
        Some(max.saturating_sub(read(&dir, used).unwrap_or(0)))
    };
    let under = |root: &str, path: &str| {
        std::path::Path::new(root).join(path.trim().trim_start_matches('/'))
    };
    own.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ':');
            let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
            if controllers.is_empty() {
                room(
                    under("/sys/fs/cgroup", path),
                    "memory.max",
                    "memory.current",
                )
            } else if controllers.split(',').any(|c| c == "memory") {
                room(
                    under("/sys/fs/cgroup/memory", path),
                    "memory.limit_in_bytes",
                    "memory.usage_in_bytes",
                )
            } else {
                None
            }
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_short_of_memory_is_told_before_the_index() {
        // 50 million words, about 15.4 GB, on a machine with 7 GB free.
        let d = warning(50_000_000, || Some(7 << 30)).expect("a warning");
        let text = d.to_string();
        assert!(text.contains("15.4"), "{text}");
        assert!(text.contains("7.0"), "{text}");
        assert!(text.contains("search: false"), "{text}");
        assert_eq!(d.severity, crate::diag::Severity::Warning);
        // Enough memory, a small site, or nothing known: nothing said.
        assert!(warning(50_000_000, || Some(16 << 30)).is_none());
        // A control group's limit counts (this machine's own may have none).
        assert!(cgroup_room().is_none_or(|room| room > 0));
        assert!(warning(100_000, || Some(1 << 20)).is_none());
        assert!(warning(50_000_000, || None).is_none());
    }

    #[test]
    fn the_words_are_counted_as_the_index_holds_them() {
        let mut w = super::super::tokens::Words::default();
        w.text("老旧小区，PM2.5");
        w.brk();
        w.text("区");
        let count = w.count();
        assert_eq!(count, 7);
        assert_eq!(w.finish().split(' ').count() as u64, count);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_available_memory_is_read_on_linux() {
        assert!(available().is_some_and(|b| b > 0));
    }
}
