//! Bytes of a saved page or text file to text: by a byte-order mark, else
//! the charset a page declares (when its bytes agree), else UTF-8 when
//! they are, else what chardetng detects; GBK pages and Windows text files
//! are common. Line ends become LF.

/// The page's text and the name of the encoding it was read in.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (enc, bom) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), len),
        None => (None, 0),
    };
    let bytes = &bytes[bom..];
    let utf8 = std::str::from_utf8(bytes).is_ok();
    // A page that says UTF-8 but is not (saved again in GBK by an editor)
    // is read by what its bytes are.
    let declared = declared(bytes).filter(|e| *e != encoding_rs::UTF_8 || utf8);
    let enc = enc.or(declared).unwrap_or_else(|| {
        if utf8 {
            encoding_rs::UTF_8
        } else {
            let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            d.feed(bytes, true);
            d.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
        }
    });
    // GB2312 pages routinely hold GBK characters: read them as GBK.
    let enc = if enc == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        enc
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    (
        text,
        if enc == encoding_rs::GB18030 {
            "GBK"
        } else {
            enc.name()
        },
    )
}

/// The charset a page's `<meta>` declares in its first 4 KB.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<p>政府信息公开工作年度报告，总体情况良好。</p>");
        let (text, name) = decode(&bytes);
        assert_eq!(name, "GBK");
        assert!(text.contains("年度报告"));
        let declared = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        let mut page = declared.to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page).0.contains("总体情况"));
    }
}
