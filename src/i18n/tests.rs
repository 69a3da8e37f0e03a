//! The catalogues agree: both languages have every message, with the same
//! attributes and placeholders; every id the code names exists; every
//! message formats without an error.

use super::catalogue::{FILES, bundle, source};
use super::{Arg, Lang, format};
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// id (or `id.attr`) → the variables its pattern uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn vars_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            vars_of_expression(expression, out);
        }
    }
}

fn vars_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => vars_of_inline(i, out),
        ast::Expression::Select { selector, variants } => {
            vars_of_inline(selector, out);
            for v in variants {
                vars_of_pattern(&v.value, out);
            }
        }
    }
}

fn vars_of_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => vars_of_expression(expression, out),
        _ => {}
    }
}

fn shape(lang: Lang, area: &(&str, &'static str, &'static str)) -> Shape {
    let res = match FluentResource::try_new(source(lang, area).to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}/{}.ftl does not parse: {errors:?}", lang.tag(), area.0),
    };
    let mut shape = Shape::new();
    for entry in res.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                vars_of_pattern(v, &mut vars);
            }
            assert!(
                shape.insert(m.id.name.to_string(), vars).is_none(),
                "{}/{}.ftl defines `{}` twice",
                lang.tag(),
                area.0,
                m.id.name
            );
            for a in &m.attributes {
                let mut vars = BTreeSet::new();
                vars_of_pattern(&a.value, &mut vars);
                shape.insert(format!("{}.{}", m.id.name, a.id.name), vars);
            }
        }
    }
    shape
}

#[test]
fn both_languages_have_every_message_with_the_same_placeholders() {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for area in FILES {
        let zh = shape(Lang::Zh, area);
        let en = shape(Lang::En, area);
        let zh_ids: BTreeSet<_> = zh.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(
            zh_ids.difference(&en_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in zh-CN/{0}.ftl but not in en/{0}.ftl",
            area.0
        );
        assert_eq!(
            en_ids.difference(&zh_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in en/{0}.ftl but not in zh-CN/{0}.ftl",
            area.0
        );
        for (id, vars) in &zh {
            assert_eq!(
                vars, &en[id],
                "`{id}` ({}.ftl) has other placeholders in English",
                area.0
            );
            let msg = id.split('.').next().unwrap_or(id).to_string();
            if let Some(other) = seen.insert(msg.clone(), area.0)
                && other != area.0
            {
                panic!("`{msg}` is defined in both {other}.ftl and {}.ftl", area.0);
            }
        }
    }
}

#[test]
fn every_message_formats_without_error() {
    for lang in Lang::ALL {
        let b = bundle(lang);
        for area in FILES {
            for (id, vars) in shape(lang, area) {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.as_str(), 2);
                }
                let (msg, attr) = match id.split_once('.') {
                    Some((m, a)) => (m, Some(a)),
                    None => (id.as_str(), None),
                };
                let m = b.get_message(msg).expect("in the bundle");
                let pattern = match attr {
                    None => m.value(),
                    Some(a) => m.get_attribute(a).map(|a| a.value()),
                };
                let Some(pattern) = pattern else { continue };
                let mut errors = Vec::new();
                let out = b.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} `{id}`: {errors:?}", lang.tag());
                assert!(!out.trim().is_empty(), "{} `{id}` is empty", lang.tag());
            }
        }
    }
}

/// Ids named in the source as `t!("id"`, `i18n::text("id"` or
/// `i18n::attr("id"`.
fn ids_in_source() -> BTreeSet<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut ids = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for opener in ["t!(\"", "i18n::text(\"", "i18n::attr(\""] {
            for (i, _) in text.match_indices(opener) {
                let before = text[..i].chars().next_back().unwrap_or(' ');
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                if before.is_alphanumeric()
                    || before == '_'
                    || text[line_start..i].trim_start().starts_with("//")
                {
                    continue;
                }
                let rest = &text[i + opener.len()..];
                if let Some(end) = rest.find('"') {
                    let file = entry.path().strip_prefix(&root).unwrap_or(entry.path());
                    ids.insert((rest[..end].to_string(), file.display().to_string()));
                }
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_names_exists() {
    let ids = ids_in_source();
    assert!(ids.len() > 10, "the scan found the messages");
    for lang in Lang::ALL {
        for (id, file) in &ids {
            if id.is_empty() || id.contains('{') {
                continue;
            }
            assert!(
                bundle(lang).has_message(id),
                "src/{file} names `{id}`, missing from the {} catalogue",
                lang.tag()
            );
        }
    }
}

#[test]
fn every_code_has_title_fix_and_explanation_in_both_languages() {
    for lang in Lang::ALL {
        for code in crate::diag::codes::ALL {
            for attr in ["title", "fix", "explain"] {
                let id = code.message_id();
                let out = format(lang, &id, Some(attr), &[]);
                assert_ne!(out, id, "{} `{}` lacks .{attr}", lang.tag(), code.id);
            }
        }
    }
}

#[test]
fn io_errors_are_said_in_both_languages() {
    use std::io::ErrorKind as K;
    let kinds = [
        K::NotFound,
        K::PermissionDenied,
        K::AlreadyExists,
        K::StorageFull,
        K::ReadOnlyFilesystem,
        K::IsADirectory,
        K::NotADirectory,
        K::DirectoryNotEmpty,
        K::InvalidFilename,
        K::InvalidData,
        K::AddrInUse,
        K::AddrNotAvailable,
        K::Other,
    ];
    for lang in Lang::ALL {
        for kind in kinds {
            let id = super::io_error_id(kind);
            assert_ne!(format(lang, id, None, &[]), id, "{} {kind:?}", lang.tag());
        }
    }
}

#[test]
fn language_names_people_write() {
    for n in ["zh", "zh-CN", "zh_CN.UTF-8", "ZH", "中文"] {
        assert_eq!(Lang::parse(n), Some(Lang::Zh), "{n}");
    }
    for n in ["en", "en_US.UTF-8", "English", "en-GB"] {
        assert_eq!(Lang::parse(n), Some(Lang::En), "{n}");
    }
    assert_eq!(Lang::parse("fr"), None);
    let _ = Arg::from("x");
}
