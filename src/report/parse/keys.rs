//! Matching the keys of one YAML mapping against the official labels expected
//! at that place, and the context every reading step reports through.
//!
//! Unknown keys become errors with a "did you mean" hint, or, when the label
//! belongs to another edition, a hint to set `edition`.

use super::super::label;
use super::super::yaml::{Key, Node, Pos};
use crate::diag::codes::{Code, REPORT_STRUCTURE};
use crate::diag::{Diagnostic, Severity, nearest};
use std::path::Path;

/// Where findings go while one file is read.
pub(crate) struct Reader<'a> {
    /// The path diagnostics show.
    pub(crate) path: &'a Path,
    /// The findings.
    pub(crate) diags: &'a mut Vec<Diagnostic>,
    /// The file's text, for what the tree does not keep (how a number was
    /// typed).
    pub(crate) text: &'a str,
    /// True in published-original mode: value and arithmetic findings are
    /// warnings, because the signed original must be shown as it was.
    pub(crate) lenient: bool,
    /// Each row with blank cells: its line and the blank columns, joined.
    /// One warning each is pushed as the row is read (the rules group
    /// their findings under it); rows whose warning stayed alone are then
    /// said together ([`super::super::merge_blank_rows`]).
    pub(crate) blank_rows: Vec<(u32, String)>,
}

/// An official label expected at one place, with accepted old wordings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Expect {
    /// The official label.
    pub(crate) label: &'static str,
    /// Other wordings accepted for it.
    pub(crate) aliases: &'static [&'static str],
}

impl Expect {
    /// A label without aliases.
    pub(crate) fn plain(label: &'static str) -> Self {
        Expect {
            label,
            aliases: &[],
        }
    }
}

/// A label that exists at this place in another edition.
pub(crate) type Elsewhere = Vec<(&'static str, u16)>;

impl Reader<'_> {
    /// Pushes a finding of kind `code`, with the code's severity, at `pos`.
    pub(crate) fn diag(
        &mut self,
        code: &'static Code,
        pos: Pos,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(code, self.path, msg), pos)
    }

    /// Pushes a value or arithmetic finding: with the code's severity, or as
    /// a warning in published-original mode.
    pub(crate) fn finding(
        &mut self,
        code: &'static Code,
        pos: Pos,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
        let mut d = Diagnostic::new(code, self.path, msg);
        if self.lenient {
            d = d.with_severity(Severity::Warning);
        }
        self.push(d, pos)
    }

    fn push(&mut self, d: Diagnostic, pos: Pos) -> &mut Diagnostic {
        let d = if pos.col > 0 {
            d.at(pos.line, pos.col)
        } else {
            d.at_line(pos.line)
        };
        self.diags.push(d);
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    /// Matches `pairs` to `expected` by label key. Returns, for each expected
    /// label, the key and value given for it. Unknown and repeated keys are
    /// reported; missing ones are left to the caller, which knows whether they
    /// may be computed.
    pub(crate) fn match_keys<'n>(
        &mut self,
        place: &str,
        pairs: impl IntoIterator<Item = &'n (Key, Node)>,
        expected: &[Expect],
        elsewhere: &Elsewhere,
    ) -> Vec<Option<(&'n Key, &'n Node)>> {
        let mut found: Vec<Option<(&Key, &Node)>> = vec![None; expected.len()];
        let mut unknown = Vec::new();
        for (k, v) in pairs {
            let key = label::key(&k.text);
            let hit = expected.iter().position(|e| {
                label::key(e.label) == key || e.aliases.iter().any(|a| label::key(a) == key)
            });
            match hit {
                Some(i) if found[i].is_some() => {
                    self.diag(
                        &REPORT_STRUCTURE,
                        k.pos,
                        t!("report-key-twice", place = place, key = k.text.as_str()),
                    );
                }
                Some(i) => found[i] = Some((k, v)),
                None => unknown.push((k, v)),
            }
        }
        for (k, v) in unknown {
            // A misspelt label of a row not given otherwise stands for that
            // row: one message at the misspelling, the row not said missing,
            // its numbers checked as that row's.
            let labels: Vec<&str> = expected.iter().map(|e| e.label).collect();
            let stands_for = guess(&k.text, &labels)
                .and_then(|g| labels.iter().position(|l| *l == g))
                .filter(|&i| found[i].is_none());
            match stands_for {
                Some(i) if !in_other_edition(&k.text, elsewhere) => {
                    let label = expected[i].label;
                    self.diag(
                        &REPORT_STRUCTURE,
                        k.pos,
                        t!(
                            "report-unknown-stands-for",
                            place = place,
                            key = k.text.as_str(),
                            label = label
                        ),
                    )
                    .hint = Some(t!("report-write-label", label = label));
                    found[i] = Some((k, v));
                }
                _ => self.unknown(place, k, expected, elsewhere),
            }
        }
        found
    }

    fn unknown(&mut self, place: &str, k: &Key, expected: &[Expect], elsewhere: &Elsewhere) {
        let key = label::key(&k.text);
        if let Some((official, edition)) = elsewhere
            .iter()
            .find(|(l, _)| label::key(l) == key)
            .copied()
        {
            self.diag(
                &REPORT_STRUCTURE,
                k.pos,
                t!(
                    "report-other-edition",
                    place = place,
                    key = k.text.as_str(),
                    edition = edition
                ),
            )
            .hint = Some(t!(
                "report-other-edition-hint",
                edition = edition,
                official = official
            ));
            return;
        }
        let labels: Vec<&str> = expected.iter().map(|e| e.label).collect();
        let guess = guess(&k.text, &labels);
        let d = self.diag(
            &REPORT_STRUCTURE,
            k.pos,
            t!("report-unknown-key", place = place, key = k.text.as_str()),
        );
        d.hint = Some(match guess {
            Some(g) => t!("report-did-you-mean", label = g),
            None => t!(
                "report-expected-one-of",
                labels = labels.join(&t!("report-list-sep"))
            ),
        });
    }
}

