//! Which file types may be published as attachments: a built-in allow-list
//! of document and image types, extended by `attachments: { allow: [...] }`
//! in site.yaml. Static hosts cannot be trusted to send attachments as
//! downloads, and a browser runs an `.html`, `.svg`, `.js` or `.xml` file
//! opened from the site's own address, so nothing else is published unless
//! the site names it.

use serde::Deserialize;

/// The types every site may publish: documents (PDF, Word, Excel, WPS, OFD,
/// text, CSV), archives (zip) and images browsers show but do not run.
pub const DEFAULT_ALLOW: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "txt", "csv", "jpg", "jpeg",
    "png", "gif", "webp",
];

/// `attachments:` in site.yaml as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAttachments {
    /// More extensions to allow, without the dot.
    #[serde(default)]
    pub(super) allow: Vec<serde_saphyr::Spanned<String>>,
}

/// The attachment policy of a site.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Attachments {
    /// Extensions the site allows beyond [`DEFAULT_ALLOW`], lower-case.
    pub allow: Vec<String>,
}

impl Attachments {
    /// True when an attachment with extension `ext` (any case, no dot) may
    /// be published.
    pub fn allows(&self, ext: &str) -> bool {
        let ext = ext.to_lowercase();
        DEFAULT_ALLOW.contains(&ext.as_str()) || self.allow.contains(&ext)
    }
}

/// Checks one entry of `allow`; `Ok` holds it lower-cased.
pub(super) fn check_entry(entry: &str) -> Result<String, String> {
    let e = entry.trim();
    if let Some(rest) = e.strip_prefix('.')
        && !rest.is_empty()
    {
        return Err(t!("config-attachment-type-dot", entry = entry));
    }
    if e.is_empty() || e.len() > 16 || !e.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(t!("config-attachment-type-chars", entry = entry));
    }
    Ok(e.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_and_extra_types() {
        let a = Attachments {
            allow: vec!["dwg".into()],
        };
        assert!(a.allows("PDF") && a.allows("dwg") && a.allows("webp"));
        assert!(!a.allows("html") && !a.allows("svg") && !a.allows(""));
        assert_eq!(check_entry("DWG"), Ok("dwg".into()));
        assert_eq!(
            check_entry(".dwg"),
            Err("attachments.allow 里的「.dwg」不是文件类型：不要写点，例如 dwg".into())
        );
        assert!(check_entry("a b").is_err());
        assert!(check_entry("").is_err());
    }
}
