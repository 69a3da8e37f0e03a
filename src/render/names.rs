//! Rules for the names in output paths, checked over the plan's claims
//! before anything is written: every name (file or folder) must fit the
//! 255-byte limit of file names, the file with its temporary name too;
//! names must not hold what a web address reads as syntax (`?`, `#`, `%`)
//! or control characters; and no two names in one folder may differ only
//! in case or Unicode normalisation, since Windows, macOS and many web
//! servers take them for one file. Slugs are checked where they are read
//! (`content::check_slug`); this catches every other output too.

use super::plan::{Claim, located};
use crate::content::url_sign;
use crate::diag::{Diagnostic, codes};
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Bytes a file or folder name may have on the usual file systems (ext4,
/// NTFS, APFS).
const NAME_MAX: usize = 255;

/// What a file's temporary name adds to it while a build writes it:
/// `.` before and `.gongkai-new` after (see `output::staging_path`).
const STAGING_EXTRA: usize = ".".len() + ".gongkai-new".len();

/// Pushes an error for every name of `claims` that breaks a rule.
pub(super) fn check(claims: &[Claim], diags: &mut Vec<Diagnostic>) {
    let mut seen_dirs: HashSet<&str> = HashSet::new();
    for c in claims {
        let mut start: usize = 0;
        for (end, _) in c.path.match_indices('/').chain([(c.path.len(), "")]) {
            let name = &c.path[start..end];
            let is_file = end == c.path.len();
            start = end + 1;
            if !is_file && !seen_dirs.insert(&c.path[..end]) {
                continue;
            }
            if let Some(d) = bad_name(c, &c.path[..end], name, is_file) {
                diags.push(d);
                break;
            }
        }
    }
    look_alikes(claims, diags);
}

/// The error about one name of `c`'s path, if it has one.
fn bad_name(c: &Claim, upto: &str, name: &str, is_file: bool) -> Option<Diagnostic> {
    let shown = if is_file {
        format!("/{upto}")
    } else {
        format!("/{upto}/")
    };
    let what = &c.by.what;
    let kind = if is_file { "file" } else { "folder" };
    let limit_hint = || {
        let max = if is_file {
            NAME_MAX - STAGING_EXTRA
        } else {
            NAME_MAX
        };
        crate::t!("render-name-shorten", max = max)
    };
    let message = if is_file && name.len() + STAGING_EXTRA > NAME_MAX {
        crate::t!(
            "render-name-too-long-staged",
            what = what.as_str(),
            shown = shown.as_str(),
            bytes = name.len(),
            name = name,
            staged = name.len() + STAGING_EXTRA,
            max = NAME_MAX
        )
    } else if name.len() > NAME_MAX {
        crate::t!(
            "render-name-too-long-folder",
            what = what.as_str(),
            shown = shown.as_str(),
            bytes = name.len(),
            max = NAME_MAX
        )
    } else if name.chars().any(char::is_control) {
        let shown = shown.escape_debug().to_string();
        return Some(
            at(
                c,
                crate::t!(
                    "render-name-control",
                    what = what.as_str(),
                    kind = kind,
                    shown = shown
                ),
            )
            .with_hint(crate::t!("render-name-rename")),
        );
    } else if let Some((sign, _)) = name.chars().find_map(url_sign) {
        let role = match sign {
            '?' => crate::t!("render-sign-query"),
            '#' => crate::t!("render-sign-fragment"),
            _ => crate::t!("render-sign-escape"),
        };
        return Some(
            at(
                c,
                crate::t!(
                    "render-name-sign",
                    what = what.as_str(),
                    kind = kind,
                    shown = shown.as_str(),
                    sign = sign,
                    role = role
                ),
            )
            .with_hint(crate::t!("render-name-rename")),
        );
    } else {
        return None;
    };
    Some(at(c, message).with_hint(limit_hint()))
}

fn at(c: &Claim, message: String) -> Diagnostic {
    located(&codes::OUTPUT_NAME, &c.by, &c.by, message)
}

/// Names in one folder that are one name once case and Unicode
/// normalisation are set aside: `First.html` beside `first.html`, `café`
/// written precomposed beside `cafe` with a combining accent.
fn look_alikes(claims: &[Claim], diags: &mut Vec<Diagnostic>) {
    // (parent folder, folded name) → (name, claim, is it a folder).
    let mut names: HashMap<(&str, String), (&str, usize, bool)> = HashMap::new();
    let mut reported: HashSet<(&str, &str)> = HashSet::new();
    for (i, c) in claims.iter().enumerate() {
        let mut start: usize = 0;
        for (end, _) in c.path.match_indices('/').chain([(c.path.len(), "")]) {
            let parent = &c.path[..start.saturating_sub(1)];
            let name = &c.path[start..end];
            let is_dir = end < c.path.len();
            start = end + 1;
            let first = *names
                .entry((parent, fold(name)))
                .or_insert((&c.path[..end], i, is_dir));
            let this = &c.path[..end];
            if first.0 == this || !reported.insert((first.0, this)) {
                continue;
            }
            let slash = |dir: bool| if dir { "/" } else { "" };
            let earlier = &claims[first.1].by;
            let message = crate::t!(
                "render-look-alike",
                first = earlier.what.as_str(),
                second = c.by.what.as_str(),
                one = format!("/{}{}", first.0, slash(first.2)),
                other = format!("/{this}{}", slash(is_dir))
            );
            diags.push(located(&codes::OUTPUT_COLLISION, earlier, &c.by, message));
        }
    }
}

/// A name with case and Unicode normalisation set aside.
fn fold(name: &str) -> String {
    name.nfc()
        .collect::<String>()
        .to_lowercase()
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::plan::Origin;

    fn claims(paths: &[&str]) -> Vec<Claim> {
        paths
            .iter()
            .map(|p| Claim {
                path: (*p).into(),
                by: Origin::builtin(&format!("`{p}`")),
            })
            .collect()
    }

    fn messages(paths: &[&str]) -> Vec<String> {
        let mut diags = Vec::new();
        check(&claims(paths), &mut diags);
        diags.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn the_limit_counts_the_temporary_name() {
        let ok = format!("a/{}", "x".repeat(NAME_MAX - STAGING_EXTRA));
        let over = format!("a/{}", "x".repeat(NAME_MAX - STAGING_EXTRA + 1));
        assert_eq!(messages(&[&ok]), Vec::<String>::new());
        assert_eq!(messages(&[&over]).len(), 1);
        let dir = format!("{}/a.html", "y".repeat(NAME_MAX + 1));
        assert_eq!(messages(&[&dir]).len(), 1);
        assert_eq!(
            messages(&[&format!("{}/a.html", "y".repeat(NAME_MAX))]).len(),
            0
        );
    }

    #[test]
    fn look_alikes_in_one_folder_only() {
        assert_eq!(messages(&["a/X.html", "b/x.html", "A/y.html"]).len(), 1);
        assert_eq!(messages(&["a/Straße", "a/strasse"]), Vec::<String>::new());
        assert_eq!(messages(&["a/b", "a/c"]), Vec::<String>::new());
    }

    #[test]
    fn signs_and_control_characters_in_any_name() {
        assert_eq!(
            messages(&["static/a%20b.css", "static/x\u{1}/y"]),
            [
                "`static/a%20b.css`要发布的文件 /static/a%20b.css 名字里有「%」，它在网址里表示转义字符的开始",
                "`static/x\u{1}/y`要发布的文件夹 /static/x\\u{1}/ 名字里有看不见的控制字符",
            ]
        );
    }
}
