//! Adding reports: the example reports of one edition add up cell by cell,
//! the rules that held on both hold on the sum, text cells are left blank,
//! and reports of different editions are refused.

use super::{Y2020, Y2021, Y2022, edit, report};
use crate::report::{Data, Num, SumError, rules, sum};

/// Every cell of parts 二–四 as (count, blank?) in table order.
fn cells(d: &Data) -> Vec<(i64, bool)> {
    let rows = d
        .part2
        .iter()
        .flat_map(|t| t.rows.iter())
        .chain(&d.part3.rows)
        .chain(&d.part4.rows);
    rows.flat_map(|r| r.cells.iter().map(|c| (c.count(), c.num == Num::Blank)))
        .collect()
}

#[test]
fn two_years_of_the_example_add_cell_by_cell() {
    let (a, _) = report("2021.yaml", Y2021);
    let (b, _) = report("2022.yaml", Y2022);
    let (a, b) = (a.data(), b.data());
    let total = sum(a, b).unwrap_or_else(|e| panic!("{e}"));
    let expected: Vec<i64> = cells(a)
        .iter()
        .zip(cells(b))
        .map(|((x, _), (y, _))| x + y)
        .collect();
    let got: Vec<i64> = cells(&total).iter().map(|(n, _)| *n).collect();
    assert_eq!(got, expected);
    assert!(rules::check(a).is_empty() && rules::check(b).is_empty());
    assert_eq!(rules::check(&total), []);
    // 行政事业性收费 (万元) adds as a decimal.
    assert_eq!(total.part2[3].rows[0].cells[0].num, Num::Dec(0.0));
    assert!(total.overview.sections.is_empty());
}

#[test]
fn the_sum_of_a_report_with_itself_is_twice_it() {
    let (r, _) = report("2022.yaml", Y2022);
    let twice = sum(r.data(), r.data()).unwrap_or_else(|e| panic!("{e}"));
    let doubled: Vec<i64> = cells(r.data()).iter().map(|(n, _)| 2 * n).collect();
    let got: Vec<i64> = cells(&twice).iter().map(|(n, _)| *n).collect();
    assert_eq!(got, doubled);
    // The （七）总计 2022 leaves out is computed in both, so in the sum.
    let seven = twice
        .part3_row(crate::report::edition::Role::ResultTotal)
        .map(|r| r.cells.iter().all(|c| c.computed));
    assert_eq!(seven, Some(true));
    assert_eq!(rules::check(&twice), []);
}

#[test]
fn different_editions_are_refused() {
    let (a, _) = report("2020.yaml", Y2020);
    let (b, _) = report("2021.yaml", Y2021);
    let err = sum(a.data(), b.data()).map(|_| ()).unwrap_err();
    assert_eq!(err, SumError::Editions(2019, 2021));
    assert_eq!(
        err.to_string(),
        "2019 版格式的报告不能与 2021 版格式的报告相加：两者的表格不同"
    );
}

#[test]
fn text_cells_are_left_blank_and_blanks_count_as_zero() {
    let (a, _) = report("2020.yaml", Y2020);
    let text = edit(Y2020, "行政许可", "行政许可: [~, \"+2\", ~]");
    let (b, _) = report("2020.yaml", &text);
    let total = sum(a.data(), b.data()).unwrap_or_else(|e| panic!("{e}"));
    let procurement = &total.part2[4].rows[0].cells;
    assert!(
        procurement
            .iter()
            .all(|c| c.num == Num::Blank && c.shown.is_empty())
    );
    let licence = &total.part2[1].rows[0].cells;
    // 14 + blank, 0 + (+2), 355 + blank.
    let shown: Vec<&str> = licence.iter().map(|c| c.shown.as_str()).collect();
    assert_eq!(shown, ["14", "2", "355"]);
    let both_blank = sum(b.data(), b.data()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(both_blank.part2[1].rows[0].cells[0].num, Num::Blank);
}

#[test]
fn decimals_keep_their_places() {
    let a = edit(Y2021, "行政事业性收费", "行政事业性收费: [4068.208]");
    let b = edit(Y2021, "行政事业性收费", "行政事业性收费: [0.1]");
    let (a, _) = report("2021.yaml", &a);
    let (b, _) = report("2021.yaml", &b);
    let total = sum(a.data(), b.data()).unwrap_or_else(|e| panic!("{e}"));
    let cell = &total.part2[3].rows[0].cells[0];
    assert_eq!(
        (cell.shown.as_str(), &cell.num),
        ("4068.308", &Num::Dec(4068.308))
    );
}
