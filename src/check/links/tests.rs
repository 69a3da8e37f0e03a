//! Unit tests of link classification and resolution.

use super::*;

fn cfg(base_url: &str) -> Config {
    let (domain, base_path) = match base_url.split_once("://") {
        Some((_, rest)) => {
            let (h, p) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            (h.to_string(), p.to_string())
        }
        None => (String::new(), base_url.to_string()),
    };
    Config {
        title: "t".into(),
        base_url: base_url.into(),
        base_path,
        domain,
        language: "zh-CN".into(),
        organization: "o".into(),
        contact: Default::default(),
        identifiers: Default::default(),
        favicon: "favicon.png".into(),
        theme: "default".into(),
        output: "public".into(),
        report_deadline: (1, 31),
        reports_since: None,
        line_breaks: Default::default(),
        attachments: Default::default(),
        search: true,
        index_formats: Vec::new(),
        columns: Vec::new(),
    }
}

fn internal(path: &str, fragment: Option<&str>) -> Target {
    Target::Internal {
        path: path.into(),
        fragment: fragment.map(str::to_string),
    }
}

#[test]
fn relative_and_rooted() {
    let c = cfg("/xxgk/");
    assert_eq!(
        classify(&c, "tzgg/a.html", "b.html"),
        internal("tzgg/b.html", None)
    );
    assert_eq!(
        classify(&c, "tzgg/a.html", "../index.html#x"),
        internal("index.html", Some("x"))
    );
    assert_eq!(
        classify(&c, "tzgg/a.html", "/xxgk/tzgg/"),
        internal("tzgg/", None)
    );
    assert_eq!(classify(&c, "tzgg/a.html", "/xxgk"), internal("", None));
    assert_eq!(classify(&c, "tzgg/a.html", "/other/"), Target::Skip);
    assert_eq!(
        classify(&c, "index.html", "../../x.html"),
        internal("../../../x.html", None)
    );
    assert_eq!(
        classify(&c, "index.html", "%E9%99%84%E4%BB%B6.pdf?v=1"),
        internal("附件.pdf", None)
    );
}

#[test]
fn absolute_addresses() {
    let c = cfg("https://www.example.gov.cn/xxgk/");
    assert_eq!(
        classify(&c, "a.html", "https://www.example.gov.cn/xxgk/b.html#t"),
        internal("b.html", Some("t"))
    );
    assert_eq!(
        classify(&c, "a.html", "https://www.gov.cn/x#y"),
        Target::External("https://www.gov.cn/x".into())
    );
    assert_eq!(
        classify(&c, "a.html", "//cdn.example.com/a.js"),
        Target::External("https://cdn.example.com/a.js".into())
    );
    assert_eq!(classify(&c, "a.html", "mailto:a@b.cn"), Target::Skip);
    assert_eq!(
        classify(&c, "a.html", "#main"),
        internal("a.html", Some("main"))
    );
}

#[test]
fn parses_ids_and_refs() {
    let p = parse(
        "<!doctype html><p id=x><a href=#x name=y>t</a><img src=i.png alt=''><link rel=preconnect href=//x>",
    );
    assert_eq!(p.refs, vec!["#x".to_string(), "i.png".to_string()]);
    assert!(p.ids.contains("x") && p.ids.contains("y"));
}

#[test]
fn resolves_folders() {
    let paths: HashSet<&str> = ["index.html", "tzgg/index.html"].into_iter().collect();
    assert_eq!(resolve(&paths, ""), Some("index.html"));
    assert_eq!(resolve(&paths, "tzgg"), Some("tzgg/index.html"));
    assert_eq!(resolve(&paths, "tzgg/"), Some("tzgg/index.html"));
    assert_eq!(resolve(&paths, "zcjd/"), None);
}

#[test]
fn refused_schemes_in_any_address_attribute_but_a_data_favicon() {
    let p = parse(concat!(
        "<link rel=icon href='data:,'><a href='JaVa&#x09;Script:x'>a</a>",
        "<form action='javascript:y'></form><img src='data:image/svg+xml,z' alt=''>",
        "<a href='mailto:a@b.cn'>m</a><a href='tel:1'>t</a><a href='/x'>x</a>",
    ));
    assert_eq!(
        p.refused,
        ["JaVa\tScript:x", "javascript:y", "data:image/svg+xml,z"]
    );
}
