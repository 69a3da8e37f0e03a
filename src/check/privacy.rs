//! Images from other hosts: `![](https://other.example/x.png)` in a page,
//! an item or a report's prose makes every reader's browser ask that host
//! for the image, so the host learns who reads which page and when. Under
//! the portal's `Content-Security-Policy: default-src 'self'` the image is
//! not shown at all. Each one is a finding at the line and column of its
//! address; the fix is to put the file beside the text.

use crate::content::{Site, Source};
use crate::diag::{Diagnostic, LineIndex, codes};
use crate::scheme::host;
use pulldown_cmark::{Event, Parser, Tag};
use std::path::Path;

/// Pushes one finding per image from another host.
pub(crate) fn check(site: &Site, root: &Path, out: &mut Vec<Diagnostic>) {
    let domain = site.config.domain.as_str();
    for col in &site.columns {
        let slug = col.column.slug.as_str();
        let sources = col
            .page
            .iter()
            .map(|p| &p.source)
            .chain(col.items.iter().map(|i| &i.source));
        for source in sources {
            markdown_file(source, domain, slug, out);
        }
        for report in &col.reports {
            // The prose is read again from the file, for positions.
            let Ok(text) = std::fs::read_to_string(root.join(report.path())) else {
                continue;
            };
            let lines = LineIndex::new(&text, 1);
            for (at, url) in remote_in_yaml(&text, domain) {
                let (line, col) = lines.line_col(at);
                out.push(finding(report.path(), line, col, &url, slug));
            }
        }
    }
}

fn markdown_file(source: &Source, domain: &str, slug: &str, out: &mut Vec<Diagnostic>) {
    let body = match source.body() {
        Ok(body) => body,
        Err(d) => {
            out.push(d);
            return;
        }
    };
    let lines = LineIndex::new(&body, source.body_line);
    for (at, url) in remote_images(&body, domain) {
        let (line, col) = lines.line_col(at);
        out.push(finding(&source.shown, line, col, &url, slug));
    }
}

fn finding(path: &Path, line: u32, col: u32, url: &str, slug: &str) -> Diagnostic {
    Diagnostic::new(
        &codes::PRIVACY_REMOTE_IMAGE,
        path,
        crate::t!("check-remote-image", url = url, host = host(url)),
    )
    .at(line, col)
    .in_column(slug)
    .with_hint(crate::t!("check-remote-image-fix"))
}

/// True when `dest` loads from a host other than `domain`.
/// The same addresses as the renderer shows as links (see
/// [`crate::scheme::names_a_host`]).
fn is_remote(dest: &str, domain: &str) -> bool {
    let d = dest.trim();
    let same_site = !domain.is_empty() && host(d).eq_ignore_ascii_case(domain);
    crate::scheme::names_a_host(d) && !same_site
}

/// Every image of a Markdown text that loads from another host: the byte
/// offset of its address (of the image, when the address is not written
/// there, as in a reference) and the address.
fn remote_images(md: &str, domain: &str) -> Vec<(usize, String)> {
    Parser::new_ext(md, crate::render::markdown::options())
        .into_offset_iter()
        .filter_map(|(ev, range)| {
            let Event::Start(Tag::Image { dest_url, .. }) = ev else {
                return None;
            };
            if !is_remote(&dest_url, domain) {
                return None;
            }
            let written = md.get(range.clone()).unwrap_or("");
            let at = written.find(dest_url.as_ref()).unwrap_or(0);
            Some((range.start + at, dest_url.to_string()))
        })
        .collect()
}

/// [`remote_images`] of the Markdown written inside a YAML file (a
/// report's prose): each line is read without its indentation, so a block
/// scalar (`|`) reads as the Markdown it holds; offsets point into `yaml`.
fn remote_in_yaml(yaml: &str, domain: &str) -> Vec<(usize, String)> {
    let prose = crate::scheme::YamlProse::new(yaml);
    remote_images(&prose.text, domain)
        .into_iter()
        .map(|(off, url)| (prose.yaml_offset(off), url))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_images_are_found_where_their_address_is() {
        let md = "文字\n\n![图](https://other.example/x.png) 和 ![本站](a.png)\n![同站](https://www.example.gov.cn/y.png) ![协议相对](//cdn.example/z.png)\n";
        let found = remote_images(md, "www.example.gov.cn");
        let at: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|(o, u)| {
                let (l, c) = crate::diag::line_col(md, *o, 1);
                (l, c, u.as_str())
            })
            .collect();
        assert_eq!(
            at,
            [
                (3, 6, "https://other.example/x.png"),
                (4, 49, "//cdn.example/z.png")
            ]
        );
    }

    #[test]
    fn links_to_other_hosts_are_not_images() {
        assert!(remote_images("[链接](https://other.example/x.png)", "").is_empty());
    }

    #[test]
    fn yaml_prose_is_read_without_indentation() {
        let yaml = "overview: |\n  第一段。\n\n  ![](HTTPS://Other.example/a.png)\n";
        let found = remote_in_yaml(yaml, "");
        assert_eq!(found.len(), 1);
        assert_eq!(
            crate::diag::line_col(yaml, found[0].0, 1),
            (4, 7),
            "{found:?}"
        );
        assert_eq!(host(&found[0].1), "other.example");
    }
}
