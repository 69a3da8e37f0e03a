//! The figures read out of prose (matches, Chinese numerals, several in
//! one sentence, and the figures that must not be attributed), and the
//! check on whole report files: the examples (clean, and the attributions
//! they exercise) and copies with one figure changed.

use super::phrases::Quantity;
use super::{check, figures};
use crate::diag::Severity;
use crate::report::edition::{Part4Role, ResultKind, Role};
use crate::report::tests::{Y2020, Y2021, Y2022, edit, line_of, report};

const RECEIVED: Quantity = Quantity::Part3(Role::Received);
const CARRIED_IN: Quantity = Quantity::Part3(Role::CarriedIn);
const NEW_AND_CARRIED_IN: Quantity = Quantity::NewAndCarriedIn;
const HANDLED: Quantity = Quantity::Part3(Role::ResultTotal);
const CARRIED_OUT: Quantity = Quantity::Part3(Role::CarriedOut);
const REVIEW: Quantity = Quantity::Part4(Part4Role::Review);
const LITIGATION: Quantity = Quantity::Part4(Part4Role::Litigation);

fn result(kind: ResultKind) -> Quantity {
    Quantity::Part3(Role::Result(kind))
}

/// (quantity, value) of every figure `text` attributes, for a report of `year`.
fn found(text: &str, year: i32) -> Vec<(Quantity, i64)> {
    figures(text, year)
        .into_iter()
        .map(|f| (f.quantity, f.value))
        .collect()
}

#[test]
fn several_figures_in_one_sentence() {
    assert_eq!(
        found(
            "2021年共收到政府信息公开申请26件，其中予以公开9件、部分公开2件、不予公开3件、无法提供5件、不予处理1件、其他处理2件，办结22件，结转下年度继续办理4件。",
            2021
        ),
        [
            (RECEIVED, 26),
            (result(ResultKind::Granted), 9),
            (result(ResultKind::Partial), 2),
            (result(ResultKind::Withheld), 3),
            (result(ResultKind::Unavailable), 5),
            (result(ResultKind::NotHandled), 1),
            (result(ResultKind::Other), 2),
            (HANDLED, 22),
            (CARRIED_OUT, 4),
        ]
    );
}

#[test]
fn chinese_numerals_and_full_width_digits() {
    assert_eq!(
        found(
            "全年收到申请十二件，办结两件；受理政府信息公开申请２６件。",
            2021
        ),
        [(RECEIVED, 12), (HANDLED, 2), (RECEIVED, 26)]
    );
    assert_eq!(
        found(
            "因政府信息公开被申请行政复议一起，被提起行政诉讼两起。",
            2021
        ),
        [(REVIEW, 1), (LITIGATION, 2)]
    );
}

#[test]
fn wordings_of_real_reports() {
    assert_eq!(
        found(
            "2021年，我局共收到政府信息公开申请26件（其中，自然人申请20件，法人或其他组织申请6件），上年结转2件。",
            2021
        ),
        [(RECEIVED, 26), (CARRIED_IN, 2)]
    );
    assert_eq!(
        found(
            "截至2021年12月31日，全年共受理依申请公开11件，作出不予公开决定3件、予以公开答复8件。",
            2021
        ),
        [
            (RECEIVED, 11),
            (result(ResultKind::Withheld), 3),
            (result(ResultKind::Granted), 8)
        ]
    );
    assert_eq!(
        found("结转下一年度继续办理的申请1件，转入2022年办理2件。", 2021),
        [(CARRIED_OUT, 1), (CARRIED_OUT, 2)]
    );
    assert_eq!(
        found("街道2020年没有受理政府信息申请情况。", 2020),
        [(RECEIVED, 0)]
    );
    assert_eq!(
        found("全年未发生因政府信息公开引起的行政复议和行政诉讼。", 2021),
        [(REVIEW, 0), (LITIGATION, 0)]
    );
}

