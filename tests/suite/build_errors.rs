//! `gongkai build` on bad input: each mistake gets its message with file and
//! line, the exit code is 1, and the previous output stays byte for byte.

use crate::support::site::{SiteTest, TAIL};

/// Builds the good fixture, applies `breakage`, rebuilds, and checks that the
/// build failed with exactly `expected` on stderr and left `public/` as it was.
fn fails_with(breakage: impl FnOnce(&SiteTest), expected: &str) {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let before = site.snapshot();
    breakage(&site);
    let run = site.build_fails(&[]);
    assert_eq!(run.stderr, expected);
    assert!(before == site.snapshot(), "the previous output was changed");
}

#[test]
fn malformed_site_yaml() {
    fails_with(
        |s| {
            s.write(
                "site.yaml",
                "title: 测试\norganization: 办事处: 测试\ncolumns: []\n",
            );
        },
        &format!(
            "site.yaml:2:18: error: mapping values are not allowed in this context\n  = hint: a value that contains `: ` must be put in quotes, e.g. title: \"通知：关于……\"\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn unknown_key_in_site_yaml_has_a_hint() {
    fails_with(
        |s| {
            let yaml = std::fs::read_to_string(s.root.join("site.yaml")).expect("read");
            s.write("site.yaml", yaml.replace("organization:", "organisation:"));
        },
        &format!(
            "site.yaml:3:1: error: unknown field `organisation`, expected one of title, base_url, language, organization, contact, identifiers, theme, output, report_deadline, attachments, columns\n  = hint: did you mean `organization`?\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn malformed_front_matter_names_the_file_line() {
    fails_with(
        |s| {
            s.write(
                "content/notices/bad.md",
                "---\ntitle: 标题\ndate: [2024\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/bad.md:3:7: error: expected string scalar\n  = hint: this value must be plain text; if it starts with [ {{ * & ! or #, put it in quotes\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn unknown_front_matter_key() {
    fails_with(
        |s| {
            s.write(
                "content/notices/bad.md",
                "---\ntitle: 标题\ndate: 2024-01-01\npublisehr: 某单位\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/bad.md:4:1: error: unknown field `publisehr`, expected one of title, date, draft, slug, summary, index_no, doc_no, publisher, written, topic, validity, attachments\n  = hint: did you mean `publisher`?\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn missing_title_and_missing_date_are_both_reported() {
    fails_with(
        |s| {
            s.write(
                "content/notices/a.md",
                "---\ndate: 2024-01-01\n---\n\n正文\n",
            );
            s.write("content/news/b.md", "---\ntitle: 无日期\n---\n\n正文\n");
        },
        &format!(
            "content/news/b.md:1:1: error: missing `date` (发布日期) in the front matter\n  = hint: add a line such as `date: 2024-03-01` or `date: 2024-03-01 09:30`\n\
             content/notices/a.md:1:1: error: missing `title` in the front matter\n  = hint: start the file with:\n---\ntitle: 标题\ndate: 2024-03-01\n---\n\
             error: build failed with 2 errors\n{TAIL}"
        ),
    );
}

#[test]
fn invalid_date() {
    fails_with(
        |s| {
            s.write(
                "content/notices/a.md",
                "---\ntitle: 标题\ndate: 2024-02-30\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/a.md:3:7: error: invalid date `2024-02-30`: parsed date is not valid: parameter 'day' for `2024-02` is invalid, must be in range `1..=29`; write it as 2024-03-01 or 2024-03-01 09:30\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn two_items_with_the_same_url_name_both_files() {
    fails_with(
        |s| {
            s.write(
                "content/notices/other.md",
                "---\ntitle: 另一条\ndate: 2024-01-01\nslug: first\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/other.md:4:7: error: `content/notices/first.md` and `content/notices/other.md` both publish to /notices/first.html\n  = hint: rename one of them: an item by its file name or `slug:`, a column by its `slug` in site.yaml\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn bad_slugs() {
    fails_with(
        |s| {
            s.write(
                "content/notices/a.md",
                "---\ntitle: 标题\ndate: 2024-01-01\nslug: ../escape\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/a.md:4:7: error: slug `../escape` contains `/`: a slug is one path segment\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn missing_attachment() {
    fails_with(
        |s| {
            s.write(
                "content/notices/a/index.md",
                "---\ntitle: 标题\ndate: 2024-01-01\nattachments:\n  - 预算.pdf\n---\n\n正文\n",
            );
        },
        &format!(
            "content/notices/a/index.md:5: error: attachment `预算.pdf` does not exist\n  = hint: put the file at content/notices/a/预算.pdf\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn link_to_a_missing_page() {
    fails_with(
        |s| {
            s.write("content/notices/a.md", "---\ntitle: 标题\ndate: 2024-01-01\n---\n\n第一段。\n\n详见[通知](/notices/none.md)。\n");
        },
        &format!(
            "content/notices/a.md:8:3: error: link `/notices/none.md`: there is no such page or file in the site\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn gbk_file_is_named_as_such() {
    fails_with(
        |s| {
            let (gbk, _, _) = encoding_rs::GBK.encode("---\ntitle: 关于开展消防安全检查的通知\ndate: 2024-01-01\n---\n\n各社区：请做好检查工作。\n");
            s.write("content/notices/gbk.md", &gbk);
        },
        &format!(
            "content/notices/gbk.md:2: error: file is not UTF-8; it looks like GBK/GB18030 (saved by a Chinese Windows program): re-save it as UTF-8 (in Notepad: 另存为, 编码 UTF-8)\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn template_error_has_file_line_col() {
    fails_with(
        |s| {
            s.write("templates/list.html", "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ column.title }</h1>\n{% endblock main %}\n");
        },
        &format!(
            "templates/list.html:3:21: error: template syntax error: Found `}}` but expected }}}}.\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

#[test]
fn refuses_an_output_folder_it_did_not_make() {
    let site = SiteTest::fixture("build/basic");
    site.write("mine/keep.txt", "keep");
    let run = site.run(&["build", "--output", "mine"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: refusing to write the site into `mine`: it is not empty and was not made by gongkai (use --force to write into it anyway)\n"
    );
    let run = site.run(&["build", "--output", "content"]);
    assert_eq!(run.code, 2);
    assert!(std::fs::read_to_string(site.root.join("mine/keep.txt")).is_ok());
}

#[test]
fn a_failed_render_leaves_no_staged_files_behind() {
    fails_with(
        |s| {
            // This page changes (and is staged) before the broken link fails the build.
            s.write(
                "content/notices/second.md",
                "---\ntitle: 第二条通知（修订）\ndate: 2024-02-01 09:30\n---\n\n修订后的正文。\n",
            );
            s.write(
                "content/news/new.md",
                "---\ntitle: 新稿件\ndate: 2024-03-01\n---\n\n见[旧文](/news/gone.md)。\n",
            );
        },
        &format!(
            "content/news/new.md:6:2: error: link `/news/gone.md`: there is no such page or file in the site\nerror: build failed with 1 error\n{TAIL}"
        ),
    );
}

/// Issue 10: each bad link was located by scanning the file from its start,
/// so 100,000 of them took minutes. With a line index the whole build takes
/// about 2 s in a debug build; the bound leaves room for a loaded machine.
#[test]
fn a_hundred_thousand_bad_links_are_located_in_linear_time() {
    let site = SiteTest::fixture("build/basic");
    let links: String = (0..100_000)
        .map(|i| format!("[坏链](/notices/none{i}.md)\n"))
        .collect();
    site.write(
        "content/notices/bad.md",
        format!("---\ntitle: 坏链\ndate: 2024-01-01\n---\n\n{links}"),
    );
    let start = std::time::Instant::now();
    let run = site.build_fails(&[]);
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(30), "took {took:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 100_002);
    assert_eq!(
        lines[0],
        "content/notices/bad.md:6:1: error: link `/notices/none0.md`: there is no such page or file in the site"
    );
    assert_eq!(
        lines[99_999],
        "content/notices/bad.md:100005:1: error: link `/notices/none99999.md`: there is no such page or file in the site"
    );
    assert_eq!(lines[100_000], "error: build failed with 100000 errors");
}
