//! An incremental rebuild must give byte for byte what a full build gives.

use super::*;
use crate::config::Overrides;
use crate::pipeline::Options as PipelineOptions;
use crate::render::Content;
use std::collections::BTreeMap;

const SITE: &str = "title: 测试站\norganization: 测试单位\ncolumns:\n  - { slug: tzgg, title: 通知公告, kind: list, per_page: 1 }\n  - { slug: jggk, title: 机构概况, kind: page }\n";

fn item(title: &str, date: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n---\n\n{title}的正文。\n")
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/tzgg")).expect("mkdir");
    std::fs::create_dir_all(root.join("content/jggk")).expect("mkdir");
    std::fs::write(root.join("site.yaml"), SITE).expect("write");
    std::fs::write(
        root.join("content/jggk/_index.md"),
        "---\ntitle: 机构概况\n---\n\n简介。\n",
    )
    .expect("write");
    for (name, date) in [
        ("a", "2024-01-01"),
        ("b", "2024-02-01"),
        ("c", "2024-03-01"),
    ] {
        std::fs::write(
            root.join(format!("content/tzgg/{name}.md")),
            item(name, date),
        )
        .expect("write");
    }
    dir
}

fn opts(root: &Path) -> PipelineOptions {
    PipelineOptions {
        root: root.to_path_buf(),
        overrides: Overrides::default(),
        drafts: false,
        minify: false,
        publish_until: None,
    }
}

fn bytes(files: &[OutputFile]) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .filter_map(|f| match &f.content {
            Content::Bytes(b) => Some((f.path.clone(), b.clone())),
            _ => None,
        })
        .collect()
}

/// `set` holds byte for byte what a full build of `root` gives.
fn assert_full_build(root: &Path, set: &FileSet) {
    let files = Collect::default();
    let full = Pipeline::new(opts(root)).run(&Scope::Full, &files);
    assert!(!full.failed());
    assert_eq!(bytes(set.files()), bytes(&files.into_files()));
}

fn edit(root: &Path, name: &str, text: &str) -> ChangeKind {
    let path = root.join(format!("content/tzgg/{name}.md"));
    std::fs::write(&path, text).expect("write");
    ChangeKind::Items(vec![path])
}

#[test]
fn item_edit_matches_a_full_build() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    let mut set = FileSet::default();
    let first = Rebuild::run(&mut rebuilder, &ChangeKind::Full(Vec::new()));
    set.apply(first.update.expect("first build"));
    // `a` moves from the last list page to the first: every page between changes.
    let change = edit(root, "a", &item("a 改", "2024-04-01"));
    let r = Rebuild::run(&mut rebuilder, &change);
    assert!(r.incremental());
    assert_eq!(
        r.pages(),
        7,
        "item, home, site map, search page, list pages 1-3"
    );
    set.apply(r.update.expect("rebuild"));
    assert_full_build(root, &set);
}

#[test]
fn broken_edit_keeps_nothing_and_the_next_rebuild_is_full() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    assert!(Rebuild::run(&mut rebuilder, &ChangeKind::Full(Vec::new())).ok());
    let r = Rebuild::run(
        &mut rebuilder,
        &edit(root, "b", "---\ntitle: b\ndate: 2024-13-45\n---\n"),
    );
    assert!(!r.ok());
    assert_eq!(r.errors().len(), 1);
    assert_eq!(r.what, "content/tzgg/b.md 有改动");
    let r = Rebuild::run(&mut rebuilder, &edit(root, "b", &item("b", "2024-02-02")));
    assert!(r.ok() && !r.incremental());
    let r = Rebuild::run(&mut rebuilder, &edit(root, "b", &item("b", "2024-02-03")));
    assert!(r.ok() && r.incremental());
}

#[test]
fn new_renamed_or_deleted_items_rebuild_everything() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    assert!(Rebuild::run(&mut rebuilder, &ChangeKind::Full(Vec::new())).ok());
    let r = Rebuild::run(&mut rebuilder, &edit(root, "d", &item("d", "2024-05-01")));
    assert!(r.ok() && !r.incremental());
    let r = Rebuild::run(
        &mut rebuilder,
        &edit(
            root,
            "d",
            "---\ntitle: d\ndate: 2024-05-01\nslug: dd\n---\n",
        ),
    );
    assert!(r.ok() && !r.incremental());
    let gone = root.join("content/tzgg/c.md");
    std::fs::remove_file(&gone).expect("rm");
    let r = Rebuild::run(&mut rebuilder, &ChangeKind::Items(vec![gone]));
    assert!(r.ok() && !r.incremental());
    let Some(Update::All { files, .. }) = r.update else {
        panic!("expected a full update")
    };
    assert!(!files.iter().any(|f| f.path == "tzgg/c.html"));
}

