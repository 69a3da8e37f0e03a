//! The output folder: old or new, never mixed (issue 10). What a build
//! leaves in the folder when it is interrupted, when two run at once, when
//! the manifest was tampered with, and where it refuses to write.
//! See: issue 10, "The output folder: old or new, never mixed".

use crate::support::site::SiteTest;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

/// A new site title: every page changes.
fn retitle(site: &SiteTest) {
    edit(
        site,
        "site.yaml",
        "title: 测试街道政府信息公开",
        "title: 测试街道政务公开",
    );
}

/// Replaces `old` by `new` in a file of the site.
fn edit(site: &SiteTest, rel: &str, old: &str, new: &str) {
    let path = site.root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read site file");
    assert!(text.contains(old), "{rel} has no `{old}`");
    std::fs::write(&path, text.replace(old, new)).expect("write site file");
}

#[test]
fn manifest_entries_outside_the_output_folder_are_ignored_and_never_removed() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let outside = site.root.parent().expect("temp folder");
    let relative = outside.join("victim.txt");
    let absolute = outside.join("absolute.txt");
    std::fs::write(&relative, "keep").expect("write victim");
    std::fs::write(&absolute, "keep").expect("write victim");
    let manifest = site.output(".gongkai-manifest");
    let mut text = std::fs::read_to_string(&manifest).expect("read manifest");
    let line = text.lines().count() + 1;
    text.push_str(&format!("{:032x}\t4\t../../victim.txt\n", 1));
    text.push_str(&format!("{:032x}\t4\t{}\n", 2, absolute.display()));
    std::fs::write(&manifest, text).expect("write manifest");
    revise_first_notice(&site);
    let run = site.build(&[]);
    assert_eq!(
        std::fs::read_to_string(&relative).ok().as_deref(),
        Some("keep")
    );
    assert_eq!(
        std::fs::read_to_string(&absolute).ok().as_deref(),
        Some("keep")
    );
    let absolute = absolute
        .display()
        .to_string()
        .replace(&site.root.display().to_string(), "[ROOT]");
    let lines = text_lines(&run.stderr);
    assert_eq!(
        lines,
        [
            format!(
                "public/.gongkai-manifest:{line}:1: 警告: 清单里的「../../victim.txt」不在输出文件夹里，已忽略"
            ),
            format!(
                "public/.gongkai-manifest:{}:1: 警告: 清单里的「{absolute}」不在输出文件夹里，已忽略",
                line + 1
            ),
        ]
    );
}

fn text_lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

#[test]
fn output_folders_that_do_not_exist_yet_are_checked_after_resolving_them() {
    for (output, folder, made) in [
        ("static", "static", "static"),
        ("templates", "templates", "templates"),
        ("./themes/x", "themes", "themes"),
        ("public/../content/new", "content", "content/new"),
        (".git", ".git", ".git"),
    ] {
        let site = SiteTest::fixture("build/basic");
        edit(
            &site,
            "site.yaml",
            "organization:",
            &format!("output: {output}\norganization:"),
        );
        let run = site.run(&["build"]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr),
            (
                2,
                "",
                format!("错误：不能把网站写到「{output}」：它在网站的 {folder}/ 文件夹里面\n")
            ),
            "output: {output}"
        );
        assert!(!site.root.join(made).exists(), "output: {output}");
    }
}

#[cfg(unix)]
#[test]
fn an_edit_behind_a_symlinked_column_folder_is_published() {
    let site = SiteTest::fixture("build/basic");
    // Inside the site: a link out of it is refused (`attacks.rs`).
    let shared = site.root.join("shared");
    std::fs::rename(site.root.join("content/notices"), &shared).expect("move column");
    std::os::unix::fs::symlink(&shared, site.root.join("content/notices")).expect("symlink");
    site.build(&[]);
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知"]
    );
    revise_first_notice(&site);
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("只有 1 个"), "{}", run.stdout);
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知（修订）"]
    );
}

/// The edit these tests make: the first notice's title revised.
fn revise_first_notice(site: &SiteTest) {
    edit(
        site,
        "content/notices/first.md",
        "第一条通知",
        "第一条通知（修订）",
    );
}