#[test]
fn years_in_the_phrase_must_be_the_neighbouring_ones() {
    let text = "全年新收政府信息公开申请6件，加上2021年结转的1件，共办结6件，1件结转至2023年办理。";
    assert_eq!(
        found(text, 2022),
        [
            (RECEIVED, 6),
            (CARRIED_IN, 1),
            (HANDLED, 6),
            (CARRIED_OUT, 1)
        ]
    );
    // In a 2021 report the same years are another year's: nothing is
    // attributed but the figures of clauses naming no year.
    assert_eq!(found(text, 2021), [(RECEIVED, 6), (HANDLED, 6)]);
    assert_eq!(
        found("上年结转申请2件，3件转入下一年度。", 2021),
        [(CARRIED_IN, 2), (CARRIED_OUT, 3)]
    );
}

#[test]
fn words_saying_none_are_a_zero() {
    assert_eq!(
        found(
            "2020年街道未收到政府信息公开申请，也没有作出不予公开决定的情形。",
            2020
        ),
        [(RECEIVED, 0)]
    );
    // Each kind a list of them names: 、 does not end the words saying none.
    for text in [
        "本年度未发生政府信息公开行政复议、行政诉讼案件。",
        "全年未发生政府信息公开行政复议、行政诉讼案件。",
        "无政府信息公开行政复议、行政诉讼情况。",
        "没有发生行政诉讼或行政复议。",
        "未发生因政府信息公开申请引发的行政复议、行政诉讼。",
    ] {
        let mut got = found(text, 2021);
        got.sort_by_key(|(q, _)| *q == LITIGATION);
        assert_eq!(got, [(REVIEW, 0), (LITIGATION, 0)], "{text}");
    }
    assert_eq!(
        found("没有因政府信息公开被提起行政诉讼。", 2021),
        [(LITIGATION, 0)]
    );
    assert_eq!(
        found("未收到政府信息公开行政复议申请。", 2021),
        [(REVIEW, 0)]
    );
    // None of one outcome is not none at all; a list with a figure is
    // read as before (行政诉讼0起 alone).
    assert_eq!(found("未发生行政复议、行政诉讼败诉的情况。", 2021), []);
    assert_eq!(found("未发生行政复议被纠正的情况。", 2021), []);
    assert_eq!(
        found("被申请行政复议、行政诉讼案件0起。", 2021),
        [(LITIGATION, 0)]
    );
    assert_eq!(found("未收到申请人的补正材料。", 2021), []);
}

