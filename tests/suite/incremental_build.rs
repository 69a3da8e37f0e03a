//! `gongkai build` into a folder a complete build wrote, after edits of a
//! few notices (the everyday CI case: a commit changes a notice, the output
//! folder is kept between runs, every file has a fresh time after the
//! checkout). Only what the edits change is rendered and written, and the
//! folder ends up exactly as a clean build of the same content.
//! See: issue 15, "CI rebuilds that render only what changed".

use crate::support::site::{SiteTest, files_in, site_files_in as files};
use std::path::Path;

const NOTICES: usize = 45;

fn notice(title: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n---\n\n{body}\n\n见[第二条](./second.md)。\n")
}

fn fill(site: &SiteTest) {
    fill_with(site, true);
}

/// As [`fill`], with the site search on or off.
fn fill_with(site: &SiteTest, search: bool) {
    let config = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    let off = if search { "" } else { "search: false\n" };
    site.write(
        "site.yaml",
        config.replace("kind: list }", "kind: list, per_page: 10 }") + off,
    );
    for n in 0..NOTICES {
        site.write(
            &format!("content/notices/n{n:02}.md"),
            notice(
                &format!("通知{n:02}"),
                &format!("2023-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
                &format!("第{n}条通知的正文，关于老旧小区改造。"),
            ),
        );
    }
}

/// Gives every file of the site a new modification time, as a checkout
/// does.
fn touch_all(root: &Path) {
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    for (rel, _) in files_in(root) {
        if rel.starts_with("public") {
            continue;
        }
        let file = std::fs::File::options()
            .append(true)
            .open(root.join(&rel))
            .expect("open site file");
        file.set_modified(later).expect("set time");
    }
}

/// One random edit of the site; true when only notices' bytes changed (so
/// the build may render only what they change).
fn random_edit(site: &SiteTest, next: &mut impl FnMut(u64) -> u64, step: usize) -> bool {
    let pick = |next: &mut dyn FnMut(u64) -> u64| {
        format!("content/notices/n{:02}.md", next(NOTICES as u64))
    };
    match next(8) {
        // The body.
        0 | 1 => {
            let rel = pick(next);
            let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
            site.write(&rel, text + &format!("\n补充说明第{step}段。\n"));
            true
        }
        // The title, which its list page, the feeds and the site map show.
        2 => {
            let rel = pick(next);
            let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
            let text = text.replacen("title: ", &format!("title: 修订{step}："), 1);
            site.write(&rel, text);
            true
        }
        // The date: the notice moves to another place, maybe another page.
        3 | 4 => {
            let rel = pick(next);
            let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
            let start = text.find("date: ").expect("date") + 6;
            let date = format!(
                "20{:02}-{:02}-{:02}",
                18 + next(7),
                1 + next(12),
                1 + next(28)
            );
            let text = format!("{}{date}{}", &text[..start], &text[start + 10..]);
            site.write(&rel, text);
            true
        }
        // Two notices at once.
        5 => {
            for _ in 0..2 {
                let rel = pick(next);
                let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
                site.write(
                    &rel,
                    text.replace("正文", &format!("正文（第{step}次修改）")),
                );
            }
            true
        }
        // A page column's page: not a list item, so a full build.
        6 => {
            let rel = "content/about/_index.md";
            let text = std::fs::read_to_string(site.root.join(rel)).expect("page");
            site.write(rel, text + &format!("\n第{step}次更新。\n"));
            false
        }
        // Nothing but the times, as a fresh checkout of the same commit.
        _ => false,
    }
}

/// A random sequence of edits, each followed by a build into the kept
/// folder (every file's time changed, as after a checkout) and a clean
/// build of the same content into a new folder: both give the same files,
/// byte for byte, and edits of notices alone are built incrementally. The
/// seed is printed; `GONGKAI_EDIT_SEED` replays a failure.
#[test]
fn random_edits_build_incrementally_to_exactly_a_clean_build() {
    random_edits(true);
}

/// As above with the search off, where a build of notice edits takes the
/// other notices from what the last complete build kept, not their files.
#[test]
fn random_edits_build_incrementally_to_exactly_a_clean_build_without_search() {
    random_edits(false);
}

fn random_edits(search: bool) {
    let site = SiteTest::fixture("build/basic");
    fill_with(&site, search);
    let mut next = crate::support::random::seeded("GONGKAI_EDIT_SEED");
    let first = site.build(&[]);
    assert!(first.stdout.starts_with("已生成 "), "{}", first.stdout);
    for step in 0..14 {
        let before = files(&site.root.join("public"));
        let items_only = random_edit(&site, &mut next, step);
        // Mostly as after a checkout; sometimes as on a desk, where only
        // the edited files have new times.
        if next(3) > 0 {
            touch_all(&site.root);
        }
        let run = site.build(&[]);
        let clean_out = site.root.join(format!("clean{step}"));
        site.build(&["--output", clean_out.to_str().expect("utf-8 path")]);
        std::fs::remove_file(clean_out.join(".gongkai-manifest")).ok();
        let kept = files(&site.root.join("public"));
        assert!(
            kept == files(&clean_out),
            "step {step} (replay with the printed GONGKAI_EDIT_SEED): the kept folder differs from a clean build\n{}",
            run.stdout
        );
        std::fs::remove_dir_all(&clean_out).expect("remove clean build");
        if items_only {
            assert!(
                run.stdout.starts_with("只有 "),
                "step {step}: {}",
                run.stdout
            );
        } else if kept == before {
            assert!(
                run.stdout.starts_with("上次生成 public 以来没有改动"),
                "step {step}: {}",
                run.stdout
            );
        } else {
            assert!(
                run.stdout.starts_with("已生成 "),
                "step {step}: {}",
                run.stdout
            );
        }
    }
}

/// After a notice edit only the files whose bytes change are written, and
/// the message says so; a new notice, a removed one and a changed
/// site.yaml are full builds.
#[test]
fn a_notice_edit_writes_only_what_changes_and_other_changes_build_everything() {
    let site = SiteTest::fixture("build/basic");
    fill(&site);
    site.build(&[]);
    let rel = "content/notices/n07.md";
    let text = std::fs::read_to_string(site.root.join(rel)).expect("notice");
    site.write(rel, text.replace("正文", "正文（已修改）"));
    let run = site.build(&[]);
    // The notice's page and its 长者模式 copy, the feeds, sitemap.xml and
    // the search index's changed files; nothing else.
    assert!(
        run.stdout
            .starts_with("只有 1 个文章文件有改动：重新生成了 "),
        "{}",
        run.stdout
    );
    let written: usize = run
        .stdout
        .split("写入 ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("written count");
    let total = files(&site.root.join("public")).len();
    assert!(
        written > 0 && written * 4 < total,
        "{written} of {total}\n{}",
        run.stdout
    );
    assert!(site.read("notices/n07.html").contains("正文（已修改）"));

    site.write(
        "content/notices/new.md",
        notice("新通知", "2024-03-01", "新的正文。"),
    );
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("已生成 "), "{}", run.stdout);
    site.remove("content/notices/new.md");
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("已生成 "), "{}", run.stdout);
    assert!(!site.output("notices/new.html").exists());
    site.write(
        "site.yaml",
        std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml")
            + "# 改了一行说明\n",
    );
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("已生成 "), "{}", run.stdout);
}