/// Every file under the output folder, relative to it, sorted.
fn listing(site: &SiteTest) -> Vec<String> {
    site.snapshot()
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn leftovers_of_an_interrupted_build_are_removed_by_the_next_one() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let clean = listing(&site);
    for leftover in [
        ".index.html.gongkai-new",
        "notices/.first.html.gongkai-new",
        "gone/.deep.html.gongkai-new",
        ".gongkai-manifest.gongkai-tmp",
    ] {
        let path = site.output(leftover);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, "unpublished text").expect("write leftover");
    }
    // As the killed build left the manifest: the fingerprint taken from it
    // before the first file was staged.
    let manifest = site.output(".gongkai-manifest");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    assert!(text.starts_with("#fingerprint\t"), "{text}");
    let text = text.replacen("#fingerprint\t", "#interrupted\t", 1);
    std::fs::write(&manifest, text).expect("mark the manifest");
    revise_first_notice(&site);
    site.build(&[]);
    // The search index's file names hold hashes of their contents, so the
    // edit renames some: compared by count, the rest by name.
    let index = |list: &[String]| list.iter().filter(|p| p.starts_with("pagefind/")).count();
    let others = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .filter(|p| !p.starts_with("pagefind/"))
            .collect()
    };
    let after = listing(&site);
    assert_eq!(index(&after), index(&clean));
    let mut expected = others(clean);
    if !expected.iter().any(|p| p == ".gongkai-lock") {
        expected.push(".gongkai-lock".to_string());
        expected.sort();
    }
    assert_eq!(others(after), expected);
}

#[test]
fn a_finished_folder_is_swept_only_at_its_top() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    // Killed while the manifest itself was being written, after everything
    // else was in place: its temporary file lies beside it.
    let tmp = site.output(".gongkai-manifest.gongkai-tmp");
    std::fs::write(&tmp, "half a manifest").expect("write leftover");
    revise_first_notice(&site);
    site.build(&[]);
    assert!(!tmp.exists());
    let text = std::fs::read_to_string(site.output(".gongkai-manifest")).expect("manifest");
    assert!(text.starts_with("#fingerprint\t"), "{text}");
}

#[test]
fn a_published_file_changed_without_changing_its_size_is_written_again() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let page = site.read("notices/first.html");
    let tampered = page.replacen("第一条通知", "第九条通知", 1);
    assert_eq!(page.len(), tampered.len());
    std::fs::write(site.output("notices/first.html"), &tampered).expect("tamper");
    let run = site.build(&[]);
    let summary = run
        .stdout
        .split("，用时 ")
        .next()
        .unwrap_or_default()
        .to_string();
    let counts = run
        .stdout
        .rsplit('（')
        .next()
        .unwrap_or_default()
        .to_string();
    assert_eq!(
        (summary.as_str(), counts.as_str()),
        ("已生成 42 个文件到 public", "写入 1 个，删除 0 个）\n")
    );
    assert_eq!(site.read("notices/first.html"), page);
}

/// The output folder's files and bytes, without gongkai's own.
fn published(site: &SiteTest) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    crate::support::site::site_files_in(&site.root.join("public"))
}

/// `count` more notices in `content/notices/`.
fn add_notices(site: &SiteTest, count: usize, text: &str) {
    for n in 0..count {
        site.write(
            &format!("content/notices/n{n:05}.md"),
            format!(
                "---\ntitle: 通知{n:05}\ndate: 2024-{:02}-{:02}\n---\n\n{text}{n}。\n",
                1 + n % 12,
                1 + n % 28
            ),
        );
    }
}

// `File::lock` is std since 1.89; see src/output/lock.rs.
#[test]
fn a_second_build_waits_for_the_one_holding_the_lock() {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let lock = std::fs::File::open(site.output(".gongkai-lock")).expect("open lock");
    lock.lock().expect("lock");
    revise_first_notice(&site);
    let mut child = site
        .command(&["build"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start build");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    stderr.read_line(&mut line).expect("read stderr");
    assert_eq!(
        line,
        "另一个 gongkai 正在往 public 写文件，等它写完后继续……\n"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(child.try_wait().expect("poll").is_none(), "did not wait");
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知"]
    );
    lock.unlock().expect("unlock");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    // The waiting build saw an edit of one notice: only what it changes
    // was rendered.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("只有 1 个文章文件有改动：") && stdout.contains("网站共 42 个文件"),
        "{stdout}"
    );
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知（修订）"]
    );
}

