//! Escaping text for HTML and XML, where templates do not do it (tables and
//! feeds written in Rust). Escapes the five characters significant in both;
//! [`escape_xml`] also drops the characters XML 1.0 does not allow at all,
//! which no escape can make legal.

/// `s` with `& < > " '` replaced by entities valid in HTML and XML.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// True for a character XML 1.0 allows in a document: tab, line feed,
/// carriage return, and everything from U+0020 except U+FFFE and U+FFFF
/// (Rust's `char` already excludes the surrogates).
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// [`escape`] for XML outputs (feeds, the sitemap): characters XML 1.0
/// does not allow (C0 controls other than tab and line breaks, U+FFFE,
/// U+FFFF) are dropped, so a control character pasted into a title cannot
/// make the document ill-formed.
pub(crate) fn escape_xml(s: &str) -> String {
    if s.chars().all(xml_allowed) {
        return escape(s);
    }
    escape(&s.chars().filter(|c| xml_allowed(*c)).collect::<String>())
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_the_five() {
        assert_eq!(
            super::escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn xml_drops_what_xml_does_not_allow() {
        assert_eq!(
            super::escape_xml("控制\u{1}字符\u{1b}\u{b}\u{FFFE}<标题>\t\u{7f}"),
            "控制字符&lt;标题&gt;\t\u{7f}"
        );
    }

    mod proptests {
        use super::super::{escape_xml, xml_allowed};
        use proptest::prelude::*;

        /// Titles as staff paste them: CJK, markup, entities, line breaks
        /// and the control characters XML forbids, or any `char` at all.
        fn title() -> impl Strategy<Value = String> {
            prop_oneof![
                any::<String>(),
                "[\u{0}-\u{1f}\u{7f}\u{FFFE}\u{FFFF}<>&\"'\r\n\t ;#x0-9a-z中文]{0,40}",
                "(<\\!\\[CDATA\\[|\\]\\]>|<\\?xml|&#0;|&#x1;|&amp;|<!--|-->|公告){0,6}",
            ]
        }

        proptest! {
            #![proptest_config(crate::proptest_config())]

            /// A feed entry and a sitemap-style attribute built with
            /// `escape_xml` parse as well-formed XML, and read back as the
            /// text minus the characters XML does not allow.
            #[test]
            fn escaped_text_is_well_formed_xml(t in title(), s in title()) {
                let xml = format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed><entry><title>{}</title>\
                     <link href=\"{}\"/><summary>{}</summary></entry></feed>\n",
                    escape_xml(&t),
                    escape_xml(&s),
                    escape_xml(&s),
                );
                let doc = roxmltree::Document::parse(&xml);
                prop_assert!(doc.is_ok(), "{:?}: {xml:?}", doc.err());
                let Ok(doc) = doc else { return Ok(()) };
                // XML reads every line break (CR LF, lone CR) as LF; roxmltree
                // does not always, so both sides are compared normalised.
                let lf = |x: &str| x.replace("\r\n", "\n").replace('\r', "\n");
                let expect = |x: &str| lf(&x.chars().filter(|c| xml_allowed(*c)).collect::<String>());
                let text = |name: &str| {
                    doc.descendants()
                        .find(|n| n.has_tag_name(name))
                        .map(|n| lf(n.text().unwrap_or_default()))
                };
                prop_assert_eq!(text("title"), Some(expect(&t)));
                prop_assert_eq!(text("summary"), Some(expect(&s)));
            }
        }
    }
}
