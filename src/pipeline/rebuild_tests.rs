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
    let files = Collect::default();
    let full = Pipeline::new(opts(root)).run(&Scope::Full, &files);
    assert!(!full.failed());
    assert_eq!(bytes(set.files()), bytes(&files.into_files()));
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
    let Some(Update::All(files)) = r.update else {
        panic!("expected a full update")
    };
    assert!(!files.iter().any(|f| f.path == "tzgg/c.html"));
}