#[test]
fn a_total_its_brackets_split_into_new_and_carried_in_is_their_sum() {
    for text in [
        "全年共收到政府信息公开申请7件（其中本年新收6件，上年结转1件）。",
        "共受理政府信息公开申请7件（含新收6件、2021年结转1件）。",
        "收到政府信息公开申请7件(上年结转1件，本年新收6件)。",
    ] {
        let got = found(text, 2022);
        assert_eq!(got.first(), Some(&(NEW_AND_CARRIED_IN, 7)), "{text}");
    }
    // Not a split of the total: one part only, another year's carried in,
    // a part of the applicants.
    for text in [
        "收到政府信息公开申请27件（含上年结转1件）。",
        "共收到政府信息公开申请7件（其中新收6件、2020年结转1件）。",
        "共收到政府信息公开申请7件（其中自然人6件，法人1件）。",
    ] {
        let got = found(text, 2022);
        assert!(
            got.iter().all(|(q, _)| *q != NEW_AND_CARRIED_IN),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_split_total_that_differs_names_both_rows() {
    let said = |figure: &str| {
        let text = edit(
            Y2022,
            "全年新收政府信息公开申请6件，加上2021年结转的1件，",
            &format!("全年共收到政府信息公开申请{figure}件（其中本年新收6件，上年结转1件），"),
        );
        let (_, diags) = report("2022.yaml", &text);
        diags
            .iter()
            .filter(|d| d.code.id == "report.narrative")
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(said("7"), Vec::<String>::new());
    assert_eq!(
        said("8"),
        [
            "一、总体情况（二）依申请公开：「全年共收到政府信息公开申请8件」写的是 8，但表格中一、本年新收政府信息公开申请数量、二、上年结转政府信息公开申请数量各行「总计」栏之和是 7"
        ]
    );
}

#[test]
fn part2_counts_by_edition_wording() {
    assert_eq!(
        found(
            "本年制发行政规范性文件2件，废止规章1件，现行有效的规范性文件共4件。",
            2021
        ),
        [
            (
                Quantity::Part2 {
                    rows: &["行政规范性文件", "规范性文件"],
                    columns: &["本年制发件数", "本年新制作数量"],
                },
                2
            ),
            (
                Quantity::Part2 {
                    rows: &["规章"],
                    columns: &["本年废止件数"],
                },
                1
            ),
            (
                Quantity::Part2 {
                    rows: &["行政规范性文件", "规范性文件"],
                    columns: &["现行有效件数"],
                },
                4
            ),
        ]
    );
}

#[test]
fn figures_that_are_not_the_quantity_are_left_alone() {
    for text in [
        // dates, years, percentages, phone numbers, ordinals
        "报告于2022年1月28日公开，咨询电话0791-12345678。",
        "2021年的依申请公开答复按时办结率100%。",
        "第1季度收到政府信息公开申请3件。",
        "收到的第3件申请予以公开。",
        // another year, a change, an estimate, a running total
        "2021年收到政府信息公开申请4件。",
        "与2021年相比，收到政府信息公开申请6件。",
        "收到申请比上年增加3件。",
        "收到政府信息公开申请同比增长3件。",
        "收到政府信息公开申请约20件。",
        "收到政府信息公开申请20余件。",
        "收到政府信息公开申请20件以上。",
        "2019年以来累计收到申请30件。",
        "1-6月收到政府信息公开申请3件。",
        "1月至6月，收到政府信息公开申请3件。",
        // 办理 may take in last year's: only 办结 is the total handled
        "受理并办理政府信息公开申请26件。",
        // the total includes a part named after it
        "予以公开9件（含部分公开2件）。",
        // a part of the whole
        "其中网上收到申请3件。",
        "其中收到政府信息公开申请3件。",
        "收到申请和咨询50件，其中，收到政府信息公开申请26件。",
        "通过政府网站收到政府信息公开申请20件。",
        "收到自然人申请3件。",
        "收到政府信息公开申请27件（含上年结转1件）。",
        "行政复议结果维持1起。",
        "复议后起诉的行政诉讼1起。",
        // two quantities claim one figure
        "收到申请3件予以公开。",
        // no phrase at all
        "全年发布信息182条，其中政策解读12条，组织培训2次，一是加强领导。",
    ] {
        let year = 2022;
        let got: Vec<_> = figures(text, year)
            .into_iter()
            .filter(|f| f.quantity != CARRIED_IN && f.quantity != result(ResultKind::Partial))
            .collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // The one figure of a 含 clause that is attributed is its own.
    assert_eq!(
        found("予以公开9件（含部分公开2件）。", 2022),
        [(result(ResultKind::Partial), 2)]
    );
    assert_eq!(
        found("收到政府信息公开申请27件（含上年结转1件）。", 2022),
        [(CARRIED_IN, 1)]
    );
}

#[test]
fn a_cell_the_edition_lacks_is_not_compared() {
    // 本年新公开数量 is a column of the 2019 edition only.
    let [(q, 0)] = found("主动公开规章0件。", 2021)[..] else {
        panic!("not attributed");
    };
    let (r2020, _) = report("2020.yaml", Y2020);
    let (r2021, _) = report("2021.yaml", Y2021);
    assert_eq!(
        super::cell(r2020.data(), q),
        Some(("第二十条第（一）项 规章「本年新公开数量」栏".to_string(), 0))
    );
    assert_eq!(super::cell(r2021.data(), q), None);
}

#[test]
fn lines_of_a_paragraph_are_joined_and_offsets_kept() {
    let text = "全年收到政府信息\n公开申请4件，\n\n1. 办结3件。\n";
    let got = figures(text, 2021);
    let at: Vec<(&str, &str)> = got
        .iter()
        .map(|f| (&text[f.at..f.at + 1], f.clause.as_str()))
        .collect();
    assert_eq!(
        at,
        [("4", "全年收到政府信息公开申请4件"), ("3", "1. 办结3件")]
    );
    // A new paragraph ends a sentence: no phrase reaches across it.
    assert_eq!(found("收到政府信息公开申请\n\n4件", 2021), []);
}

#[test]
fn example_reports_quote_their_tables() {
    let overview = |text: &str, name: &str| {
        let (r, diags) = report(name, text);
        let narrative: Vec<_> = diags
            .iter()
            .filter(|d| d.code.id == "report.narrative")
            .collect();
        assert!(narrative.is_empty(), "{name}: {narrative:#?}");
        let d = r.data();
        let mut out = Vec::new();
        for p in [&d.overview, &d.problems, &d.other] {
            for (_, s) in &p.sections {
                for f in figures(s, r.year()) {
                    let cell = super::cell(d, f.quantity).map(|(_, v)| v);
                    out.push((f.quantity, f.value, cell));
                }
            }
        }
        out
    };
    assert_eq!(overview(Y2020, "2020.yaml"), [(RECEIVED, 0, Some(0))]);
    assert_eq!(
        overview(Y2021, "2021.yaml"),
        [
            (RECEIVED, 4, Some(4)),
            (HANDLED, 3, Some(3)),
            (result(ResultKind::Granted), 2, Some(2)),
            (result(ResultKind::Unavailable), 1, Some(1)),
            (CARRIED_OUT, 1, Some(1)),
            (REVIEW, 1, Some(1)),
        ]
    );
    assert_eq!(
        overview(Y2022, "2022.yaml"),
        [
            (RECEIVED, 6, Some(6)),
            (CARRIED_IN, 1, Some(1)),
            (HANDLED, 6, Some(6)),
            (result(ResultKind::Granted), 4, Some(4)),
            (result(ResultKind::Partial), 1, Some(1)),
            (result(ResultKind::NotHandled), 1, Some(1)),
            (CARRIED_OUT, 1, Some(1)),
            (LITIGATION, 1, Some(1)),
        ]
    );
}

#[test]
fn a_figure_that_differs_is_a_warning_at_the_figure() {
    let text = edit(
        Y2021,
        "全年收到政府信息公开申请4件",
        "全年收到政府信息公开申请5件，办结三件，1件结转至2022年办理。",
    );
    let (_, diags) = report("2021.yaml", &text);
    let line = line_of(&text, "全年收到政府信息公开申请5件");
    let warnings: Vec<String> = diags
        .iter()
        .filter(|d| d.code.id == "report.narrative")
        .inspect(|d| assert_eq!(d.severity, Severity::Warning))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [format!(
            "content/ndbg/2021.yaml:{line}:17: 警告: 一、总体情况（二）依申请公开：「全年收到政府信息公开申请5件」写的是 5，但表格中一、本年新收政府信息公开申请数量「总计」栏是 4"
        )]
    );
}

#[test]
fn group_sums_and_part4_are_named_by_their_rows() {
    let text = edit(
        Y2022,
        "全年新收政府信息公开申请6件",
        "全年新收政府信息公开申请6件，不予处理2件，被提起行政诉讼2起。",
    );
    let (_, diags) = report("2022.yaml", &text);
    let line = line_of(&text, "不予处理2件");
    let warnings: Vec<String> = diags
        .iter()
        .filter(|d| d.code.id == "report.narrative")
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            format!(
                "content/ndbg/2022.yaml:{line}:24: 警告: 一、总体情况（二）依申请公开：「不予处理2件」写的是 2，但表格中三、本年度办理结果（五）不予处理各行「总计」栏之和是 1"
            ),
            format!(
                "content/ndbg/2022.yaml:{line}:34: 警告: 一、总体情况（二）依申请公开：「被提起行政诉讼2起」写的是 2，但表格中行政诉讼 未经复议直接起诉、行政诉讼 复议后起诉各行「总计」栏之和是 1"
            ),
        ]
    );
}

#[test]
fn a_value_on_the_line_of_its_key_points_at_the_figure() {
    let text = Y2021.replace(
        "  （二）依申请公开: |\n    全年收到政府信息公开申请4件，办结3件，其中予以公开2件、无法提供1件；1件结转至2022年办理。\n    因政府信息公开被申请行政复议1起，复议机关维持了原答复。\n",
        "  （二）依申请公开: 全年收到政府信息公开申请５件。\n",
    );
    assert_ne!(text, Y2021);
    let (r, _) = report("2021.yaml", &text);
    let root = crate::report::yaml::parse(&text).expect("yaml");
    let found = check(&text, &root, r.data(), 2021);
    let line = line_of(&text, "全年收到政府信息公开申请５件");
    // Two spaces, the key (8 characters) and `: ` come before the value;
    // 12 characters of it before the figure.
    let at: Vec<(u32, u32)> = found.iter().map(|m| (m.pos.line, m.pos.col)).collect();
    assert_eq!(at, [(line, 2 + 8 + 2 + 12 + 1)]);
}

#[test]
fn a_value_not_written_line_by_line_points_at_the_value() {
    let text = edit(Y2021, "（二）依申请公开: |", "（二）依申请公开: >-");
    let text = edit(
        &text,
        "全年收到政府信息公开申请4件",
        "全年收到政府信息\n    公开申请5件。",
    );
    let found = check(
        &text,
        &crate::report::yaml::parse(&text).expect("yaml"),
        report("2021.yaml", &text).0.data(),
        2021,
    );
    // saphyr places a block scalar at its first line of text.
    let line = line_of(&text, "全年收到政府信息");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].pos.line, found[0].pos.col), (line, 5));
}

