//! Which URL schemes content may link to: the one decision shared by the
//! Markdown renderer (link and image destinations), the annual report's
//! prose and `check` (every `href`/`src` of the rendered pages).
//!
//! A destination is judged as a browser would read it: HTML entities and
//! percent-escapes decoded (repeatedly, so that double encoding cannot hide
//! a scheme), tabs and line breaks anywhere removed, leading spaces and
//! control characters skipped, letters compared without case. Decoding more
//! than a browser does can only refuse more, never less. Only `http`,
//! `https`, `mailto`, `tel` and relative addresses are allowed; anything
//! else (`javascript:`, `vbscript:`, `data:`, `file:`, …) is refused.
//!
//! This module decides; it reports nothing. Callers turn a refusal into a
//! diagnostic with their own position.

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

/// Schemes a link or image may use.
pub(crate) const ALLOWED: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme a browser would see in `dest`, lower-cased, without `:`;
/// `None` for a relative address.
pub(crate) fn scheme_of(dest: &str) -> Option<String> {
    let mut s = dest.to_string();
    for _ in 0..4 {
        let next = decode_entities(&percent_decode_str(&s).decode_utf8_lossy());
        if next == s {
            break;
        }
        s = next;
    }
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let s = s.trim_start_matches(|c: char| c <= ' ' || c.is_control());
    let (name, _) = s.split_once(':')?;
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| name.to_ascii_lowercase())
}

/// True when `dest` names a host to load from: an `http(s)` address (with
/// or without `//`), or one starting with `//` or a backslash (which
/// browsers read as `/`). The renderer shows such an image as a link
/// unless the host is the site's, and `check` counts it.
pub(crate) fn names_a_host(dest: &str) -> bool {
    let d = dest.trim_start();
    matches!(scheme_of(d).as_deref(), Some("http" | "https"))
        || d.starts_with("//")
        || d.starts_with("/\\")
        || d.starts_with('\\')
}

/// The host of `https://host/…` or `//host/…`, lower-cased, without a
/// port or user.
pub(crate) fn host(url: &str) -> String {
    let after = match url.split_once("//") {
        Some((_, r)) => r,
        None => url,
    };
    let end = after.find(['/', '?', '#', '\\']).unwrap_or(after.len());
    let host = &after[..end];
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.split(':').next().unwrap_or("").to_ascii_lowercase()
}

/// The refused scheme of `dest`, or `None` when `dest` may be linked to.
pub(crate) fn refused(dest: &str) -> Option<String> {
    scheme_of(dest).filter(|s| !ALLOWED.contains(&s.as_str()))
}

/// Decodes numeric character references (`&#106;`, `&#x09;`, with or
/// without `;`) and the named ones that matter for a scheme or a path.
pub(crate) fn decode_entities(s: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("amp", '&'),
        ("nbsp", ' '),
        ("quot", '"'),
        ("apos", '\''),
        ("lt", '<'),
        ("gt", '>'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let (c, used) = if let Some(num) = rest.strip_prefix('#') {
            let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16, 2),
                None => (num, 10, 1),
            };
            let len = digits
                .find(|c: char| !c.is_digit(radix))
                .unwrap_or(digits.len());
            let c = u32::from_str_radix(&digits[..len], radix)
                .ok()
                .and_then(char::from_u32);
            (c, skip + len)
        } else {
            let len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let name = rest[..len].to_ascii_lowercase();
            let c = NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
            (c, len)
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// A link or image in Markdown whose scheme is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// Byte range of the link or image in the Markdown source.
    pub(crate) range: Range<usize>,
    /// The message: what was refused and what is allowed.
    pub(crate) message: String,
}

/// The message for a refused destination. `image` says which kind.
pub(crate) fn message(dest: &str, scheme: &str, image: bool) -> String {
    let dest = dest.escape_debug().to_string();
    if image {
        t!("scheme-refused-image", dest = dest, scheme = scheme)
    } else {
        t!("scheme-refused-link", dest = dest, scheme = scheme)
    }
}

/// Every refused link and image destination of a Markdown text, for text
/// that is rendered elsewhere (the annual report's prose).
pub(crate) fn refused_in_markdown(md: &str) -> Vec<Refusal> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(md, opts)
        .into_offset_iter()
        .filter_map(|(ev, range)| {
            let (dest, image) = match ev {
                Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
                Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
                _ => return None,
            };
            let scheme = refused(&dest)?;
            Some(Refusal {
                range,
                message: message(&dest, &scheme, image),
            })
        })
        .collect()
}

