//! The index files, made by Pagefind used as a library: the records go in
//! as custom records, the files come back in memory and go to the sink like
//! every other output. Nothing is run as a program and nothing is fetched.

use super::records::Record;

/// The language the records are indexed as. The words are already cut (see
/// `tokens`), so the language must be one Pagefind does not cut again, in
/// the index or in the browser: `und`, undetermined, is such a one.
pub(super) const INDEX_LANGUAGE: &str = "und";

/// The folder of the index in the output.
pub(crate) const DIR: &str = "pagefind";

/// Files Pagefind writes whatever the records; the hashed index, fragment
/// and filter files are in its subfolders.
pub(super) const FIXED_FILES: &[&str] = &["pagefind-entry.json", "pagefind.js"];

/// Pagefind's files that gongkai's search page does not load: its own
/// search interfaces, the playground, and the worker (`search.js` runs
/// Pagefind in the page). Left out of the output.
fn unused(name: &str) -> bool {
    name == "pagefind-worker.js"
        || name.starts_with("pagefind-ui.")
        || name.starts_with("pagefind-modular-ui.")
        || name.starts_with("pagefind-component-ui.")
        || name.starts_with("pagefind-highlight.")
        || name.starts_with("playground/")
}

/// Each index file's path inside [`DIR`] and bytes, or why there are none.
type Files = Result<Vec<(String, Vec<u8>)>, String>;

/// Indexes `records`; returns each file's path inside [`DIR`] and bytes, or
/// `None` when `superseded` turned true while the records went in (the
/// index is then not made).
pub(super) fn index(records: Vec<Record>, superseded: &(dyn Fn() -> bool + Sync)) -> Option<Files> {
    no_huge_pages();
    // Pagefind's interface is async: it runs under a runtime of its own,
    // on this thread, so its parallel parts use the thread pool the caller
    // chose (`serve`'s indexer has one of its own). Inside a runtime, where
    // a second one cannot block, it runs on a thread of its own.
    let run = || {
        let rt = match tokio::runtime::Builder::new_current_thread().build() {
            Ok(rt) => rt,
            Err(e) => return Some(Err(e.to_string())),
        };
        rt.block_on(index_async(records, superseded))
    };
    if tokio::runtime::Handle::try_current().is_err() {
        return run();
    }
    std::thread::scope(|s| {
        s.spawn(run)
            .join()
            .unwrap_or_else(|_| Some(Err("the search indexer stopped".to_string())))
    })
}

/// Turns transparent huge pages off for the rest of the process. The
/// allocator asks for them on the memory it takes from the system, and the
/// kernel then clears two megabytes at each first touch: with Pagefind's
/// large, short-lived buffers the kernel spent more time clearing pages
/// than Pagefind spent in its own code (10,000 items: 12 s of system time
/// with them, 5 s without; the build 7 to 30% faster and its peak memory
/// 5% lower, depending on how busy the machine was). The rest of a build
/// runs faster with them (fewer TLB misses), so they go only when there is
/// an index to make.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; failing (an old kernel) only leaves huge pages on.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

async fn index_async(
    records: Vec<Record>,
    superseded: &(dyn Fn() -> bool + Sync),
) -> Option<Files> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;
    let config = PagefindServiceConfig::builder()
        .keep_index_url(true)
        .force_language(INDEX_LANGUAGE.to_string())
        .build();
    let mut index = match PagefindIndex::new(Some(config)) {
        Ok(index) => index,
        Err(e) => return Some(Err(e.to_string())),
    };
    for r in records {
        if superseded() {
            return None;
        }
        let added = index
            .add_custom_record(
                r.url,
                r.words,
                INDEX_LANGUAGE.to_string(),
                Some(r.meta),
                Some(r.filters),
                Some(r.sort),
            )
            .await;
        if let Err(e) = added {
            return Some(Err(e.to_string()));
        }
    }
    if superseded() {
        return None;
    }
    let files = match index.get_files().await {
        Ok(files) => files,
        Err(e) => return Some(Err(e.to_string())),
    };
    Some(Ok(files
        .into_iter()
        .filter_map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            (!unused(&name)).then_some((name, f.contents))
        })
        .collect()))
}
