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

/// An item of `content/notices/other.md` (older than the fixture's) with
/// this `slug:` on line 4.
fn item_with_slug(slug: &str) -> String {
    format!("---\ntitle: 另一条\ndate: 2024-01-01\nslug: \"{slug}\"\n---\n\n正文\n")
}

#[test]
fn slugs_with_query_fragment_or_percent_signs_are_located_errors() {
    for (slug, role) in [
        ("a?b", "starts a query"),
        ("a#b", "starts a fragment"),
        ("100%", "starts an escape"),
    ] {
        let c = slug.chars().find(|c| "?#%".contains(*c)).expect("sign");
        fails_with(
            |s| {
                s.write("content/notices/other.md", item_with_slug(slug));
            },
            &format!(
                "content/notices/other.md:4:7: error: slug `{slug}` contains `{c}`, which {role} in a web address: use letters, digits, `-` or `_` instead\nerror: build failed with 1 error\n"
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
        "content/notices/100%.md: error: slug `100%` contains `%`, which starts an escape in a web address: use letters, digits, `-` or `_` instead (the slug comes from the file name; rename it or set `slug:`)\nerror: build failed with 1 error\n",
    );
    fails_with(
        |s| {
            s.write(
                "content/notices/a\u{1}.md",
                item_with_slug("ok").replace("slug: \"ok\"\n", ""),
            );
        },
        "content/notices/a\u{1}.md: error: slug `a\\u{1}` contains control characters (the slug comes from the file name; rename it or set `slug:`)\nerror: build failed with 1 error\n",
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
        "site.yaml:13: error: column `a#b`: slug `a#b` contains `#`, which starts a fragment in a web address: use letters, digits, `-` or `_` instead\nerror: build failed with 1 error\n",
    );
}

#[test]
fn names_that_differ_only_in_case_are_a_collision() {
    fails_with(
        |s| {
            s.write("content/notices/other.md", item_with_slug("First"));
        },
        &format!(
            "content/notices/other.md:4:7: error: `content/notices/first.md` and `content/notices/other.md` publish /notices/first.html and /notices/First.html, names that differ only in case or Unicode normalisation: on Windows, macOS and many web servers they are one file\n{COLLISION_HINT}error: build failed with 1 error\n"
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
            "content/notices/a.md:4:7: error: `content/notices/other.md` and `content/notices/a.md` publish /notices/cafe\u{301}.html and /notices/caf\u{e9}.html, names that differ only in case or Unicode normalisation: on Windows, macOS and many web servers they are one file\n{COLLISION_HINT}error: build failed with 1 error\n"
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
            "site.yaml:13: error: column `news` and column `NEWS` publish /news/ and /NEWS/, names that differ only in case or Unicode normalisation: on Windows, macOS and many web servers they are one file\n{COLLISION_HINT}error: build failed with 1 error\n"
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
            "content/notices/other.md:4:7: error: `content/notices/other.md` publishes /notices/{slug}.html, whose name is 243 bytes: its temporary name `.{slug}.html.gongkai-new` would be 256, over the 255-byte limit of file names\n  = hint: shorten the name to at most 242 bytes (a Chinese character takes 3)\nerror: build failed with 1 error\n"
        ),
    );
}
