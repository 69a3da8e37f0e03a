//! Finding the figures a text attributes to a quantity of the tables.
//!
//! The text is read as prose: lines of a paragraph joined and spaces
//! dropped (a line break inside a Chinese sentence is no space), cut into
//! sentences (。！？；, a new paragraph or list item) and clauses (，、 and
//! brackets). In each
//! clause every phrase of `phrases.rs` is tried; a figure counts only when
//! exactly one quantity claims it, nothing in its clause narrows it
//! ([`phrases::blockers`]), and every year its clause names is the reported
//! one. Anything else is left alone: a figure not compared is better than
//! a warning about a sentence that meant something else.

use super::numerals;
use super::phrases::{self, FILLER, FILLER_AFTER, Form, NUMBER, PHRASES, Phrase, Quantity, UNIT};
use crate::report::edition::Role;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A figure of the text and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Figure {
    /// What it counts.
    pub(crate) quantity: Quantity,
    /// Its value (0 for words saying there were none).
    pub(crate) value: i64,
    /// Byte offset in the text of the figure (of the words, for none).
    pub(crate) at: usize,
    /// The clause it was read from, lines joined.
    pub(crate) clause: String,
}

/// One phrase of the table, compiled.
struct Matcher {
    phrase: &'static Phrase,
    re: Regex,
}

static MATCHERS: LazyLock<Vec<Matcher>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|p| {
            let words = p.words;
            let pattern = match p.form {
                Form::Before => format!("(?:{words}){FILLER}(?P<n>{NUMBER}){UNIT}"),
                Form::After => format!("(?P<n>{NUMBER}){UNIT}{FILLER_AFTER}(?:{words})"),
                Form::Nothing => format!("(?:{words})"),
            };
            // The table is this file's own data: a pattern that does not
            // compile is caught by the unit tests, not by a user.
            let re = Regex::new(&pattern).unwrap_or_else(|e| panic!("phrase {words}: {e}"));
            Matcher { phrase: p, re }
        })
        .collect()
});

/// Part of a year: a range of months (1-6月, 1月至6月).
static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[0-9０-９一二三四五六七八九十]+\\s*月?\\s*[-－—~～至到]\\s*[0-9０-９一二三四五六七八九十]+\\s*月")
        .unwrap_or_else(|e| panic!("months pattern: {e}"))
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?P<y>[0-9０-９]{4})\\s*年").unwrap_or_else(|e| panic!("year pattern: {e}"))
});

/// The text with the line breaks inside paragraphs taken out, and where
/// each of its bytes was in the original.
struct Flat {
    text: String,
    /// For each byte of `text` (and one past the end), its offset in the original.
    orig: Vec<usize>,
}

impl Flat {
    fn new(src: &str) -> Flat {
        let mut text = String::with_capacity(src.len());
        let mut orig = Vec::with_capacity(src.len() + 1);
        let mut push = |text: &mut String, c: char, at: usize| {
            text.push(c);
            orig.extend(std::iter::repeat_n(at, c.len_utf8()));
        };
        let mut lines = src.split_inclusive('\n').peekable();
        let mut at = 0;
        while let Some(line) = lines.next() {
            let body = line.trim_end_matches(['\n', '\r']);
            let lead = body.len() - body.trim_start().len();
            for (i, c) in body[lead..].char_indices() {
                // Spaces mean nothing between Chinese words and figures
                // (收到申请 26 件, a folded line's 政府信息 公开).
                if !matches!(c, ' ' | '\t' | '\u{3000}') {
                    push(&mut text, c, at + lead + i);
                }
            }
            let next = lines.peek().map_or("", |l| l.trim());
            if next.is_empty() || starts_block(next) {
                push(&mut text, '\n', at + body.len());
            }
            at += line.len();
        }
        orig.push(at);
        Flat { text, orig }
    }
}

/// True when a line starts a new block: a list item, a heading or a
/// numbered point (1. 1、 （一） 一、).
fn starts_block(line: &str) -> bool {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("^(?:[-*+#>]|[0-9]+[.、)）]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、)")
            .unwrap_or_else(|e| panic!("block pattern: {e}"))
    });
    BLOCK.is_match(line)
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n')
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '、' | '（' | '）' | '(' | ')')
}

/// Splits `range` of `s` where `end` says, keeping non-empty pieces.
fn split(s: &str, range: Range<usize>, end: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in s[range.clone()].char_indices() {
        let i = range.start + i;
        if end(c) {
            if i > start {
                out.push(start..i);
            }
            start = i + c.len_utf8();
        }
    }
    if range.end > start {
        out.push(start..range.end);
    }
    out
}