/// The Markdown written inside a YAML file (the annual report's prose):
/// each line read without its indentation, so block scalars (`|`) read as
/// the Markdown they hold, with a way back to offsets in the file as
/// written.
pub(crate) struct YamlProse {
    /// The lines without their indentation.
    pub(crate) text: String,
    /// (offset in `text`, offset in the YAML) at the start of each line's text.
    starts: Vec<(usize, usize)>,
}

impl YamlProse {
    /// Reads `yaml` line by line.
    pub(crate) fn new(yaml: &str) -> Self {
        let mut text = String::with_capacity(yaml.len());
        let mut starts = Vec::new();
        let mut at = 0;
        for line in yaml.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '\t']);
            starts.push((text.len(), at + line.len() - trimmed.len()));
            text.push_str(trimmed);
            at += line.len();
        }
        Self { text, starts }
    }

    /// The offset in the YAML of byte `off` of [`YamlProse::text`].
    pub(crate) fn yaml_offset(&self, off: usize) -> usize {
        let i = self
            .starts
            .partition_point(|(f, _)| *f <= off)
            .saturating_sub(1);
        let (f, y) = self.starts.get(i).copied().unwrap_or((0, 0));
        y + off - f
    }
}

/// Every refused destination in Markdown written inside a YAML file (the
/// annual report's prose), with its byte offset in `yaml`.
pub(crate) fn refused_in_yaml(yaml: &str) -> Vec<(usize, String)> {
    let prose = YamlProse::new(yaml);
    refused_in_markdown(&prose.text)
        .into_iter()
        .map(|r| (prose.yaml_offset(r.range.start), r.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        for (dest, scheme) in [
            ("JaVaScRiPt:alert(1)", Some("javascript")),
            ("java\tscript:alert(1)", Some("javascript")),
            ("java&#x09;script:alert(1)", Some("javascript")),
            ("&#106;avascript:alert(1)", Some("javascript")),
            ("&#x6A;avascript:alert(1)", Some("javascript")),
            ("&#0000106avascript:alert(1)", Some("javascript")),
            ("javascript&colon;alert(1)", Some("javascript")),
            ("%6Aavascript:alert(1)", Some("javascript")),
            ("%2526%2523106;avascript:x", Some("javascript")),
            ("\u{1} \u{8}javascript:x", Some("javascript")),
            ("  vbscript:x", Some("vbscript")),
            ("data:text/html,x", Some("data")),
            ("HTTPS://example.gov.cn/", Some("https")),
            ("mailto:a@example.gov.cn", Some("mailto")),
            ("./a.md", None),
            ("/xxgk/a.html#x:y", None),
            ("//example.gov.cn/", None),
            ("附件：说明.pdf", None),
            ("a/b:c", None),
            ("?q=a:b", None),
        ] {
            assert_eq!(scheme_of(dest).as_deref(), scheme, "{dest}");
        }
    }

    #[test]
    fn only_the_allow_list_passes() {
        assert_eq!(refused("tel:12345"), None);
        assert_eq!(refused("Http://x"), None);
        assert_eq!(refused("file:///etc/passwd").as_deref(), Some("file"));
        assert_eq!(refused("ftp://x").as_deref(), Some("ftp"));
    }

    #[test]
    fn refusals_in_yaml_point_into_the_file() {
        let yaml = "a: |\n    第一行\n    文字[x](vbscript:y)\n";
        let r = refused_in_yaml(yaml);
        assert_eq!(r.len(), 1);
        assert_eq!(&yaml[r[0].0..r[0].0 + 4], "[x](");
    }

    #[test]
    fn refusals_in_markdown_have_ranges() {
        let md = "文字[a](javascript:x)与![b](data:image/png;base64,AA)[ok](https://a)";
        let r = refused_in_markdown(md);
        assert_eq!(r.len(), 2);
        assert_eq!(&md[r[0].range.clone()], "[a](javascript:x)");
        assert_eq!(
            r[1].message,
            "图片「data:image/png;base64,AA」的地址以「data:」开头，不能使用：链接只能以 http://、https://、mailto:（邮箱）、tel:（电话）开头，或写网站内的地址"
        );
    }
}
