//! Footer identifiers (政府网站发展指引): 网站标识码, ICP备案编号 and
//! 公安机关备案号 must be set in site.yaml's `identifiers`, so the theme can
//! show them on every page. A 网站标识码 is 10 digits: the 6-digit
//! 行政区划代码 and 4 more.

use crate::config::CONFIG_FILE;
use crate::content::Site;
use crate::diag::{Diagnostic, codes};

/// Pushes a finding per missing or malformed identifier.
pub(crate) fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    let ids = &site.config.identifiers;
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let wanted = [
        (
            &codes::FOOTER_SITE_CODE,
            "网站标识码",
            "site_code",
            given(&ids.site_code),
            "\"3213220037\"",
        ),
        (
            &codes::FOOTER_ICP,
            "ICP备案编号",
            "icp",
            given(&ids.icp),
            "京ICP备00000000号",
        ),
        (
            &codes::FOOTER_POLICE,
            "公安机关备案号",
            "police",
            given(&ids.police),
            "京公网安备00000000000000号",
        ),
    ];
    for (rule, name, key, value, example) in wanted {
        match value {
            None => out.push(
                Diagnostic::site_wide(
                    rule,
                    crate::t!("check-footer-missing", name = name, key = key),
                )
                .in_file(CONFIG_FILE, None)
                .with_hint(crate::t!(
                    "check-footer-missing-fix",
                    key = key,
                    example = example
                )),
            ),
            Some(code) if key == "site_code" && !is_site_code(&code) => out.push(
                Diagnostic::site_wide(
                    rule,
                    crate::t!("check-footer-site-code", code = code.as_str()),
                )
                .in_file(CONFIG_FILE, None)
                .with_hint(crate::t!("check-footer-site-code-fix")),
            ),
            Some(_) => {}
        }
    }
}

fn is_site_code(s: &str) -> bool {
    s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_codes() {
        assert!(is_site_code("3213220037"));
        assert!(!is_site_code("321322003"));
        assert!(!is_site_code("32132200３7"));
    }
}
