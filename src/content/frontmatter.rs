//! Front matter: the YAML block between `---` lines at the top of a Markdown
//! file. Positions are reported in file lines, not lines of the block.

use crate::config::yaml_diagnostic;
use crate::diag::Diagnostic;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::Path;

/// A Markdown file cut into its front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split<'a> {
    /// The YAML text (empty when the file has none).
    pub(super) yaml: &'a str,
    /// The body.
    pub(super) body: &'a str,
    /// File line on which the body starts.
    pub(super) body_line: u32,
}

/// Cuts `text` at its front-matter fences. A file without a leading `---`
/// is all body.
pub(super) fn split(text: &str) -> Result<Split<'_>, String> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Ok(Split {
            yaml: "",
            body: text,
            body_line: 1,
        });
    };
    let mut offset = 0;
    for (line, l) in (2..).zip(rest.split_inclusive('\n')) {
        if l.trim_end() == "---" {
            let body = &rest[offset + l.len()..];
            return Ok(Split {
                yaml: &rest[..offset],
                body,
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err("front matter that starts on line 1 is never closed: add a line `---` after it".into())
}

/// An attachment as written: a file name, or a file with a title.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RawAttachment {
    /// `- 附件.pdf`
    Name(String),
    /// `- {file: 附件.pdf, title: 2024年预算}`
    Full {
        /// File beside the item.
        file: String,
        /// Title to show.
        title: Option<String>,
    },
}

/// Front matter keys, as in other site generators.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrontMatter {
    pub(super) title: Option<String>,
    pub(super) date: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) draft: bool,
    pub(super) slug: Option<Spanned<String>>,
    pub(super) summary: Option<String>,
    pub(super) index_no: Option<String>,
    pub(super) doc_no: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) written: Option<Spanned<String>>,
    pub(super) topic: Option<String>,
    pub(super) validity: Option<String>,
    #[serde(default)]
    pub(super) attachments: Vec<Spanned<RawAttachment>>,
}

/// Parses the YAML of a split file. The YAML starts on file line 2.
pub(super) fn parse(shown: &Path, yaml: &str) -> Result<FrontMatter, Diagnostic> {
    if yaml.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    serde_saphyr::from_str(yaml).map_err(|e| yaml_diagnostic(shown, &e, 1))
}

/// File line of a spanned value (the YAML starts on file line 2).
pub(super) fn line_of<T>(s: &Spanned<T>) -> u32 {
    s.referenced.line() as u32 + 1
}

/// File column of a spanned value.
pub(super) fn col_of<T>(s: &Spanned<T>) -> u32 {
    s.referenced.column() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").ok();
        assert_eq!(
            s,
            Some(Split {
                yaml: "title: a\n",
                body: "body\n",
                body_line: 4
            })
        );
        assert_eq!(split("body").ok().map(|s| s.body_line), Some(1));
        assert!(split("---\ntitle: a\n").is_err());
    }

    #[test]
    fn positions_are_file_lines() {
        let err = parse(Path::new("a.md"), "title: 标题\ndate: [x\n").err();
        let d = err.map(|d| (d.line, d.col));
        assert_eq!(d, Some((Some(3), Some(7))));
    }
}
