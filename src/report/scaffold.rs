//! The text `gongkai new report` writes: a blank form of one edition (every
//! cell 0, placeholders for the prose) with last year's carried-over
//! applications and documents in force filled in, handed to the writer
//! with comments for the person who fills it in.
//!
//! Only text is produced here; writing the file (and refusing to overwrite)
//! is the command's job.

use super::edition::{APPLICANTS, ColumnRole, Edition, Role};
use super::{Cell, Comments, Data, Envelope, Prose, RowAt};
use jiff::civil::Date;

/// What to put in the new file.
#[derive(Debug, Clone)]
pub struct Scaffold {
    /// The reported year.
    pub year: i32,
    /// The edition to follow.
    pub edition: &'static Edition,
    /// 二、上年结转 pre-filled from last year's 四、结转下年度继续办理.
    pub carried_in: Option<Vec<i64>>,
    /// 现行有效件数 pre-filled from last year's (2021 edition).
    pub in_force: Option<Vec<i64>>,
}

/// The sample prose written into parts 一, 五 and 六 of a new report, in
/// that order.
const OVERVIEW: &str =
    "（概述本年度政府信息公开工作：主动公开、依申请公开、政府信息管理、平台建设、监督保障。）";
const PROBLEMS: &str = "（说明存在的主要问题和改进措施。）";
const OTHER: &str = "（如收取信息处理费，写明件数和金额；没有则写“无。”）";

/// The sample prose under each of the five sub-topics of 一、总体情况 of
/// the 2021 form, in their order.
const TOPICS: [&str; 5] = [
    "（写本年度主动公开政府信息的情况。）",
    "（写本年度收到和办理政府信息公开申请的情况。）",
    "（写政府信息管理的情况，如公开前的审查、信息的更新和清理。）",
    "（写政府信息公开平台建设的情况，如网站专栏、政务新媒体。）",
    "（写监督保障的情况，如考核、培训、社会评议和责任追究。）",
];

/// Every sample text of a new report: `check` lists a report that still
/// holds one of them.
pub const PLACEHOLDERS: [&str; 8] = [
    OVERVIEW, PROBLEMS, OTHER, TOPICS[0], TOPICS[1], TOPICS[2], TOPICS[3], TOPICS[4],
];

fn placeholder(text: &str) -> Prose {
    Prose {
        sections: vec![(String::new(), format!("{text}\n"))],
    }
}

/// 一、总体情况 of a new report: in the 2021 form under its five
/// sub-headings, in the 2019 form one text.
fn overview(edition: &Edition) -> Prose {
    if edition.id != 2021 {
        return placeholder(OVERVIEW);
    }
    let sections = crate::report::parse::OVERVIEW_TOPICS
        .iter()
        .zip(TOPICS)
        .map(|((number, name, _), text)| (format!("{number}{name}"), format!("{text}\n")))
        .collect();
    Prose { sections }
}

/// The file's text.
pub fn text(s: &Scaffold) -> String {
    let mut data = Data::zeros(s.edition);
    data.overview = overview(s.edition);
    data.problems = placeholder(PROBLEMS);
    data.other = placeholder(OTHER);
    let mut comments = Comments {
        published: Some("公开日期，按实际填写".into()),
        rows: Vec::new(),
    };
    if let Some(cells) = s.carried_in.as_deref() {
        carry_in(&mut data, &mut comments, cells);
    }
    if let Some(values) = s.in_force.as_deref() {
        keep_in_force(&mut data, &mut comments, values);
    }
    let env = Envelope {
        year: s.year,
        agency: None,
        published: i16::try_from(s.year + 1)
            .ok()
            .and_then(|y| Date::new(y, 1, 31).ok()),
        title: None,
        reproduces_original: false,
        original_note: None,
        index: Default::default(),
        attachments: Vec::new(),
    };
    super::write(&env, &data, &comments)
}

/// Last year's 四、结转下年度继续办理 as this year's 二、上年结转, and as
/// this year's 四 too: carried-in applications are still open in an unfilled
/// form, so the file balances (rule A) until the year's results are entered.
fn carry_in(data: &mut Data, comments: &mut Comments, cells: &[i64]) {
    if cells.len() != APPLICANTS.len() {
        return;
    }
    let notes = [
        (Role::CarriedIn, "取自上年报告的四、结转下年度继续办理"),
        (
            Role::CarriedOut,
            "暂同上年结转数；填写办理结果后请改为实际结转数",
        ),
    ];
    for (role, note) in notes {
        let Some(i) = data.part3.leaves.iter().position(|l| l.role == role) else {
            continue;
        };
        data.part3.rows[i].cells = cells.iter().map(|n| Cell::int(*n)).collect();
        comments.rows.push((RowAt::Part3(i), note.into()));
    }
}

/// Last year's 现行有效件数 in the column of that role, row by row.
fn keep_in_force(data: &mut Data, comments: &mut Comments, values: &[i64]) {
    let Some(t) = data
        .part2
        .iter()
        .position(|t| t.spec.column(ColumnRole::InForce).is_some())
    else {
        return;
    };
    let table = &mut data.part2[t];
    let (Some(col), true) = (
        table.spec.column(ColumnRole::InForce),
        values.len() == table.rows.len(),
    ) else {
        return;
    };
    for (r, (row, value)) in table.rows.iter_mut().zip(values).enumerate() {
        if let Some(cell) = row.cells.get_mut(col) {
            *cell = Cell::int(*value);
        }
        comments.rows.push((
            RowAt::Part2 { table: t, row: r },
            "现行有效件数取自上年报告".into(),
        ));
    }
}