/// An edit with an error publishes nothing and keeps the recorded state,
/// so fixing it is again an incremental build.
#[test]
fn a_notice_edit_with_an_error_changes_nothing_and_the_fix_builds_incrementally() {
    let site = SiteTest::fixture("build/basic");
    fill(&site);
    site.build(&[]);
    let before = files(&site.root.join("public"));
    let rel = "content/notices/n03.md";
    let good = std::fs::read_to_string(site.root.join(rel)).expect("notice");
    site.write(rel, good.replace("date: 2023-04-04", "date: 2023-13-40"));
    let run = site.build_fails(&[]);
    assert!(
        run.stderr.contains("content/notices/n03.md:3:"),
        "{}",
        run.stderr
    );
    assert_eq!(files(&site.root.join("public")), before);
    site.write(rel, good.replace("正文", "正文（改好了）"));
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    assert!(site.read("notices/n03.html").contains("正文（改好了）"));
}

/// Gives every file of the site a modification time long past, as an
/// untouched working copy has.
fn age_all(root: &Path) {
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_577_836_800);
    for (rel, _) in files_in(root) {
        if !rel.starts_with("public") {
            set_time(&root.join(rel), past);
        }
    }
}

fn set_time(path: &Path, when: std::time::SystemTime) {
    std::fs::File::options()
        .append(true)
        .open(path)
        .expect("open site file")
        .set_modified(when)
        .expect("set time");
}

