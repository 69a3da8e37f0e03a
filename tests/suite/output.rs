//! The output folder: old or new, never mixed (issue 10). What a build
//! leaves in the folder when it is interrupted, when two run at once, when
//! the manifest was tampered with, and where it refuses to write.
//! See: issue 10, "The output folder: old or new, never mixed".

use crate::support::site::SiteTest;

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
    edit(
        &site,
        "content/notices/first.md",
        "第一条通知",
        "第一条通知（修订）",
    );
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
                "public/.gongkai-manifest:{line}: warning: ignored `../../victim.txt`: not a path inside the output folder"
            ),
            format!(
                "public/.gongkai-manifest:{}: warning: ignored `{absolute}`: not a path inside the output folder",
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
                format!(
                    "error: refusing to write the site into `{output}`: it is inside the site's `{folder}/` folder\n"
                )
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
    let shared = site.root.parent().expect("temp folder").join("shared");
    std::fs::rename(site.root.join("content/notices"), &shared).expect("move column");
    std::os::unix::fs::symlink(&shared, site.root.join("content/notices")).expect("symlink");
    site.build(&[]);
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知"]
    );
    edit(
        &site,
        "content/notices/first.md",
        "第一条通知",
        "第一条通知（修订）",
    );
    let run = site.build(&[]);
    assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    assert_eq!(
        crate::support::site::texts(&site.html("notices/first.html"), "article h1"),
        ["第一条通知（修订）"]
    );
}
