//! How text becomes the words of the search index, and how a query becomes
//! the words to look up. The theme's `search.js` does the query half the
//! same way; the browser tests search for real queries to prove the two
//! agree.
//!
//! Chinese has no spaces between words, and a reader searching for 区 or
//! 老旧小区 expects every page whose text contains it, wherever a word
//! segmenter would cut the sentence. So a run of Han characters is indexed
//! as its overlapping pairs plus its last character (老旧小区 → 老旧 旧小 小区
//! 区): a query of two or more characters is the phrase of its own pairs,
//! found exactly where the text contains it, and a one-character query is a
//! prefix of the words that start with it. This does not depend on how a
//! browser segments words (old ones cannot), and cuts nothing.
//!
//! Each pair is written as one word that only the index uses: `ʠ` (a
//! letter no word of a page or of a query starts with: both read it as a
//! separator) and a code of lowercase letters for each character (老旧 →
//! `ʠsyjjbj`, 区 → `ʠbzm`). Pagefind matches a phrase of such words exactly,
//! as it does for any phrase of Latin words, whereas it cuts and matches Han
//! words its own way. A character's code is three letters for most of the
//! unified ideographs (numbered from U+4E00; the first letter `a` to `w`),
//! `x` and three letters for the rest of the Basic Multilingual Plane, and
//! `y` and four letters beyond it; no code starts another, so one character
//! is a prefix of exactly the pairs that start with it. `z` starts the keys
//! below.
//!
//! Letters only, and behind `ʠ`, for two reasons. A query of letters or
//! digits (`q`, `53`) is looked up as the start of a word, so no word the
//! index makes up may start the way a typed one can. And Pagefind splits a
//! word that carries punctuation (the separators below) where letters and
//! digits meet and indexes the pieces too: a code with digits in it would
//! leave pieces such as `53` or `ro` in the index, found by queries the
//! page's text does not answer.
//!
//! Letters and digits are indexed as runs (`PM2`, `5`, `0000`, `12345678`),
//! after NFKC so full-width forms match half-width ones; the index
//! lower-cases them.
//!
//! A 文号 and a 索引号 are also indexed as one coded word each (`ʠz` and
//! letters), the same however the document number is bracketed or spaced
//! (see [`doc_no_key`]), so typing one finds its document first.
//!
//! Text a result shows apart from its snippet (the publisher, the date) is
//! indexed as words that snippets leave out, as they leave out the keys
//! ([`Words::unshown`]).

use unicode_normalization::UnicodeNormalization;

/// True for the characters indexed in pairs: CJK ideographs and 〇.
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Digits of the separator code, 0 to f: ASCII punctuation that Pagefind
/// drops from a word without splitting it (no `.`, `_`, `<`, `>`, `&` or
/// quotes).
const SEP_DIGITS: &[u8; 16] = b"!#$%()*+,-/:;=?@";
/// Starts the separators after a word.
const SEP_START: char = '^';
/// Ends each separator character.
const SEP_END: char = '~';

/// The index words of one record, written in order.
///
/// What stood between a word and the next (punctuation, spaces, breaks
/// between the parts of a page) rides on the word, coded in ASCII
/// punctuation that the index ignores (`类，` → `ʠrpr^@@!,~`), so that
/// `search.js` can show a snippet with its punctuation from the words
/// alone. Letters keep their case for the same reason; the index
/// lower-cases them.
#[derive(Debug, Default)]
pub(super) struct Words {
    out: String,
    /// A word was written, so separators may follow it.
    open: bool,
    /// The last word already has separators.
    seps: bool,
    /// How many words were written.
    count: u64,
    /// The words being written are found but not shown (see
    /// [`Words::unshown`]).
    unshown: bool,
}