proptest::proptest! {
    /// Any text built of the phrases' words, figures and punctuation reads
    /// without a panic, every figure at a character of the text.
    #[test]
    fn any_text_reads(pieces in proptest::collection::vec(0usize..PIECES.len(), 0..40)) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        for f in figures(&text, 2021) {
            proptest::prop_assert!(text.is_char_boundary(f.at) && f.at < text.len());
        }
    }
}

const PIECES: &[&str] = &[
    "收到政府信息公开申请",
    "4",
    "２",
    "十二",
    "两",
    "件",
    "起",
    "，",
    "。",
    "、",
    "\n",
    "\n\n",
    "  ",
    "　",
    "2021年",
    "2022年",
    "结转至",
    "上年结转",
    "予以公开",
    "其中",
    "（",
    "）",
    "含",
    "未收到",
    "行政复议",
    "人",
    "第",
    "1.",
    "- ",
    "办结",
    "\r\n",
    "规章",
    "废止",
    "1-6月",
];

#[test]
fn applications_handled_in_the_year_may_count_the_carried_in() {
    let text = edit(
        Y2021,
        "二、上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]",
        "二、上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]",
    );
    let said = |figure: &str| {
        let text = edit(
            &text,
            "全年收到政府信息公开申请4件，",
            &format!("全年共受理政府信息公开申请{figure}件（其中新收4件、上年结转1件），"),
        );
        let root = crate::report::yaml::parse(&text).expect("yaml");
        check(&text, &root, report("2021.yaml", &text).0.data(), 2021).len()
    };
    // 4 new + 1 carried in, as its brackets say: 4 contradicts them.
    assert_eq!(said("5"), 0);
    assert_eq!(said("4"), 1);
    assert_eq!(said("6"), 1);
    // Without them, 4 new + 1 carried in, or the 4 new alone: both true of
    // the table.
    let said = |figure: &str| {
        let text = edit(
            &text,
            "全年收到政府信息公开申请4件，",
            &format!("全年共受理政府信息公开申请{figure}件，"),
        );
        let root = crate::report::yaml::parse(&text).expect("yaml");
        check(&text, &root, report("2021.yaml", &text).0.data(), 2021).len()
    };
    assert_eq!(said("5"), 0);
    assert_eq!(said("4"), 0);
    assert_eq!(said("6"), 1);
    // What was 收到 (new) is not what was 受理: 5 is wrong there.
    let text = edit(
        &text,
        "全年收到政府信息公开申请4件，",
        "全年收到政府信息公开申请5件，",
    );
    let root = crate::report::yaml::parse(&text).expect("yaml");
    assert_eq!(
        check(&text, &root, report("2021.yaml", &text).0.data(), 2021).len(),
        1
    );
}