/// The files of an index job, as the update that publishes them.
fn index_update(job: Option<IndexJob>) -> Update {
    let files = job.expect("an index job").run().expect("the index");
    assert!(files.iter().any(|f| f.path == "pagefind/pagefind.js"));
    Update::Some {
        files,
        replaced: vec!["pagefind/".into()],
    }
}

#[test]
fn with_the_index_later_the_pages_and_then_the_index_give_the_full_build() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    let mut set = FileSet::default();
    let first = Rebuild::run_index_later(&mut rebuilder, &ChangeKind::Full(Vec::new()));
    let Some(Update::All { files, kept }) = &first.update else {
        panic!("expected a full update")
    };
    assert!(!files.iter().any(|f| f.path.starts_with("pagefind/")));
    assert_eq!(kept, &["pagefind/".to_string()]);
    set.apply(first.update.expect("first build"));
    set.apply(index_update(first.index_job));
    let index_files = |set: &FileSet| {
        set.files()
            .iter()
            .filter(|f| f.path.starts_with("pagefind/"))
            .count()
    };
    let indexed = index_files(&set);

    // An item edit: its pages come first, the old index stays meanwhile.
    let r = Rebuild::run_index_later(
        &mut rebuilder,
        &edit(root, "b", &item("b 改", "2024-02-01")),
    );
    assert!(r.incremental());
    set.apply(r.update.expect("rebuild"));
    assert_eq!(index_files(&set), indexed);
    set.apply(index_update(r.index_job));

    // A full rebuild keeps the old index too until the new one comes.
    let r = Rebuild::run_index_later(&mut rebuilder, &edit(root, "d", &item("d", "2024-05-01")));
    assert!(!r.incremental());
    set.apply(r.update.expect("rebuild"));
    assert_eq!(index_files(&set), indexed);
    set.apply(index_update(r.index_job));

    assert_full_build(root, &set);
}

#[test]
fn a_failed_rebuild_leaves_no_index_job() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    assert!(Rebuild::run_index_later(&mut rebuilder, &ChangeKind::Full(Vec::new())).ok());
    let r = Rebuild::run_index_later(
        &mut rebuilder,
        &edit(root, "b", "---\ntitle: b\ndate: 2024-13-45\n---\n"),
    );
    assert!(!r.ok());
    assert!(r.index_job.is_none());
}

#[test]
fn only_the_newest_index_is_published() {
    use crate::pipeline::indexer::Indexer;
    use std::time::Duration;
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    let first = Rebuild::run_index_later(&mut rebuilder, &ChangeKind::Full(Vec::new()));
    let older = first.index_job.expect("job");
    assert_eq!(older.pages(), 4, "three notices and the page column");
    let r = Rebuild::run_index_later(&mut rebuilder, &edit(root, "d", &item("d", "2024-05-01")));
    let newer = r.index_job.expect("job");
    let (tx, rx) = std::sync::mpsc::channel();
    // As `serve` does, under its lock: a superseded index is not shown.
    let indexer = Indexer::start(move |done| {
        if done.is_newest() {
            let _ = tx.send(done);
        }
    })
    .expect("thread");
    // Two rebuilds in a row: the first one's job is superseded before it
    // is queued, so only the second is made.
    let (first, second) = (indexer.supersede(), indexer.supersede());
    indexer.queue(first, older);
    indexer.queue(second, newer);
    let wait = Duration::from_secs(60);
    let done = rx.recv_timeout(wait).expect("the newest index");
    assert_eq!(done.pages, 5);
    assert!(done.result.is_ok());
    assert!(rx.recv_timeout(Duration::from_secs(2)).is_err());

    // A job superseded while it is made (a rebuild without a job: the
    // search was turned off) is never published.
    let r = Rebuild::run_index_later(&mut rebuilder, &edit(root, "e", &item("e", "2024-06-01")));
    let number = indexer.supersede();
    indexer.queue(number, r.index_job.expect("job"));
    indexer.supersede();
    assert!(rx.recv_timeout(Duration::from_secs(2)).is_err());
}

#[test]
fn an_index_job_whose_files_changed_is_dropped_later_and_an_error_now() {
    let dir = site();
    let root = dir.path();
    let mut rebuilder = Pipeline::new(opts(root));
    let job = |rebuilder: &mut Pipeline| {
        Rebuild::run_index_later(rebuilder, &ChangeKind::Full(Vec::new()))
            .index_job
            .expect("job")
    };
    let (later, now) = (job(&mut rebuilder), job(&mut rebuilder));
    // Saved again after the rebuild read it: that save brings its own rebuild.
    edit(root, "b", &item("b", "2024-02-09"));
    assert!(later.run_later(&|| false).is_none());
    let errors = now.run().expect_err("the file changed");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().starts_with("content/tzgg/b.md: "),
        "{}",
        errors[0]
    );
}