impl Words {
    /// Appends the words of `text`.
    pub(super) fn text(&mut self, text: &str) {
        let mut han: Vec<char> = Vec::new();
        let mut latin = String::new();
        let mut one = String::new();
        for c in text.chars() {
            // Letters and digits after NFKC, so full-width forms match;
            // punctuation as written, so snippets show it as written. ASCII
            // and the unified ideographs are their own NFKC form.
            one.clear();
            if c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                one.push(c);
            } else {
                one.extend(std::iter::once(c).nfkc());
            }
            let n = one.as_str();
            if c == MARK || !n.chars().any(char::is_alphanumeric) {
                self.flush(&mut han, &mut latin);
                self.sep(c);
                continue;
            }
            for ch in n.chars() {
                if is_han(ch) {
                    if !latin.is_empty() {
                        self.flush(&mut han, &mut latin);
                    }
                    han.push(ch);
                } else if ch.is_alphanumeric() {
                    if !han.is_empty() {
                        self.flush(&mut han, &mut latin);
                    }
                    latin.push(ch);
                } else {
                    self.flush(&mut han, &mut latin);
                    self.sep(ch);
                }
            }
        }
        self.flush(&mut han, &mut latin);
    }

    /// Appends the words of `text`, found by a search but left out of
    /// snippets, as a key is: the result shows that text apart (its
    /// publisher, its date). No separators ride on them.
    pub(super) fn unshown(&mut self, text: &str) {
        self.unshown = true;
        self.text(text);
        self.unshown = false;
    }

    /// A break between two parts of a page (title and body, two fields),
    /// shown as a space in a snippet.
    pub(super) fn brk(&mut self) {
        self.sep('\n');
    }

    /// A 文号 or 索引号 key: its separators start with an empty code
    /// (`^~`), which marks it as not part of the text, so `search.js` leaves
    /// it out of snippets.
    pub(super) fn key(&mut self, key: &str) {
        self.start_word();
        self.out.push_str(key);
        self.hide();
    }

    /// Marks the word just written as not shown: its separators start with
    /// an empty code.
    fn hide(&mut self) {
        self.out.push(SEP_START);
        self.out.push(SEP_END);
        self.seps = true;
    }

    /// How many words were written so far.
    pub(super) fn count(&self) -> u64 {
        self.count
    }

    /// The words, separated by spaces.
    pub(super) fn finish(self) -> String {
        self.out
    }

    fn start_word(&mut self) {
        if self.open {
            self.out.push(' ');
        }
        self.open = true;
        self.seps = false;
        self.count += 1;
    }

    fn flush(&mut self, han: &mut Vec<char>, latin: &mut String) {
        for w in 0..han.len() {
            self.start_word();
            push_pair(han[w], han.get(w + 1).copied(), &mut self.out);
            if self.unshown {
                self.hide();
            }
        }
        han.clear();
        if !latin.is_empty() {
            self.start_word();
            self.out.push_str(latin);
            latin.clear();
            if self.unshown {
                self.hide();
            }
        }
    }

    fn sep(&mut self, c: char) {
        if !self.open || self.unshown {
            return;
        }
        if !self.seps {
            self.out.push(SEP_START);
            self.seps = true;
        }
        for digit in format!("{:x}", c as u32).bytes() {
            let d = (digit as char).to_digit(16).unwrap_or(0) as usize;
            self.out.push(SEP_DIGITS[d] as char);
        }
        self.out.push(SEP_END);
    }
}

/// Starts every word the index makes up: pairs and keys. A letter no word
/// of a page or a query starts with ([`Words::text`] and `search.js` read it
/// as a separator).
pub(super) const MARK: char = '\u{2A0}';
/// The letters of a code, a digit each.
const LETTERS: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";
/// How many first letters three-letter codes have (`a` to `w`); `x` starts
/// the four-letter codes of the Basic Multilingual Plane, `y` the
/// five-letter ones beyond it, `z` a key.
const SHORT: u32 = 23;
/// The Basic Multilingual Plane ranges of [`is_han`], in the order they
/// are numbered: (first code point, last, first number). The unified
/// ideographs first, so most characters of a Chinese text have a
/// three-letter code.
const BMP: [(u32, u32, u32); 4] = [
    (0x4E00, 0x9FFF, 0),
    (0x3007, 0x3007, 20992),
    (0x3400, 0x4DBF, 20993),
    (0xF900, 0xFAFF, 27585),
];
/// The first code point with a five-letter code.
const BEYOND: u32 = 0x20000;

/// Appends `n` as `len` letters, most significant first.
fn push_letters(n: u32, len: u32, out: &mut String) {
    for i in (0..len).rev() {
        out.push(LETTERS[(n / 26u32.pow(i) % 26) as usize] as char);
    }
}

