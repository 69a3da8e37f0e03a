//! Output paths and file names: two outputs at one path, a file where a
//! folder is needed, names a web server or a file system would mangle. Each
//! is a located error found before anything is rendered, so a failed build
//! leaves the previous output byte for byte and no temporary file behind.
//! See: issue 10 (the output folder: old or new, never mixed).

use crate::support::site::{SiteTest, TAIL};

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

const COLLISION_HINT: &str = "  = hint: rename one of them: an item by its file name or `slug:`, a column by its `slug` in site.yaml\n";

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
            "site.yaml:13: error: column `feed.xml` needs /feed.xml/ to be a folder (for /feed.xml/index.html), but the site's feed publishes the file /feed.xml\n{COLLISION_HINT}error: build failed with 1 error\n"
        ),
    );
}

#[test]
fn a_column_named_404_html_or_sitemap_xml_is_a_collision() {
    for (slug, what) in [
        ("404.html", "the 404 page"),
        ("sitemap.xml", "sitemap.xml"),
        ("sitemap.html", "the site map page"),
        ("index.html", "the home page"),
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
                "site.yaml:13: error: column `{slug}` needs /{slug}/ to be a folder (for /{slug}/index.html), but {what} publishes the file /{slug}\n{COLLISION_HINT}error: build failed with 1 error\n"
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
            "site.yaml:13: error: column `static` and the static file `static/index.html` both publish to /static/index.html\n{COLLISION_HINT}error: build failed with 1 error\n"
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
            "content/notices/other.md:6: error: attachment 1 of `content/notices/other.md` needs /notices/first.html/ to be a folder (for /notices/first.html/附件1.pdf), but `content/notices/first.md` publishes the file /notices/first.html\n{COLLISION_HINT}error: build failed with 1 error\n"
        ),
    );
}
