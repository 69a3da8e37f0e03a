//! Output paths and file names: two outputs at one path, a file where a
//! folder is needed, names a web server or a file system would mangle. Each
//! is a located error found before anything is rendered, so a failed build
//! leaves the previous output byte for byte and no temporary file behind.
//! See: issue 10 (the output folder: old or new, never mixed).

use crate::support::site::{FAILED_1, SiteTest, TAIL};

/// `build/basic`'s site.yaml with `column` added at its end (line 13).
fn site_yaml_with(column: &str) -> String {
    format!(
        "title: 测试街道政府信息公开\nbase_url: https://www.example.gov.cn/\norganization: 测试街道办事处\ncontact:\n  address: 测试路1号\n  phone: 0000-00000000\nidentifiers:\n  site_code: \"0000000000\"\ncolumns:\n  - {{ slug: about, title: 机构概况, kind: page }}\n  - {{ slug: notices, title: 通知公告, kind: list }}\n  - {{ slug: news, title: 街道工作, kind: list }}\n  - {column}\n"
    )
}

/// Builds `build/basic`, applies `breakage`, rebuilds: the build must fail
/// with exactly `expected` on stderr and leave `public/` as it was.
fn fails_with(breakage: impl FnOnce(&SiteTest), expected: &str) {
    let site = SiteTest::fixture("build/basic");
    site.build(&[]);
    let before = site.snapshot();
    breakage(&site);
    let run = site.build_fails(&[]);
    assert_eq!(run.stderr, format!("{expected}{TAIL}"));
    assert!(before == site.snapshot(), "the previous output was changed");
}

const COLLISION_HINT: &str = "  = 建议: 把其中一个改名：信息改文件名或 slug:，栏目改 site.yaml 里的 slug；旧地址（aliases:）和真实页面重名时，删掉这个旧地址\n";

