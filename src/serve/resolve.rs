//! From a request path to a file of the site, and from a file name to its
//! Content-Type. Pure functions: nothing here touches the disk, so every
//! path-traversal trick is pinned by a unit test below. Files are looked up
//! by name in the built site, never joined onto a folder, but anything that
//! smells of climbing out is refused before the lookup all the same.

use percent_encoding::percent_decode_str;

/// What a request path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// Send the browser here instead (the base path, or a folder with its
    /// trailing slash).
    Redirect(String),
    /// The file at this `/`-separated path below the base; a folder's path
    /// ends in `index.html`.
    File(String),
    /// No such page, or a path that is not allowed: the 404 page.
    NotFound,
}

/// Resolves the path part of a request URL (still percent-encoded) for a
/// site served under `base_path` (`/` or `/xxgk/`).
pub(crate) fn resolve(base_path: &str, raw: &str) -> Target {
    let Ok(path) = percent_decode_str(raw).decode_utf8() else {
        return Target::NotFound;
    };
    if !path.starts_with('/') || path.contains(['\\', '\0']) {
        return Target::NotFound;
    }
    if base_path != "/" && (path == "/" || path == base_path.trim_end_matches('/')) {
        return Target::Redirect(base_path.to_string());
    }
    let Some(rest) = path.strip_prefix(base_path) else {
        return Target::NotFound;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        // `..` and `.` climb or alias; an empty segment is `//` or an
        // absolute path glued on; `:` is a Windows drive or stream.
        let bad = *s == ".." || *s == "." || (s.is_empty() && i != last) || s.contains(':');
        if bad {
            return Target::NotFound;
        }
    }
    if rest.is_empty() || rest.ends_with('/') {
        Target::File(format!("{rest}index.html"))
    } else {
        Target::File(rest.to_string())
    }
}

/// The Content-Type for a file name, with `charset=utf-8` on text types.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ofd" => "application/ofd",
        "wps" => "application/vnd.ms-works",
        "zip" => "application/zip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str) -> Target {
        Target::File(p.to_string())
    }

    #[test]
    fn pages_and_folders() {
        assert_eq!(resolve("/", "/"), file("index.html"));
        assert_eq!(resolve("/", "/tzgg/"), file("tzgg/index.html"));
        assert_eq!(resolve("/", "/tzgg/a.html"), file("tzgg/a.html"));
        assert_eq!(resolve("/", "/tzgg"), file("tzgg"));
    }

    #[test]
    fn sub_path_sites() {
        assert_eq!(resolve("/xxgk/", "/"), Target::Redirect("/xxgk/".into()));
        assert_eq!(
            resolve("/xxgk/", "/xxgk"),
            Target::Redirect("/xxgk/".into())
        );
        assert_eq!(resolve("/xxgk/", "/xxgk/"), file("index.html"));
        assert_eq!(resolve("/xxgk/", "/xxgk/tzgg/a.html"), file("tzgg/a.html"));
        assert_eq!(resolve("/xxgk/", "/other/a.html"), Target::NotFound);
    }

    #[test]
    fn percent_encoded_chinese() {
        let raw = "/tzgg/a/%E9%99%84%E4%BB%B61.pdf";
        assert_eq!(resolve("/", raw), file("tzgg/a/附件1.pdf"));
        assert_eq!(resolve("/", "/%FF.html"), Target::NotFound);
    }

    #[test]
    fn traversal_is_refused() {
        for raw in [
            "/../etc/passwd",
            "/tzgg/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/tzgg/%2e%2e/%2e%2e/etc/passwd",
            "//etc/passwd",
            "/%2Fetc%2Fpasswd",
            "/tzgg/./a.html",
            "/..%5c..%5cwindows/win.ini",
            "/C:/Windows/win.ini",
            "/a%00.html",
            "etc/passwd",
        ] {
            assert_eq!(resolve("/", raw), Target::NotFound, "{raw}");
        }
        assert_eq!(resolve("/xxgk/", "/xxgk/../etc/passwd"), Target::NotFound);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("附件1.PDF"), "application/pdf");
        assert_eq!(
            content_type("b.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