#[test]
fn two_builds_at_once_give_the_folder_of_one() {
    let reference = SiteTest::fixture("build/basic");
    add_notices(&reference, 300, "正文");
    reference.build(&[]);
    let site = SiteTest::fixture("build/basic");
    add_notices(&site, 300, "旧正文");
    site.build(&[]);
    add_notices(&site, 300, "正文");
    let children: Vec<_> = (0..2)
        .map(|_| {
            site.command(&["build"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start build")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    assert!(
        published(&site) == published(&reference),
        "the two builds mixed"
    );
}

/// The site's notices in one of two states: `state` 0 has 2,000 notices,
/// `state` 1 changes the text of all of them, drops 200 and adds 200.
fn write_state(site: &SiteTest, state: usize) {
    let dir = site.root.join("content/notices");
    for entry in std::fs::read_dir(&dir).expect("list notices") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('n'))
        {
            std::fs::remove_file(path).expect("remove notice");
        }
    }
    let (range, text) = match state {
        0 => (0..2000, "旧正文"),
        _ => (200..2200, "新正文"),
    };
    for n in range {
        site.write(
            &format!("content/notices/n{n:05}.md"),
            format!(
                "---\ntitle: 通知{n:05}\ndate: 2024-{:02}-{:02}\n---\n\n{text}{n}。\n",
                1 + n % 12,
                1 + n % 28
            ),
        );
    }
}

/// Files of the output folder whose names gongkai writes under while a
/// build runs.
fn leftovers(site: &SiteTest) -> Vec<std::path::PathBuf> {
    site.snapshot()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".gongkai-new")
                || name.ends_with(".gongkai-tmp")
                || name.ends_with(".gongkai-old")
        })
        .collect()
}

/// Kills `gongkai build` (SIGKILL) at random points while it turns one
/// state of a 2,000-item site into the other, 30 times. Right after each
/// kill every published file is the old or the new version of itself (no
/// partial content, no file of neither build); after the next build the
/// folder is exactly a clean build of the content, with no temporary file.
/// See: issue 10.
#[test]
fn a_build_killed_at_any_point_leaves_old_or_new_files_and_the_next_build_repairs_it() {
    const RUNS: usize = 30;
    let started = std::time::Instant::now();
    let mut random = crate::support::random::seeded("GONGKAI_KILL_SEED");
    let references: Vec<_> = (0..2)
        .map(|state| {
            let site = SiteTest::fixture("build/basic");
            write_state(&site, state);
            site.build(&["--no-minify"]);
            let files: std::collections::HashMap<_, _> = published(&site).into_iter().collect();
            files
        })
        .collect();
    let site = SiteTest::fixture("build/basic");
    write_state(&site, 0);
    let timed = std::time::Instant::now();
    site.build(&["--no-minify"]);
    let full = timed.elapsed().as_millis() as u64;
    let mut state = 0;
    for run in 0..RUNS {
        let before = state;
        state = 1 - state;
        write_state(&site, state);
        let mut child = site
            .command(&["build", "--no-minify"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start build");
        std::thread::sleep(Duration::from_millis(random(full * 11 / 10)));
        let _ = child.kill();
        child.wait().expect("wait for the killed build");
        for (path, bytes) in published(&site) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.ends_with(".gongkai-new")
                || name.ends_with(".gongkai-tmp")
                || name.ends_with(".gongkai-old")
            {
                continue;
            }
            let old = references[before].get(&path);
            let new = references[state].get(&path);
            assert!(
                old == Some(&bytes) || new == Some(&bytes),
                "run {run}: {} is neither the old nor the new file",
                path.display()
            );
        }
        // Half the time the edit is taken back before the next build.
        if random(2) == 0 {
            state = before;
            write_state(&site, state);
        }
        site.build(&["--no-minify"]);
        let files: std::collections::HashMap<_, _> = published(&site).into_iter().collect();
        assert!(
            files == references[state],
            "run {run}: the next build left a mixed folder"
        );
        assert_eq!(
            leftovers(&site),
            Vec::<std::path::PathBuf>::new(),
            "run {run}"
        );
    }
    eprintln!(
        "kill test: {RUNS} runs, full build {full} ms, {} s in all",
        started.elapsed().as_secs()
    );
}

/// Reads `reader` line by line until a line starts with `prefix`.
fn wait_for_line(reader: &mut impl BufRead, prefix: &str) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).expect("read output");
        assert!(n > 0, "ended before a line starting with `{prefix}`");
        if line.starts_with(prefix) {
            return line;
        }
    }
}