/// A file nobody touched since the last build is not read again for its
/// hash; one that was rewritten is, even when it keeps its size and gets
/// its old modification time back (as copying tools do): the change time
/// gives it away.
#[test]
fn a_file_rewritten_with_its_size_and_time_kept_is_still_seen() {
    let site = SiteTest::fixture("build/basic");
    fill(&site);
    age_all(&site.root);
    site.build(&[]);
    let rel = "content/notices/n11.md";
    let path = site.root.join(rel);
    let time = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("time");
    let text = std::fs::read_to_string(&path).expect("notice");
    // 正 and 全 are both three bytes in UTF-8.
    let edited = text.replace("正文", "全文");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&path, &edited).expect("write");
    set_time(&path, time);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    assert!(site.read("notices/n11.html").contains("全文"));
    // Nothing else changed: the next build has nothing to do.
    let run = site.build(&[]);
    assert!(
        run.stdout.starts_with("上次生成 public 以来没有改动"),
        "{}",
        run.stdout
    );
}

/// The same when the error shows only while the pages render (a link to a
/// page that does not exist): the files staged before it are dropped, and
/// the manifest goes back as it was, with its recorded state, so the fix is
/// again an incremental build.
#[test]
fn a_notice_edit_failing_while_rendering_keeps_the_state() {
    let site = SiteTest::fixture("build/basic");
    fill(&site);
    site.build(&[]);
    let manifest = std::fs::read(site.output(".gongkai-manifest")).expect("manifest");
    let rel = "content/notices/n04.md";
    let good = std::fs::read_to_string(site.root.join(rel)).expect("notice");
    site.write(rel, good.replace("正文", "正文，见[旧文](./none.md)"));
    let run = site.build_fails(&[]);
    assert!(
        run.stderr.contains("content/notices/n04.md:"),
        "{}",
        run.stderr
    );
    assert!(
        std::fs::read(site.output(".gongkai-manifest")).expect("manifest") == manifest,
        "the manifest changed"
    );
    site.write(rel, good.replace("正文", "正文（改好了）"));
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
}

/// A build of one edit adds what it changed at the end of the manifest
/// instead of writing the whole manifest again, and what the manifest then
/// says is what a whole one would: the next build finds nothing to do, and
/// the folder is a clean build's. Once the added lines would make more
/// than a sixteenth of it, the manifest is written whole again.
#[test]
fn an_edit_build_adds_its_changes_to_the_manifest() {
    let site = SiteTest::fixture("build/basic");
    fill_with(&site, false);
    site.build(&[]);
    let manifest = site.root.join("public/.gongkai-manifest");
    let read = || std::fs::read_to_string(&manifest).expect("manifest");
    assert!(!read().contains("#appended"));
    let (mut added, mut whole_again) = (0, false);
    for step in 0..8 {
        let rel = format!("content/notices/n{:02}.md", step * 3);
        let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
        site.write(&rel, text + &format!("\n补充说明第{step}段。\n"));
        let run = site.build(&[]);
        assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
        let now = read();
        assert!(now.starts_with("#fingerprint\t"), "{now}");
        if now.contains("#appended\n") {
            added += 1;
        } else if added > 0 {
            whole_again = true;
        }
        let again = site.build(&[]);
        assert!(
            again.stdout.starts_with("上次生成 public 以来没有改动"),
            "step {step}: {}",
            again.stdout
        );
        let clean_out = site.root.join(format!("clean{step}"));
        site.build(&["--output", clean_out.to_str().expect("utf-8 path")]);
        assert!(files(&site.root.join("public")) == files(&clean_out));
        std::fs::remove_dir_all(&clean_out).expect("remove clean build");
    }
    assert!(
        added >= 2 && whole_again,
        "added {added}, whole again {whole_again}"
    );
}

