//! Footer identifiers (政府网站发展指引 and practice): 网站标识码, ICP备案编号,
//! 公安机关备案号, the 党政机关网站标识 badge and the 政府网站找错 link must be
//! set in site.yaml's `identifiers`, so the theme can show them on every
//! page. A 网站标识码 is 10 digits: the 6-digit 行政区划代码 and 4 more. The
//! 找错 address carries the site's code (`site_code=`); one that names
//! another code sends readers' reports to another site.

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
    let badge = ids.badge.as_ref().map(|b| b.image.clone());
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
            "京ICP备12345678号",
        ),
        (
            &codes::FOOTER_POLICE,
            "公安机关备案号",
            "police",
            given(&ids.police),
            "京公网安备11010502000001号",
        ),
        (
            &codes::FOOTER_BADGE,
            "党政机关网站标识",
            "badge",
            badge,
            "{ url: 标识的证书网址, image: conac.png }",
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
            Some(code) if key == "site_code" && !is_division(&code[..6]) => out.push(
                Diagnostic::site_wide(
                    rule,
                    crate::t!(
                        "check-footer-site-code-division",
                        code = code.as_str(),
                        division = &code[..6]
                    ),
                )
                .in_file(CONFIG_FILE, None)
                .with_hint(crate::t!("check-footer-site-code-fix")),
            ),
            Some(number) if key == "icp" || key == "police" => {
                if let Some(why) = record_number_problem(&number, key) {
                    out.push(
                        Diagnostic::site_wide(rule, why)
                            .in_file(CONFIG_FILE, None)
                            .with_hint(crate::t!(
                                "check-footer-number-fix",
                                key = key,
                                example = example
                            )),
                    );
                }
            }
            Some(_) => {}
        }
    }
    jiucuo(site, out);
    if let Some(police) = given(&ids.police)
        && ids.police_url.is_none()
    {
        out.push(
            Diagnostic::site_wide(
                &codes::FOOTER_POLICE,
                crate::t!("check-footer-police-digits", number = police.as_str()),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-footer-police-digits-fix")),
        );
    }
}

/// The 政府网站找错 link: set, and naming the site's own code.
fn jiucuo(site: &Site, out: &mut Vec<Diagnostic>) {
    let ids = &site.config.identifiers;
    let Some(url) = &ids.jiucuo else {
        out.push(
            Diagnostic::site_wide(
                &codes::FOOTER_JIUCUO,
                crate::t!(
                    "check-footer-missing",
                    name = "政府网站找错",
                    key = "jiucuo"
                ),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-footer-jiucuo-fix")),
        );
        return;
    };
    let named = url
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(""))
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|kv| kv.strip_prefix("site_code="));
    let own = ids.site_code.as_deref().map(str::trim);
    if let (Some(named), Some(own)) = (named, own)
        && named != own
    {
        out.push(
            Diagnostic::site_wide(
                &codes::FOOTER_JIUCUO,
                crate::t!("check-footer-jiucuo-code", named = named, own = own),
            )
            .in_file(CONFIG_FILE, None)
            .with_hint(crate::t!("check-footer-jiucuo-code-fix")),
        );
    }
}

/// True when `url` is one of the footer's identifier links as
/// configured (the 找错 link with any page's `url=`): the links rule leaves
/// these to this one, so the 找错 link, which differs on every page, is
/// not listed once per page.
pub(crate) fn is_identifier_link(cfg: &crate::config::Config, url: &str) -> bool {
    let ids = &cfg.identifiers;
    let fixed = [
        ids.icp.as_ref().map(|_| ids.icp_url.as_str()),
        ids.police_url.as_deref(),
        ids.badge.as_ref().map(|b| b.url.as_str()),
    ];
    let without_fragment = |u: &str| u.split('#').next().unwrap_or("").to_string();
    fixed
        .into_iter()
        .flatten()
        .any(|u| without_fragment(u) == url)
        || ids.jiucuo.as_deref().is_some_and(|j| url.starts_with(j))
}

fn is_site_code(s: &str) -> bool {
    s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when six digits can be a 行政区划代码: they start with a
/// province's two digits (11 北京 … 65 新疆, 71, 81, 82); a province's own
/// code (`320000`) is one.
fn is_division(six: &str) -> bool {
    let province: u32 = six.get(..2).and_then(|p| p.parse().ok()).unwrap_or(0);
    matches!(province, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82)
}

/// What is wrong with an ICP备案编号 (`京ICP备12345678号`, `-1` after it
/// allowed) or a 公安机关备案号 (`京公网安备11010502000001号`) as written,
/// if anything: not of that shape, or a sample's zeros.
fn record_number_problem(written: &str, key: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let mark = if key == "icp" {
        "ICP备"
    } else {
        "公网安备"
    };
    // Full-width digits and dashes, and spaces, as numbers are often typed.
    let folded: String = written
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '－' || c == '—' { '-' } else { c })
        .collect();
    let number = folded.as_str();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    // One or two characters (the province), the mark, digits, 号, and
    // perhaps `-` and digits.
    let all_digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let shaped = number.find(mark).is_some_and(|at| {
        let province = number[..at].chars().count();
        let after = &number[at + mark.len()..];
        (1..=2).contains(&province)
            && after.split_once('号').is_some_and(|(n, tail)| {
                all_digits(n) && (tail.is_empty() || tail.strip_prefix('-').is_some_and(all_digits))
            })
    });
    if !shaped {
        // A 公安机关备案号 without digits has its own finding.
        if key == "police" && digits.is_empty() {
            return None;
        }
        return Some(crate::t!(
            "check-footer-number-shape",
            number = written,
            key = key
        ));
    }
    // All zeros, or the example this rule's own advice gives.
    let sample = digits.chars().all(|c| c == '0') || SAMPLES.contains(&number);
    sample.then(|| crate::t!("check-footer-number-sample", number = written))
}

/// The numbers the advice gives as examples: copied as they are, they are
/// no site's own.
const SAMPLES: [&str; 2] = ["京ICP备12345678号", "京公网安备11010502000001号"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_numbers() {
        for ok in [
            "苏ICP备05000137号-1",
            "测ICP备12345678号",
            "苏ICP备 05000137号－1",
            "苏ICP备０５０００１３７号",
        ] {
            assert_eq!(record_number_problem(ok, "icp"), None, "{ok}");
        }
        for bad in [
            "随便写",
            "ICP备12345678号",
            "京ICP备号",
            "京ICP12345678号",
            "京ICP备1234号-",
        ] {
            assert!(record_number_problem(bad, "icp").is_some(), "{bad}");
        }
        assert!(record_number_problem("示ICP备00000000号", "icp").is_some());
        assert!(record_number_problem("京ICP备12345678号", "icp").is_some());
        assert!(record_number_problem("京公网安备11010502000001号", "police").is_some());
        assert_eq!(
            record_number_problem("苏公网安备 32132202000123号", "police"),
            None
        );
        assert!(record_number_problem("示公网安备00000000000000号", "police").is_some());
    }

    #[test]
    fn divisions() {
        assert!(is_division("321322"));
        assert!(is_division("110000"));
        assert!(!is_division("000000"));
        assert!(!is_division("991234"));
    }

    #[test]
    fn site_codes() {
        assert!(is_site_code("3213220037"));
        assert!(!is_site_code("321322003"));
        assert!(!is_site_code("32132200３7"));
    }
}