#[test]
fn a_column_named_feed_xml_needs_a_folder_where_the_feed_is() {
    fails_with(
        |s| {
            s.write(
                "site.yaml",
                site_yaml_with("{ slug: feed.xml, title: 专栏, kind: list }"),
            );
        },
        &format!(
            "site.yaml:13:1: 错误: 栏目「feed.xml」要用 /feed.xml/ 作文件夹（放 /feed.xml/index.html），但全站订阅（feed.xml）在这里发布了文件 /feed.xml\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

#[test]
fn a_column_named_404_html_or_sitemap_xml_is_a_collision() {
    for (slug, what) in [
        ("404.html", "404 页面"),
        ("sitemap.xml", "sitemap.xml"),
        ("sitemap.html", "网站地图页面"),
        ("index.html", "首页"),
    ] {
        fails_with(
            |s| {
                s.write(
                    "site.yaml",
                    site_yaml_with(&format!("{{ slug: {slug}, title: 专栏, kind: page }}")),
                );
                s.write(
                    &format!("content/{slug}/_index.md"),
                    "---\ntitle: 页\n---\n\n正文\n",
                );
            },
            &format!(
                "site.yaml:13:1: 错误: 栏目「{slug}」要用 /{slug}/ 作文件夹（放 /{slug}/index.html），但{what}在这里发布了文件 /{slug}\n{COLLISION_HINT}{FAILED_1}"
            ),
        );
    }
}

#[test]
fn a_column_named_static_with_a_static_file_of_its_list_page() {
    fails_with(
        |s| {
            s.write(
                "site.yaml",
                site_yaml_with("{ slug: static, title: 专栏, kind: list }"),
            );
            s.write("static/index.html", "<p>静态页</p>\n");
        },
        &format!(
            "site.yaml:13:1: 错误: 栏目「static」和主题文件「static/index.html」都要发布到 /static/index.html\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

#[test]
fn an_item_slug_foo_html_with_attachments_beside_item_foo() {
    fails_with(
        |s| {
            s.write(
                "content/notices/other.md",
                "---\ntitle: 另一条\ndate: 2024-01-01\nslug: first.html\nattachments:\n  - a.pdf\n---\n\n正文\n",
            );
            s.write("content/notices/a.pdf", "%PDF-1.4\n");
        },
        &format!(
            "content/notices/other.md:6:1: 错误: 「content/notices/other.md」的附件1要用 /notices/first.html/ 作文件夹（放 /notices/first.html/附件1.pdf），但「content/notices/first.md」在这里发布了文件 /notices/first.html\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

/// An item of `content/notices/other.md` (older than the fixture's) with
/// this `slug:` on line 4.
fn item_with_slug(slug: &str) -> String {
    format!("---\ntitle: 另一条\ndate: 2024-01-01\nslug: \"{slug}\"\n---\n\n正文\n")
}

#[test]
fn slugs_with_query_fragment_or_percent_signs_are_located_errors() {
    for (slug, role) in [
        ("a?b", "表示查询的开始"),
        ("a#b", "表示页内位置的开始"),
        ("100%", "表示转义的开始"),
    ] {
        let c = slug.chars().find(|c| "?#%".contains(*c)).expect("sign");
        fails_with(
            |s| {
                s.write("content/notices/other.md", item_with_slug(slug));
            },
            &format!(
                "content/notices/other.md:4:7: 错误: 网址名「{slug}」里有「{c}」，它在网址里{role}：请改用字母、数字、「-」或「_」\n{FAILED_1}"
            ),
        );
    }
}

#[test]
fn a_file_name_with_a_percent_sign_or_a_control_character_is_a_located_error() {
    fails_with(
        |s| {
            s.write(
                "content/notices/100%.md",
                item_with_slug("ok").replace("slug: \"ok\"\n", ""),
            );
        },
        &format!(
            "content/notices/100%.md: 错误: 网址名「100%」里有「%」，它在网址里表示转义的开始：请改用字母、数字、「-」或「_」（网址名来自文件名：请给文件改名，或在文件开头写上 slug:）\n{FAILED_1}"
        ),
    );
    fails_with(
        |s| {
            s.write(
                "content/notices/a\u{1}.md",
                item_with_slug("ok").replace("slug: \"ok\"\n", ""),
            );
        },
        &format!(
            "content/notices/a\u{1}.md: 错误: 网址名「a\\u{{1}}」里有看不见的控制字符（网址名来自文件名：请给文件改名，或在文件开头写上 slug:）\n{FAILED_1}"
        ),
    );
}

#[test]
fn a_column_slug_with_a_fragment_sign_is_a_located_error() {
    fails_with(
        |s| {
            s.write(
                "site.yaml",
                site_yaml_with("{ slug: \"a#b\", title: 专栏, kind: list }"),
            );
        },
        &format!(
            "site.yaml:13:5: 错误: 栏目「a#b」：网址名「a#b」里有「#」，它在网址里表示页内位置的开始：请改用字母、数字、「-」或「_」\n{FAILED_1}"
        ),
    );
}

#[test]
fn names_that_differ_only_in_case_are_a_collision() {
    fails_with(
        |s| {
            s.write("content/notices/other.md", item_with_slug("First"));
        },
        &format!(
            "content/notices/other.md:4:7: 错误: 「content/notices/first.md」和「content/notices/other.md」分别发布 /notices/first.html 和 /notices/First.html，两个名字只差大小写或字符写法：在 Windows、macOS 和很多网站服务器上它们是同一个文件\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

#[test]
fn names_that_differ_only_in_unicode_normalisation_are_a_collision() {
    // Items of one date go by slug, and `cafe` + U+0301 sorts before `café`.
    fails_with(
        |s| {
            s.write("content/notices/a.md", item_with_slug("caf\u{e9}"));
            s.write("content/notices/other.md", item_with_slug("cafe\u{301}"));
        },
        &format!(
            "content/notices/a.md:4:7: 错误: 「content/notices/other.md」和「content/notices/a.md」分别发布 /notices/cafe\u{301}.html 和 /notices/caf\u{e9}.html，两个名字只差大小写或字符写法：在 Windows、macOS 和很多网站服务器上它们是同一个文件\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

#[test]
fn column_folders_that_differ_only_in_case_are_a_collision() {
    fails_with(
        |s| {
            s.write(
                "site.yaml",
                site_yaml_with("{ slug: NEWS, title: 专栏, kind: page }"),
            );
            s.write("content/NEWS/_index.md", "---\ntitle: 页\n---\n\n正文\n");
        },
        &format!(
            "site.yaml:13:1: 错误: 栏目「news」和栏目「NEWS」分别发布 /news/ 和 /NEWS/，两个名字只差大小写或字符写法：在 Windows、macOS 和很多网站服务器上它们是同一个文件\n{COLLISION_HINT}{FAILED_1}"
        ),
    );
}

#[test]
fn a_name_whose_temporary_file_is_over_255_bytes_is_a_located_error() {
    let slug = "a".repeat(238);
    fails_with(
        |s| {
            s.write("content/notices/other.md", item_with_slug(&slug));
        },
        &format!(
            "content/notices/other.md:4:7: 错误: 「content/notices/other.md」发布的 /notices/{slug}.html 名字有 243 个字节，生成时的临时文件名 .{slug}.html.gongkai-new 会有 256 个字节，超过了文件名最多 255 个字节的限制\n  = 建议: 把名字缩短到 242 个字节以内（一个汉字占 3 个字节）\n{FAILED_1}"
        ),
    );
}
