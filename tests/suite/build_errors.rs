//! `gongkai build` on bad input: each mistake gets its message with file and
//! line, the exit code is 1, and the previous output stays byte for byte.

use crate::support::site::{SiteTest, TAIL};

/// The last lines of a failed build with `n` errors.
pub(crate) fn failed(n: usize) -> String {
    format!("错误：共 {n} 处错误，这次没有生成网站，已发布的网站保持原样\n{TAIL}")
}

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
            "site.yaml:2:18: 错误: 这个值里有「: 」（冒号加空格），整个值要加上英文引号\n  = 建议: 例如 title: \"通知: 关于……\"；或者把值里的冒号改成中文「：」\n{}",
            failed(1)
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
            "site.yaml:3:1: 错误: 不认识「organisation」这一项（这里可以写：title, base_url, language, organization, contact, identifiers, favicon, theme, output, report_deadline, reports_since, line_breaks, attachments, search, index_no_format, columns）\n  = 建议: 是不是想写「organization」？\n{}",
            failed(1)
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
            "content/notices/bad.md:3:7: 错误: 这里应该写一段文字\n  = 建议: 如果文字以 [ {{ * & ! 或 # 开头，请给它加上英文引号\n{}",
            failed(1)
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
            "content/notices/bad.md:4:1: 错误: 不认识「publisehr」这一项（这里可以写：title, date, draft, slug, summary, index_no, doc_no, publisher, written, topic, validity, attachments, line_breaks, aliases）\n  = 建议: 是不是想写「publisher」？\n{}",
            failed(1)
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
            "content/news/b.md:1:1: 错误: 文件开头 --- 之间缺少 date:（发布日期）\n  = 建议: 加上一行，例如 date: 2024-03-01 或 date: 2024-03-01 9:30\n\
             content/notices/a.md:1:1: 错误: 文件开头 --- 之间缺少 title:（标题）\n  = 建议: 文件要这样开头：\n---\ntitle: 标题\ndate: 2024-03-01\n---\n\
             {}",
            failed(2)
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
            "content/notices/a.md:3:7: 错误: 日期「2024-02-30」不存在（这个月没有这一天）：请写成 2025-12-03、2025-12-3 或 2025年12月3日\n{}",
            failed(1)
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
            "content/notices/other.md:4:7: 错误: 「content/notices/first.md」和「content/notices/other.md」都要发布到 /notices/first.html\n  = 建议: 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址\n{}",
            failed(1)
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
            "content/notices/a.md:4:7: 错误: 网址名「../escape」里有「/」：网址名只能是一段，不能有斜杠\n{}",
            failed(1)
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
            "content/notices/a/index.md:5:1: 错误: 找不到附件「预算.pdf」\n  = 建议: 请把文件放到 content/notices/a/预算.pdf，文件名要和 attachments: 里写的完全一样\n{}",
            failed(1)
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
            "content/notices/a.md:8:3: 错误: 链接「/notices/none.md」指向的页面或文件在网站里找不到\n{}",
            failed(1)
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
            "content/notices/gbk.md:2:1: 错误: 文件的编码不对：它是用 GBK 编码保存的（中文 Windows 的老程序常这样存），gongkai 只能读 UTF-8 编码。请用 WPS 或记事本打开它，点「另存为」，编码选「UTF-8」后保存\n{}",
            failed(1)
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
            "templates/list.html:3:21: 错误: 模板写法有错：请检查这一处的 {{{{ }}}} 和 {{% %}} 是否成对、拼写是否正确\n{}",
            failed(1)
        ),
    );
}

/// A template naming a partial, filter or function that does not exist
/// was one error on `templates`, with no file or line and advice about
/// variables. Each such name is its own error at its place.
#[test]
fn template_naming_what_does_not_exist_has_file_line_col() {
    fails_with(
        |s| {
            s.write("templates/list.html", "{% extends \"base.html\" %}\n{% block main %}\n{% include \"partials/nope.html\" %}\n<h1>{{ column.title | shout }}</h1>\n{% endblock main %}\n");
        },
        &format!(
            "templates/list.html:3:12: 错误: 找不到模板「partials/nope.html」\n\
             templates/list.html:4:23: 错误: 模板里用的过滤器「shout」不存在：请检查拼写\n{}",
            failed(2)
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
        "错误：不能把网站写到「mine」：这个文件夹不是空的，也不是 gongkai 建的（确实要写进去，请加 --force）\n"
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
            "content/news/new.md:6:2: 错误: 链接「/news/gone.md」指向的页面或文件在网站里找不到\n{}",
            failed(1)
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
    assert_eq!(lines.len(), 100_001);
    assert_eq!(
        lines[0],
        "content/notices/bad.md:6:1: 错误: 链接「/notices/none0.md」指向的页面或文件在网站里找不到"
    );
    assert_eq!(
        lines[99_999],
        "content/notices/bad.md:100005:1: 错误: 链接「/notices/none99999.md」指向的页面或文件在网站里找不到"
    );
    assert_eq!(
        lines[100_000],
        "错误：共 100000 处错误，这次没有生成网站，已发布的网站保持原样"
    );
}