/// `bytes` with every `from` replaced by `to`.
fn replace_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        if rest.starts_with(from) {
            out.extend_from_slice(to);
            rest = &rest[from.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

/// With the search off, a complete build keeps its list items beside the
/// manifest, and a build of some notices' edits takes the other notices
/// from there instead of reading their files: shown here by changing a
/// title in the kept items (same length, and sealed again with the file's
/// closing hash, so it still reads), which the list page the edited notice
/// shares with it then shows. A complete build writes them anew; changed
/// without the seal, or damaged, they are not used; with the search on (its
/// index needs every text) none are kept.
#[test]
fn a_notice_edit_takes_the_other_notices_from_the_last_build_when_the_search_is_off() {
    let site = SiteTest::fixture("build/basic");
    fill_with(&site, false);
    site.build(&[]);
    let kept = site.root.join("public/.gongkai-items");
    let bytes = std::fs::read(&kept).expect("the items are kept");
    // 通知24 and 通知01 are on the notices' fifth list page.
    let mut marked = replace_bytes(&bytes, "通知24".as_bytes(), "通知2X".as_bytes());
    assert_ne!(marked, bytes);
    // The file ends with the hash of the bytes before it: sealed again,
    // as a build would have written it.
    let body = marked.len() - 16;
    let sum = xxhash_rust::xxh3::xxh3_128(&marked[..body]).to_le_bytes();
    marked[body..].copy_from_slice(&sum);
    std::fs::write(&kept, &marked).expect("mark");
    let edit = |n: usize, step: usize| {
        let rel = format!("content/notices/n{n:02}.md");
        let text = std::fs::read_to_string(site.root.join(&rel)).expect("notice");
        site.write(
            &rel,
            text.replacen("title: ", &format!("title: 修订{step}："), 1),
        );
    };
    edit(1, 1);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    let list = site.read("notices/index_4.html");
    assert!(
        list.contains("通知2X") && list.contains("修订1：通知01"),
        "{list}"
    );
    // A second edit build still has them (the file stays as it was): 通知00
    // is on that page too.
    edit(0, 2);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    let list = site.read("notices/index_4.html");
    assert!(
        list.contains("通知2X") && list.contains("修订2：通知00"),
        "{list}"
    );

    // A change of site.yaml is a complete build, which reads every file.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).expect("site.yaml");
    site.write("site.yaml", config.clone() + "# 说明\n");
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("已生成 "), "{}", run.stdout);
    assert!(!site.read("notices/index_4.html").contains("通知2X"));

    // Changed but not sealed again: not used.
    let bytes = std::fs::read(&kept).expect("kept anew");
    let marked = replace_bytes(&bytes, "通知24".as_bytes(), "通知2X".as_bytes());
    std::fs::write(&kept, marked).expect("mark");
    edit(1, 3);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    let list = site.read("notices/index_4.html");
    assert!(
        list.contains("修订3：") && list.contains("通知24") && !list.contains("通知2X"),
        "{list}"
    );

    // Damaged: not used, and the build is still exactly a clean one.
    std::fs::write(&kept, b"\x01\x02garbage").expect("damage");
    edit(3, 4);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    let clean_out = site.root.join("clean");
    site.build(&["--output", clean_out.to_str().expect("utf-8 path")]);
    assert!(files(&site.root.join("public")) == files(&clean_out));

    // With the search on, nothing is kept.
    site.write("site.yaml", config.replace("search: false\n", ""));
    site.build(&[]);
    assert!(!kept.exists());
}

/// Kept items name their files relative to the site's folder: a build run
/// from another folder (`--root`) that takes a notice from them (here one
/// edited and then put back, so its bytes are those kept) reads its text
/// from the same file, and the output is still a clean build's.
#[test]
fn kept_items_are_found_from_another_working_folder() {
    let site = SiteTest::fixture("build/basic");
    fill_with(&site, false);
    site.build(&[]);
    let rel = "content/notices/n05.md";
    let original = std::fs::read_to_string(site.root.join(rel)).expect("notice");
    site.write(rel, original.replace("正文", "正文（改过）"));
    site.build(&[]);
    site.write(rel, original.clone());
    let root = site.root.to_str().expect("utf-8 path");
    let parent = site.root.parent().expect("a parent folder");
    let run = site.run_command(site.command(&["build", "--root", root]).current_dir(parent));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    assert!(site.read("notices/n05.html").contains("第5条通知的正文"));
    let clean_out = site.root.join("clean");
    site.build(&["--output", clean_out.to_str().expect("utf-8 path")]);
    assert!(files(&site.root.join("public")) == files(&clean_out));
}