/// Appends the code of a Han character (see the module's notes).
fn push_code(c: char, out: &mut String) {
    let c = c as u32;
    if let Some((from, _, at)) = BMP.iter().find(|(from, to, _)| (*from..=*to).contains(&c)) {
        let n = at + c - from;
        if n < SHORT * 676 {
            push_letters(n, 3, out);
        } else {
            out.push('x');
            push_letters(n - SHORT * 676, 3, out);
        }
    } else {
        out.push('y');
        push_letters(c.saturating_sub(BEYOND), 4, out);
    }
}

/// The word of a Han pair, or of a run's last character.
fn push_pair(first: char, second: Option<char>, out: &mut String) {
    out.push(MARK);
    push_code(first, out);
    if let Some(c) = second {
        push_code(c, out);
    }
}

/// Digits as letters, `a` for 0 to `j` for 9.
fn push_digits(digits: &str, out: &mut String) {
    for d in digits.bytes().filter(u8::is_ascii_digit) {
        out.push((b'a' + d - b'0') as char);
    }
}

/// The character of the code at the start of `code`, and what follows it.
#[cfg(test)]
fn read_code(code: &str) -> Option<(char, &str)> {
    let number = |letters: &str| {
        letters.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_lowercase().then(|| n * 26 + u32::from(b - b'a'))
        })
    };
    let (n, rest) = match code.as_bytes().first()? {
        b'y' => {
            let c = char::from_u32(BEYOND + number(code.get(1..5)?)?)?;
            return is_han(c).then_some((c, &code[5..]));
        }
        b'x' => (SHORT * 676 + number(code.get(1..4)?)?, &code[4..]),
        _ => (number(code.get(..3)?)?, &code[3..]),
    };
    let (from, _, at) = BMP
        .iter()
        .find(|(from, to, at)| (*at..=at + (to - from)).contains(&n))?;
    Some((char::from_u32(from + n - at)?, rest))
}

/// The characters a pair word stands for (`ʠsyjjbj` → 老旧).
#[cfg(test)]
fn pair_chars(word: &str) -> Option<String> {
    let (first, rest) = read_code(word.strip_prefix(MARK)?)?;
    if rest.is_empty() {
        return Some(first.to_string());
    }
    let (second, rest) = read_code(rest)?;
    rest.is_empty().then(|| [first, second].iter().collect())
}

