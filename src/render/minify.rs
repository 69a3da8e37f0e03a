//! Minifying: pages with gongkai's own one-pass minifier (`page`: white
//! space, comments, attribute quotes), and the theme's CSS files with
//! minify-html's CSS minifier. JavaScript is never minified: a minifier's
//! rewrite of a script is a risk we take nowhere.
//!
//! Pages once went through minify-html too. Its full parse of every page
//! was 60% of a cold build at 10,000 items and saved under 4% of the bytes;
//! the one pass saves about the same for a small part of that time.

mod page;

pub(crate) use page::minify_page;

fn cfg() -> minify_html::Cfg {
    minify_html::Cfg {
        minify_css: true,
        minify_js: false,
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_doctype: false,
        ..minify_html::Cfg::default()
    }
}

/// Minifies a CSS file by minifying it as the content of a `<style>`
/// element, the one way minify-html takes CSS. Returns the input unchanged
/// if the result is not what that wrapping should give.
pub(crate) fn minify_css(css: &[u8]) -> Vec<u8> {
    let mut doc = Vec::with_capacity(css.len() + 16);
    doc.extend_from_slice(b"<style>");
    doc.extend_from_slice(css);
    doc.extend_from_slice(b"</style>");
    let out = minify_html::minify(&doc, &cfg());
    match out
        .strip_prefix(b"<style>".as_slice())
        .and_then(|r| r.strip_suffix(b"</style>".as_slice()))
    {
        Some(inner) => inner.to_vec(),
        None => css.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_gets_smaller_and_keeps_its_rules() {
        let css = b"body {\n  color: #000000;\n}\n/* note */\na:hover { color: red; }\n";
        let out = String::from_utf8(minify_css(css)).unwrap_or_default();
        assert!(out.len() < css.len(), "{out}");
        assert!(out.contains("a:hover"), "{out}");
        assert!(!out.contains("note"), "{out}");
    }

    #[test]
    fn inline_script_is_left_alone() {
        let html = b"<!DOCTYPE html><html lang=zh-CN><head><title>t</title></head><body><script>var  a = 1;  // keep\n</script></body></html>";
        let out = String::from_utf8(minify_page(html)).unwrap_or_default();
        assert!(out.contains("var  a = 1;  // keep"), "{out}");
    }
}