/// A figure one phrase found in a clause, before the checks.
struct Candidate {
    quantity: Quantity,
    value: i64,
    /// The figure (of the words, for none), in the flat text.
    at: Range<usize>,
    /// The whole match, in the flat text.
    matched: Range<usize>,
    /// True for words saying there were none.
    nothing: bool,
}

/// Every figure of `text` attributed to exactly one quantity, in order.
/// `year` is the reported year, against which the years a clause names are
/// checked.
pub(crate) fn figures(text: &str, year: i32) -> Vec<Figure> {
    let flat = Flat::new(text);
    let s = flat.text.as_str();
    let mut out = Vec::new();
    for sentence in split(s, 0..s.len(), is_sentence_end) {
        let clauses = kinds_together(s, split(s, sentence.clone(), is_clause_end));
        // A first clause without a figure sets the scene for the sentence
        // (2021年以来，… / 与上年相比，…): its words count in every clause.
        let mut scene: Option<Range<usize>> = None;
        for (i, clause) in clauses.iter().enumerate() {
            let found = candidates(s, clause.clone(), year);
            if i == 0 && found.is_empty() {
                scene = Some(clause.clone());
            }
            for mut c in unambiguous(found) {
                let inside = |r: &Range<usize>| s[r.clone()].to_string();
                let mut context = vec![
                    inside(&(clause.start..c.matched.start)),
                    inside(&(c.matched.end..clause.end)),
                ];
                context.extend(scene.as_ref().map(inside));
                // 其中，… : the part-of word stands alone before its clause.
                let previous = i.checked_sub(1).map(|p| inside(&clauses[p]));
                context.extend(previous.filter(|p| p.trim() == "其中"));
                // 共收到申请7件（其中本年新收6件，上年结转1件）: the total
                // of the two.
                let split = c.quantity == Quantity::Part3(Role::Received)
                    && splits_into_new_and_carried_in(&s[c.matched.end..sentence.end], year);
                if split {
                    c.quantity = Quantity::NewAndCarriedIn;
                }
                if !allowed(&context, c.quantity, year) || !whole(s, &c, sentence.end, split) {
                    continue;
                }
                out.push(Figure {
                    quantity: c.quantity,
                    value: c.value,
                    at: flat.orig[c.at.start],
                    clause: written(text, flat.orig[clause.start]..flat.orig[clause.end]),
                });
            }
        }
    }
    out
}

/// The part 四 kinds a list names together: a clause ending in one and
/// the next starting with another, after 、, are one clause
/// (未发生政府信息公开行政复议、行政诉讼案件), so that words saying there
/// were none reach every kind they name.
fn kinds_together(s: &str, clauses: Vec<Range<usize>>) -> Vec<Range<usize>> {
    const KINDS: [&str; 2] = ["行政复议", "行政诉讼"];
    let mut out: Vec<Range<usize>> = Vec::with_capacity(clauses.len());
    for c in clauses {
        if let Some(last) = out.last_mut()
            && s.get(last.end..c.start) == Some("、")
            && KINDS.iter().any(|k| s[last.clone()].ends_with(k))
            && KINDS.iter().any(|k| s[c.clone()].starts_with(k))
        {
            last.end = c.end;
            continue;
        }
        out.push(c);
    }
    out
}

/// True when `after` (the rest of the sentence after a total of
/// applications) opens with brackets that split the total into this
/// year's new applications and those carried in from the year before,
/// and nothing else: （其中本年新收6件，上年结转1件）, （含新收6件、
/// 2021年结转1件）. A year each names must be the right one.
fn splits_into_new_and_carried_in(after: &str, year: i32) -> bool {
    static SPLIT: LazyLock<[Regex; 2]> = LazyLock::new(|| {
        let new = format!(
            "(?:(?:本年度?|今年|当年|全年|(?P<yn>[0-9]{{4}})年度?)?(?:新收|新受理|新接收)|(?:本年度?|今年|当年)(?:收到|受理|接收))(?:到|了|的)?(?:政府信息公开申请|申请)?{FILLER}(?P<n>{NUMBER}){UNIT}"
        );
        let carried = format!(
            "(?:上一?年度?|去年|(?P<yc>[0-9]{{4}})年度?)?结转(?:过来|来)?(?:的)?(?:政府信息公开申请|申请)?{FILLER}(?P<c>{NUMBER}){UNIT}"
        );
        let open = "^[（(](?:其中|含|包括|包含)?[，,：:]?";
        let and = "(?:[，,、和及]|以及)";
        let close = "[）)]";
        [
            format!("{open}{new}{and}{carried}{close}"),
            format!("{open}{carried}{and}{new}{close}"),
        ]
        .map(|p| Regex::new(&p).unwrap_or_else(|e| panic!("split pattern: {e}")))
    });
    SPLIT.iter().any(|re| {
        re.captures(after).is_some_and(|caps| {
            let named = |g: &str, want: i32| {
                caps.name(g)
                    .is_none_or(|y| numerals::value(y.as_str()) == Some(i64::from(want)))
            };
            named("yn", year) && named("yc", year - 1)
        })
    })
}