#[test]
fn build_watch_holds_the_lock_until_it_stops() {
    let site = SiteTest::fixture("build/basic");
    let mut watch = site
        .command(&["build", "--watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start build --watch");
    let mut watch_out = BufReader::new(watch.stdout.take().expect("stdout"));
    wait_for_line(&mut watch_out, "正在监视 ");
    let mut build = site
        .command(&["build"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start build");
    let mut build_err = BufReader::new(build.stderr.take().expect("stderr"));
    assert_eq!(
        wait_for_line(&mut build_err, ""),
        "另一个 gongkai 正在往 public 写文件，等它写完后继续……\n"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(build.try_wait().expect("poll").is_none(), "did not wait");
    let _ = watch.kill();
    watch.wait().expect("stop build --watch");
    let out = build.wait_with_output().expect("wait");
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("已生成 42 个文件到 public，用时 "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Nothing of an unpublished draft reaches the output folder, whose every
/// file a deploy copies (hidden ones too, with `rsync -a`): not its page,
/// not its title, and not its file name in the record the next build
/// reads, whatever that record keeps of the inputs.
#[test]
fn nothing_of_a_draft_is_in_the_output_folder() {
    let site = SiteTest::fixture("build/basic");
    site.write(
        "content/notices/内部草稿-人事调整名单.md",
        "---\ntitle: 关于人事调整名单的请示（草稿）\ndate: 2024-06-01\ndraft: true\n---\n\n未定稿。\n",
    );
    site.build(&[]);
    // Twice: the second build reads and writes the record again.
    edit(
        &site,
        "content/notices/first.md",
        "第一条通知",
        "第一条通知（改）",
    );
    site.build(&[]);
    for (rel, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("人事调整"),
            "{} holds the draft's name or title",
            rel.display()
        );
    }
}

#[test]
fn a_build_never_writes_through_a_link_inside_the_output_folder() {
    // A `public/` committed with a link in it (or a folder of a published
    // site swapped for one): the build must not write where it points.
    let site = SiteTest::fixture("build/basic");
    let outside = site.root.parent().expect("temp folder").join("victim");
    std::fs::create_dir_all(&outside).expect("victim folder");
    std::fs::write(outside.join("index.html"), "precious").expect("victim file");
    let out = site.root.join("public");
    std::fs::create_dir_all(&out).expect("public");
    std::fs::write(out.join(".gongkai-manifest"), "").expect("planted manifest");
    std::os::unix::fs::symlink(&outside, out.join("notices")).expect("symlink");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("「public/notices」是一个链接"),
        "{}",
        run.stderr
    );
    let left: Vec<_> = std::fs::read_dir(&outside)
        .expect("list victim")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["index.html"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("index.html")).expect("read"),
        "precious"
    );
    // The same when a folder of a published site is swapped for a link
    // later: nothing behind it is written, and the site stays as it was.
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let before = published(&site);
    std::fs::remove_dir_all(site.output("notices")).expect("remove folder");
    std::os::unix::fs::symlink(&outside, site.output("notices")).expect("symlink");
    let before_link = published(&site);
    retitle(&site);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(published(&site), before_link);
    assert_ne!(before, before_link);
    assert_eq!(
        std::fs::read_dir(&outside).expect("list victim").count(),
        1,
        "nothing written behind the link"
    );
}

#[test]
fn a_commit_that_fails_halfway_puts_the_old_site_back() {
    // A folder where a page goes: its rename fails after others were done.
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let page = std::fs::read_dir(site.output("notices"))
        .expect("list notices")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".html") && n != "index.html")
        .expect("an item page");
    std::fs::remove_file(site.output(&format!("notices/{page}"))).expect("remove page");
    std::fs::create_dir_all(site.output(&format!("notices/{page}/x"))).expect("folder");
    let before = published(&site);
    retitle(&site);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(&page), "{}", run.stderr);
    // Every page renamed before the failure has its old bytes back, and
    // nothing staged or kept aside is left.
    assert_eq!(published(&site), before);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    // Once the folder is gone, the next build publishes the new title.
    std::fs::remove_dir_all(site.output(&format!("notices/{page}"))).expect("remove folder");
    site.build(&[]);
    assert!(site.read("index.html").contains("测试街道政务公开"));
}

#[test]
fn a_write_that_fails_halfway_leaves_nothing_behind() {
    // A full disk, made here by a file-size limit: the 2 MB attachment's
    // write stops halfway. Nothing begun may stay in the folder, not even
    // once the edit is taken back and the next build finds nothing to do.
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let before = published(&site);
    site.write(
        "content/notices/big/index.md",
        "---\ntitle: 大附件\ndate: 2024-06-21\nattachments:\n  - big.pdf\n---\n\n正文\n",
    );
    site.write("content/notices/big/big.pdf", vec![b'x'; 2 << 20]);
    let mut cmd = std::process::Command::new("sh");
    cmd.current_dir(&site.root).arg("-c").arg(format!(
        "trap '' XFSZ; ulimit -f 2048; exec '{}' build",
        env!("CARGO_BIN_EXE_gongkai")
    ));
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(published(&site), before);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert!(!site.output("notices/big").exists());
    std::fs::remove_dir_all(site.root.join("content/notices/big")).expect("remove item");
    site.build(&[]);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert_eq!(published(&site), before);
}