/// The words of a query group, as `search.js` makes them: a Han run's pairs
/// (its one character when it has one, and its last character too when
/// more words follow), letter and digit runs lower-cased.
#[cfg(test)]
pub(super) fn query_words(text: &str) -> Vec<String> {
    let norm: Vec<char> = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < norm.len() {
        if is_han(norm[i]) {
            let start = i;
            while i < norm.len() && is_han(norm[i]) {
                i += 1;
            }
            if i - start == 1 {
                let mut w = String::new();
                push_pair(norm[start], None, &mut w);
                words.push(w);
            }
            for w in start..i.saturating_sub(1) {
                let mut word = String::new();
                push_pair(norm[w], Some(norm[w + 1]), &mut word);
                words.push(word);
            }
            // The index gives every run its last character too: a run that
            // more words follow needs it in the phrase (街道2022).
            let more = norm[i..]
                .iter()
                .any(|&c| is_han(c) || (c.is_alphanumeric() && c != MARK));
            if i - start > 1 && more {
                let mut w = String::new();
                push_pair(norm[i - 1], None, &mut w);
                words.push(w);
            }
        } else if norm[i].is_alphanumeric() && norm[i] != MARK {
            let start = i;
            while i < norm.len() && norm[i].is_alphanumeric() && norm[i] != MARK && !is_han(norm[i])
            {
                i += 1;
            }
            words.push(norm[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    words
}

/// The groups of a query, as `search.js` (groupsOf) cuts it before
/// [`query_words`]: at spaces, and at punctuation next to a Han character
/// (`垃圾，分类` is `垃圾` and `分类`, each to be found, as with a space);
/// punctuation between letters or digits stays in its group (`PM2.5`,
/// `7:00`), where the index holds the run as a phrase.
#[cfg(test)]
pub(super) fn query_groups(text: &str) -> Vec<String> {
    let word = |c: char| is_han(c) || (c.is_alphanumeric() && c != MARK);
    let latin = |c: Option<&char>| c.is_some_and(|&c| word(c) && !is_han(c));
    let norm: Vec<char> = text.nfkc().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < norm.len() {
        if word(norm[i]) || norm[i].is_whitespace() {
            out.push(norm[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < norm.len() && !word(norm[i]) && !norm[i].is_whitespace() {
            i += 1;
        }
        let before = start.checked_sub(1).and_then(|b| norm.get(b));
        if latin(before) && latin(norm.get(i)) {
            out.extend(&norm[start..i]);
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().map(str::to_string).collect()
}

/// The index words of `text`, without their separators, lower-cased as
/// the index holds them.
#[cfg(test)]
pub(super) fn words(text: &str) -> String {
    let mut w = Words::default();
    w.text(text);
    w.finish()
        .split_whitespace()
        .map(|w| w.split(SEP_START).next().unwrap_or(""))
        .map(|w| pair_chars(w).unwrap_or_else(|| w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text the words of [`Words`] stand for, as `search.js` shows a
/// snippet: each pair word gives its first character, every word its
/// separators.
#[cfg(test)]
pub(super) fn shown(words: &str) -> String {
    let mut out = String::new();
    for w in words.split(' ').filter(|w| !w.is_empty()) {
        let (head, seps) = w.split_once(SEP_START).unwrap_or((w, ""));
        // A key's separators start with an empty code: the key is not shown.
        if let Some(rest) = seps.strip_prefix(SEP_END) {
            out.push_str(&decode_seps(rest));
            continue;
        }
        match pair_chars(head) {
            Some(pair) => out.extend(pair.chars().next()),
            None => out.push_str(head),
        }
        out.push_str(&decode_seps(seps));
    }
    out
}

/// The separator characters coded in `seps`.
#[cfg(test)]
fn decode_seps(seps: &str) -> String {
    let mut out = String::new();
    for code in seps.split(SEP_END).filter(|c| !c.is_empty()) {
        let hex: String = code
            .bytes()
            .filter_map(|b| SEP_DIGITS.iter().position(|&d| d == b))
            .map(|d| char::from_digit(d as u32, 16).unwrap_or('0'))
            .collect();
        if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
            out.push(c);
        }
    }
    out
}

/// A 文号 cut into its parts: issuer code, year and number
/// (`大街办发〔2024〕3号` → `大街办发`, 2024, 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocNo {
    /// The issuing agency's code (机关代字), e.g. 大街办发.
    pub(crate) issuer: String,
    /// The year in the brackets.
    pub(crate) year: u16,
    /// The serial number.
    pub(crate) number: u32,
}

impl DocNo {
    /// Reads a 文号 written with any of the brackets people type
    /// (〔〕 [] （） () 【】 ［］ ﹝﹞), with 年 after the year, with 第 before
    /// the number, spaced, or with no brackets at all. A 文 or 文件 after
    /// it (`大街办通〔2022〕7号文`, as people say it) is not part of it.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        static SHAPE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"^(\S+?) *((?:19|20|21)\d\d) *(\d{1,6})$").ok()
        });
        let spaced: String = text
            .nfkc()
            .map(|c| match c {
                '〔' | '〕' | '[' | ']' | '(' | ')' | '【' | '】' | '﹝' | '﹞' | '〖' | '〗'
                | '年' | '第' => ' ',
                c if c.is_whitespace() => ' ',
                c => c,
            })
            .collect();
        let spaced = spaced.trim();
        let spaced = spaced
            .strip_suffix("文件")
            .or_else(|| spaced.strip_suffix('文'))
            .map(str::trim_end)
            .filter(|s| s.ends_with('号'))
            .unwrap_or(spaced);
        let spaced = spaced.strip_suffix('号')?.trim_end();
        let caps = SHAPE.as_ref()?.captures(spaced)?;
        let issuer = caps.get(1)?.as_str().to_string();
        let ok =
            issuer.chars().any(is_han) && issuer.chars().all(|c| is_han(c) || c.is_alphanumeric());
        ok.then_some(Self {
            issuer,
            year: caps.get(2)?.as_str().parse().ok()?,
            number: caps.get(3)?.as_str().parse().ok()?,
        })
    }

    /// The one word the index holds for this 文号: `ʠzw`, the year and the
    /// number as letters (`a` for 0 to `j` for 9), `k`, then the issuer's
    /// characters (a Han character's code; `z` and four letters of the code
    /// point for any other). Letters only, so the index keeps it whole;
    /// `search.js` makes the same word.
    pub(crate) fn key(&self) -> String {
        let mut key = String::from(MARK);
        key.push_str("zw");
        push_digits(&self.year.to_string(), &mut key);
        push_digits(&self.number.to_string(), &mut key);
        key.push('k');
        for c in self.issuer.chars() {
            if is_han(c) {
                push_code(c, &mut key);
            } else {
                key.push('z');
                push_letters(c as u32, 4, &mut key);
            }
        }
        key
    }
}

/// The index word of a 文号, when `text` reads as one.
pub(crate) fn doc_no_key(text: &str) -> Option<String> {
    DocNo::parse(text).map(|d| d.key())
}

/// The index word of a 索引号 (`014314799/2022-00047`): `ʠzs` and its
/// letters and digits, a digit as a letter (`a` for 0 to `j` for 9), a
/// letter lower-cased after `k`; `None` when it has too few to be one.
pub(crate) fn index_no_key(text: &str) -> Option<String> {
    let kept: String = text
        .nfkc()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let has_sep = text.nfkc().any(|c| matches!(c, '/' | '-' | '—' | '－'));
    if kept.len() < 8 || !has_sep || !kept.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut key = String::from(MARK);
    key.push_str("zs");
    for c in kept.chars() {
        if c.is_ascii_digit() {
            push_digits(c.encode_utf8(&mut [0; 4]), &mut key);
        } else {
            key.push('k');
            key.push(c);
        }
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_show_the_text_again() {
        for text in [
            "根据《江川区城镇老旧小区改造实施方案（2021—2023年）》，经居民意愿征询。",
            "PM2.5浓度，电话0000-12345678；邮箱dajie@example.gov.cn，２０２２年",
            "一、总体情况\n（一）主动公开",
        ] {
            let mut w = Words::default();
            w.text(text);
            let out = w.finish();
            let digits_half_width: String = text
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .collect();
            assert_eq!(shown(&out), digits_half_width, "{out}");
            assert!(!out.contains(['<', '>', '&', '"', '\'', '_', '.']), "{out}");
        }
    }

    /// Every character that is indexed in pairs has a code that reads
    /// back as it, and no code starts another: the one-character prefix
    /// finds exactly the pairs that start with that character.
    #[test]
    fn every_han_code_reads_back_and_none_starts_another() {
        let hans: Vec<char> = (0..=0x3134F)
            .filter_map(char::from_u32)
            .filter(|c| is_han(*c))
            .collect();
        let mut codes = std::collections::HashSet::new();
        for &c in &hans {
            let mut w = String::new();
            push_pair(c, None, &mut w);
            assert_eq!(pair_chars(&w), Some(c.to_string()), "{w}");
            let code = w.strip_prefix(MARK).unwrap_or_default();
            assert!((3..=5).contains(&code.len()), "{w}");
            assert!(code.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(!code.starts_with('z'), "{w}");
            assert!(codes.insert(code.to_string()), "{w}");
        }
        for code in &codes {
            for n in 1..code.len() {
                assert!(!codes.contains(&code[..n]), "{code}");
            }
        }
        let mut w = String::new();
        push_pair('\u{20000}', Some('区'), &mut w);
        assert_eq!(pair_chars(&w), Some("\u{20000}区".to_string()));
        assert_eq!(pair_chars("qian"), None);
        assert_eq!(pair_chars("quan"), None);
    }

    #[test]
    fn a_query_is_the_phrase_of_the_words_the_text_holds() {
        let readable = |q: &str| -> Vec<String> {
            query_words(q)
                .iter()
                .map(|w| pair_chars(w).unwrap_or_else(|| w.clone()))
                .collect()
        };
        assert_eq!(query_words("老旧"), ["ʠsyjjbj"]);
        assert_eq!(query_words("区"), ["ʠbzm"]);
        assert_eq!(readable("老旧小区"), ["老旧", "旧小", "小区"]);
        assert_eq!(readable("PM2.5"), ["pm2", "5"]);
        assert_eq!(readable("2022年老旧"), ["2022", "年老", "老旧"]);
        // The index words of a text, as a phrase query is matched in them.
        let indexed = |s: &str| -> String {
            let mut w = Words::default();
            w.text(s);
            w.finish()
                .split(' ')
                .map(|w| w.split(SEP_START).next().unwrap_or("").to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Han text followed by digits: the run's last character between.
        assert_eq!(readable("街道2022"), ["街道", "道", "2022"]);
        let street = indexed("大街街道2022年");
        let q = query_words("街道2022").join(" ");
        assert!(street.contains(&q), "{street} / {q}");
        let text = indexed("在2022年老旧小区改造中");
        let q = query_words("2022年老旧小区").join(" ");
        assert!(text.contains(&q), "{text} / {q}");
        // One character is a prefix of exactly the pairs that start with it.
        let nian = &query_words("年")[0];
        assert_eq!(nian, "ʠgga");
        assert!(
            text.split(' ')
                .filter(|w| w.starts_with(nian.as_str()))
                .count()
                == 1,
            "{text}"
        );
    }

    /// The words the index makes up are `ʠ` and lowercase letters (what
    /// rides after them is punctuation): Pagefind finds no piece of them,
    /// and no typed word of letters or digits is the start of one.
    #[test]
    fn made_up_words_are_the_mark_and_letters_only() {
        let mut w = Words::default();
        w.text("大街办发〔2024〕3号，老旧小区改造（2021—2023年）。𠀀区");
        w.brk();
        w.key(&doc_no_key("大街办发〔2024〕3号").unwrap_or_default());
        w.key(&index_no_key("014314799/2022-00047").unwrap_or_default());
        let out = w.finish();
        let mut made_up = 0;
        for word in out.split(' ') {
            let head = word.split(SEP_START).next().unwrap_or("");
            if let Some(code) = head.strip_prefix(MARK) {
                made_up += 1;
                assert!(
                    !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase()),
                    "{word}"
                );
            } else {
                assert!(!head.contains(MARK), "{word}");
            }
        }
        assert!(made_up > 10, "{out}");
        // The mark in a page's text is a separator, as in a query.
        assert_eq!(words("aʠb"), "a b");
        assert_eq!(query_words("aʠb"), ["a", "b"]);
    }

    /// Punctuation next to Chinese separates words, as a space does, so
    /// `垃圾，分类` finds 垃圾分类 and 垃圾、分类 alike; between letters or
    /// digits it stays, and the group is the phrase the index holds.
    #[test]
    fn punctuation_next_to_chinese_separates_the_groups_of_a_query() {
        assert_eq!(query_groups("垃圾，分类"), ["垃圾", "分类"]);
        assert_eq!(query_groups("疫情、防控"), ["疫情", "防控"]);
        assert_eq!(query_groups("垃圾分类，老旧小区"), ["垃圾分类", "老旧小区"]);
        assert_eq!(query_groups("“安全生产月”活动"), ["安全生产月", "活动"]);
        assert_eq!(
            query_groups("大街办发〔2024〕3号"),
            ["大街办发", "2024〕3号"]
        );
        for kept in [
            "PM2.5",
            "7:00",
            "2245.80",
            "014314799/2022-00047",
            "example.gov.cn",
        ] {
            assert_eq!(query_groups(kept), [kept]);
        }
        assert_eq!(query_groups("7：00"), ["7:00"]);
        assert_eq!(query_groups("85.00万元"), ["85.00万元"]);
        assert_eq!(query_groups(" 老旧 小区 "), ["老旧", "小区"]);
        assert_eq!(query_groups("，。"), Vec::<String>::new());
        // Each group's words are found in the text, wherever it has
        // punctuation or none between them.
        for text in ["垃圾分类", "垃圾，分类", "垃圾、分类"] {
            let indexed = words(text);
            for group in query_groups("垃圾，分类") {
                let q = query_words(&group)
                    .iter()
                    .map(|w| pair_chars(w).unwrap_or_else(|| w.clone()))
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(indexed.contains(&q), "{text}: {indexed} / {q}");
            }
        }
    }

    #[test]
    fn parts_are_apart_and_keys_are_hidden() {
        let mut w = Words::default();
        w.text("标题");
        w.brk();
        w.key("wh1y2024n3");
        w.brk();
        w.text("（一）正文");
        assert_eq!(shown(&w.finish()), "标题\n\n（一）正文");
    }

    #[test]
    fn unshown_words_are_found_but_not_shown() {
        let mut w = Words::default();
        w.text("正文。");
        w.brk();
        w.unshown("大街街道，2021-04-26");
        let out = w.finish();
        assert_eq!(shown(&out), "正文。\n");
        let indexed: Vec<&str> = out
            .split(' ')
            .map(|w| w.split(SEP_START).next().unwrap_or(""))
            .collect();
        let q = query_words("2021-04-26");
        assert!(indexed.join(" ").contains(&q.join(" ")), "{out}");
        let q = query_words("大街街道");
        assert!(indexed.join(" ").contains(&q.join(" ")), "{out}");
    }

    #[test]
    fn han_runs_become_pairs_and_their_last_character() {
        assert_eq!(words("老旧小区"), "老旧 旧小 小区 区");
        assert_eq!(words("区"), "区");
        assert_eq!(words("垃圾分类，宣传"), "垃圾 圾分 分类 类 宣传 传");
    }

    #[test]
    fn letters_and_digits_are_runs_lower_cased_after_nfkc() {
        assert_eq!(words("PM2.5浓度"), "pm2 5 浓度 度");
        assert_eq!(words("２０２２年"), "2022 年");
        assert_eq!(words("电话0000-12345678"), "电话 话 0000 12345678");
    }

    #[test]
    fn doc_numbers_in_every_bracket_style_give_one_key() {
        let want = DocNo::parse("大街办发〔2024〕3号");
        assert_eq!(
            want,
            Some(DocNo {
                issuer: "大街办发".into(),
                year: 2024,
                number: 3
            })
        );
        for typed in [
            "大街办发[2024]3号",
            "大街办发（2024）3号",
            "大街办发(2024)3号",
            "大街办发【2024】3号",
            "大街办发［2024］3号",
            "大街办发2024年3号",
            "大街办发〔2024年〕第3号",
            "大街办发〔2024〕3号文",
            "大街办发〔2024〕3号文件",
            "大街办发〔2024〕3号 文件",
            "大街办发 2024 3号",
            "大街办发20243号",
            " 大街办发 〔 2024 〕 03 号 ",
        ] {
            assert_eq!(DocNo::parse(typed), want, "{typed}");
        }
        assert_eq!(
            doc_no_key("大街办发〔2024〕3号").as_deref(),
            Some("ʠzwcacedkefvwclbtmcfh")
        );
        // The year and number come first, ended by `k`: another issuer, year
        // or number gives another word.
        assert_ne!(
            doc_no_key("大街办发〔2024〕31号"),
            doc_no_key("大街办发〔2024〕3号")
        );
        assert_ne!(
            doc_no_key("X办发〔2024〕3号"),
            doc_no_key("大街办发〔2024〕3号")
        );
    }

    #[test]
    fn what_is_not_a_doc_number() {
        for text in [
            "3号",
            "2024年3号",
            "老旧小区",
            "〔2024〕3号",
            "大街办发〔24〕3号",
            "大街办发〔2024〕3文",
            "大街办发〔2024〕3号文号",
        ] {
            assert_eq!(DocNo::parse(text), None, "{text}");
        }
    }

    #[test]
    fn index_numbers() {
        assert_eq!(
            index_no_key("014314799/2022-00047").as_deref(),
            Some("ʠzsabedbehjjcaccaaaeh")
        );
        assert_eq!(
            index_no_key(" 014314799／2022－00047 "),
            index_no_key("014314799/2022-00047")
        );
        assert_eq!(
            index_no_key("AB12-2022-0003").as_deref(),
            Some("ʠzskakbbccaccaaad")
        );
        assert_eq!(index_no_key("2022"), None);
        assert_eq!(index_no_key("老旧小区"), None);
    }
}