/// `range` of `text` as written, its lines joined without their indentation.
fn written(text: &str, range: Range<usize>) -> String {
    let part = text.get(range).unwrap_or("");
    part.lines()
        .map(str::trim)
        .collect::<String>()
        .trim()
        .to_string()
}

/// What each phrase finds in `clause` of `s`.
fn candidates(s: &str, clause: Range<usize>, year: i32) -> Vec<Candidate> {
    let text = &s[clause.clone()];
    let mut out = Vec::new();
    for m in MATCHERS.iter() {
        for caps in m.re.captures_iter(text) {
            let Some(all) = caps.get(0) else { continue };
            if let Some(y) = caps.name("y") {
                let named = numerals::value(y.as_str()).unwrap_or(0);
                if named != i64::from(year + m.phrase.year) {
                    continue;
                }
            }
            let (value, at) = match caps.name("n") {
                Some(n) => match numerals::value(n.as_str()) {
                    Some(v) => (v, n.range()),
                    None => continue,
                },
                None => (0, caps.name("k").map_or(all.range(), |k| k.range())),
            };
            let shift = |r: Range<usize>| clause.start + r.start..clause.start + r.end;
            out.push(Candidate {
                quantity: m.phrase.quantity,
                value,
                at: shift(at),
                matched: shift(all.range()),
                nothing: m.phrase.form == Form::Nothing,
            });
        }
    }
    out.sort_by_key(|c| (c.at.start, c.matched.start));
    out
}

/// The candidates whose figure no other quantity claims, one per figure.
fn unambiguous(found: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut disputed: Vec<usize> = Vec::new();
    for c in found {
        let clash = |o: &Candidate| o.at.start < c.at.end && c.at.start < o.at.end;
        if let Some(i) = out.iter().position(clash) {
            if out[i].quantity != c.quantity || out[i].value != c.value {
                disputed.push(out[i].at.start);
            }
            continue;
        }
        out.push(c);
    }
    out.retain(|c| !disputed.contains(&c.at.start));
    out
}

/// False when the words around the phrase narrow the quantity, or name a
/// year other than the reported one, or a part of the year.
fn allowed(context: &[String], q: Quantity, year: i32) -> bool {
    let blockers = phrases::blockers(q);
    context.iter().all(|words| {
        let other_year = YEAR.captures_iter(words).any(|c| {
            c.name("y")
                .and_then(|y| numerals::value(y.as_str()))
                .is_some_and(|y| y != i64::from(year))
        });
        !other_year && !MONTHS.is_match(words) && !blockers.iter().any(|b| words.contains(b))
    })
}

/// False when the figure is part of something larger: an ordinal or a
/// decimal (第1件, 1.5件), an estimate (20余件 never matches; 20件以上),
/// a figure of one part of the whole (27件（含上年结转1件）), or an
/// application that is not one (未收到申请人…). A total its brackets
/// split into 新收 and 上年结转 (`split`) is whole: they are its parts.
fn whole(s: &str, c: &Candidate, sentence_end: usize, split: bool) -> bool {
    let before = s[..c.at.start].chars().next_back();
    let numeral = |ch: char| {
        ch.is_ascii_digit()
            || ('０'..='９').contains(&ch)
            || "零〇一二两三四五六七八九十百千万第.．点".contains(ch)
    };
    if before.is_some_and(numeral) {
        return false;
    }
    let after = &s[c.matched.end..sentence_end];
    let after = after.trim_start_matches(['（', '(', '，', ',']);
    let narrows = ["含", "包括", "包含", "以上", "以下", "左右", "多", "余"];
    if !split && narrows.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    let not_an_application = ["人", "书", "表", "材料"];
    !(c.nothing && not_an_application.iter().any(|w| after.starts_with(w)))
}