/// True when `written` is a label of another edition (said as such, not
/// as a misspelling).
fn in_other_edition(written: &str, elsewhere: &Elsewhere) -> bool {
    let key = label::key(written);
    elsewhere.iter().any(|(l, _)| label::key(l) == key)
}

/// Words written for the official ones in Word files: 同意公开 and
/// 准予公开 mean （一）予以公开.
const SYNONYMS: [(&str, &str); 2] = [("同意", "予以"), ("准予", "予以")];

/// Marks of an outcome that refuses or limits: a label with one of them
/// is never the hint for a label without (（一）同意公开 is not （三）不予公开).
const NEGATIONS: [&str; 5] = ["不", "无", "没有", "部分", "未"];

/// The official label to suggest for an unknown `written` one, if one is
/// really meant: the same after the synonyms above; else a close spelling
/// (a typo); else the label with the same numbering (（一）). Never a label
/// that says the opposite.
pub(crate) fn guess<'a>(written: &str, labels: &[&'a str]) -> Option<&'a str> {
    let negated = |s: &str| NEGATIONS.iter().any(|n| s.contains(n));
    let mut plain = label::key(written);
    for (word, official) in SYNONYMS {
        plain = plain.replace(word, official);
    }
    let same_sense = |l: &&&str| negated(&label::key(l)) == negated(&plain);
    if let Some(l) = labels.iter().find(|l| label::key(l) == plain) {
        return Some(*l);
    }
    let keys: Vec<String> = labels
        .iter()
        .filter(same_sense)
        .map(|l| label::key(l))
        .collect();
    let close = nearest(&plain, keys.iter().map(String::as_str))
        .filter(|near| strsim::normalized_damerau_levenshtein(&plain, near) >= 0.7)
        .and_then(|near| labels.iter().find(|l| label::key(l) == near));
    if let Some(l) = close {
        return Some(*l);
    }
    let number = label::number(written);
    if number.is_empty() {
        return None;
    }
    labels
        .iter()
        .filter(same_sense)
        .find(|l| label::number(l) == number)
        .copied()
}
