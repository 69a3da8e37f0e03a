//! The phrase table: how report prose names a quantity of the tables, as
//! data. Each [`Phrase`] is a pattern of the words (a regular expression)
//! and where the figure stands against them; `figures.rs` turns the table
//! into matchers and `mod.rs` finds the cells a [`Quantity`] means.
//!
//! A phrase belongs here only when its words name one quantity without
//! doubt. Words that narrow a quantity to a part of it (a channel, a kind
//! of applicant, a comparison with another year) are the [`blockers`]: a
//! clause holding one is never compared.

use crate::report::edition::{Part4Role, ResultKind, Role};

/// What a figure in the prose counts, as the tables hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quantity {
    /// The 总计 column of the part 三 rows with this role, added up (one
    /// row for 一、二、（七）、四; every row of a group for a result).
    Part3(Role),
    /// The 总计 column of the part 四 rows with this role, added up.
    Part4(Part4Role),
    /// 一、本年新收 and 二、上年结转 added up: a total whose own brackets
    /// split it into the two (共收到申请7件（其中本年新收6件，上年结转1件）).
    NewAndCarriedIn,
    /// One cell of part 二: the row with one of these labels, in the column
    /// with one of these labels (an edition without that column has no cell).
    Part2 {
        /// Row labels (the official one and the older wording).
        rows: &'static [&'static str],
        /// Column labels (one per edition that has the column).
        columns: &'static [&'static str],
    },
}

/// Where the figure stands against the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The words, then the figure: 收到政府信息公开申请26件.
    Before,
    /// The figure, then the words: 1件结转至下年度办理.
    After,
    /// The words say there were none: 未收到政府信息公开申请 (the figure is 0).
    /// A group named `k`, when there is one, is where the figure is said
    /// to be: the word of its kind in a list (未发生行政复议、行政诉讼).
    Nothing,
}

/// One way of naming a quantity.
#[derive(Debug)]
pub(crate) struct Phrase {
    /// The quantity named.
    pub(crate) quantity: Quantity,
    /// Where the figure is.
    pub(crate) form: Form,
    /// The words, as a regular expression. A group named `y` holds a year,
    /// which must be the reported year plus [`Phrase::year`].
    pub(crate) words: &'static str,
    /// For a phrase with a year group: its distance from the reported year
    /// (−1 for 2021年结转 in a 2022 report, +1 for 结转至2023年).
    pub(crate) year: i32,
}

/// Any wording of "an application for government information".
macro_rules! apply {
    () => {
        "(?:(?:政府信息公开|政府信息|信息公开)?申请|依申请公开(?:申请)?)"
    };
}

/// Words saying there was no 行政复议 or 行政诉讼, before the kinds named:
/// 未发生政府信息公开, 没有因政府信息公开被提起, 无.
macro_rules! none_of_part4 {
    () => {
        concat!(
            "(?:未|没有|无)(?:发生|收到|出现|涉及|被申请|被提起)?(?:过|任何)?",
            "(?:因?政府信息公开(?:申请|工作)?(?:引起的|引发的|方面的|而|的)?)?",
            "(?:被申请|被提起|发生|引起的|引发的)?"
        )
    };
}

/// The words joining two kinds in a list: 行政复议、行政诉讼, 行政复议和行政诉讼.
macro_rules! and {
    () => {
        "(?:、|和|或者|或|以及|及)"
    };
}

/// The next year, as 结转 names it.
macro_rules! next_year {
    () => {
        "(?:下一?年度?|(?P<y>[0-9]{4})年度?)"
    };
}

const RECEIVED: Quantity = Quantity::Part3(Role::Received);
const CARRIED_IN: Quantity = Quantity::Part3(Role::CarriedIn);
const CARRIED_OUT: Quantity = Quantity::Part3(Role::CarriedOut);
const HANDLED: Quantity = Quantity::Part3(Role::ResultTotal);
const fn result(kind: ResultKind) -> Quantity {
    Quantity::Part3(Role::Result(kind))
}

const fn phrase(quantity: Quantity, form: Form, words: &'static str) -> Phrase {
    Phrase {
        quantity,
        form,
        words,
        year: 0,
    }
}

const REGULATIONS: &[&str] = &["规章"];
const NORMATIVE: &[&str] = &["行政规范性文件", "规范性文件"];
const ISSUED: &[&str] = &["本年制发件数", "本年新制作数量"];
const REPEALED: &[&str] = &["本年废止件数"];
const IN_FORCE: &[&str] = &["现行有效件数"];
const NEWLY_PUBLIC: &[&str] = &["本年新公开数量"];
const DECIDED: &[&str] = &["本年处理决定数量", "处理决定数量"];

/// Every phrase, for both editions: a phrase whose cell an edition lacks
/// (本年新公开数量 in 2021) is not compared in that edition's reports.
pub(crate) const PHRASES: &[Phrase] = &[
    // 一、本年新收政府信息公开申请数量
    phrase(
        RECEIVED,
        Form::Before,
        concat!("(?:新收|收到|受理|接收|接到)(?:各类|了|的)?", apply!()),
    ),
    phrase(
        RECEIVED,
        Form::Nothing,
        concat!(
            "(?:未|没有|无)(?:新收|收到|受理|接到|接收)(?:过|到)?(?:任何)?",
            apply!()
        ),
    ),
    // 二、上年结转政府信息公开申请数量
    Phrase {
        quantity: CARRIED_IN,
        form: Form::Before,
        words: "(?:上一?年度?|(?P<y>[0-9]{4})年度?)结转(?:过来|来)?(?:的)?(?:政府信息公开申请|申请)?",
        year: -1,
    },
    // （七）总计: every application handled this year
    phrase(
        HANDLED,
        Form::Before,
        concat!("(?:办结|办理完毕|答复完毕)(?:了|的)?(?:", apply!(), ")?"),
    ),
    // 四、结转下年度继续办理
    Phrase {
        quantity: CARRIED_OUT,
        form: Form::Before,
        words: concat!(
            "(?:结转|转入)(?:至|到|入)?",
            next_year!(),
            "(?:继续)?(?:办理)?(?:的)?(?:申请)?"
        ),
        year: 1,
    },
    Phrase {
        quantity: CARRIED_OUT,
        form: Form::After,
        words: concat!("(?:结转|转入|转至)(?:至|到)?", next_year!()),
        year: 1,
    },
    // 三、本年度办理结果 （一）–（六）
    // (what may follow the name: 不予公开决定3件, 予以公开答复9件)
    phrase(
        result(ResultKind::Granted),
        Form::Before,
        "(?:予以公开|同意公开)(?:的)?(?:决定|答复)?",
    ),
    phrase(result(ResultKind::Granted), Form::After, "予以公开"),
    phrase(
        result(ResultKind::Partial),
        Form::Before,
        "部分公开(?:的)?(?:决定|答复)?",
    ),
    phrase(
        result(ResultKind::Withheld),
        Form::Before,
        "不予公开(?:的)?(?:决定|答复)?",
    ),
    phrase(
        result(ResultKind::Unavailable),
        Form::Before,
        "无法提供(?:的)?(?:决定|答复)?",
    ),
    phrase(
        result(ResultKind::NotHandled),
        Form::Before,
        "不予处理(?:的)?(?:决定|答复)?",
    ),
    phrase(
        result(ResultKind::Other),
        Form::Before,
        "其他处理(?:的)?(?:决定|答复)?",
    ),
    // 四、行政复议 and 行政诉讼
    phrase(
        Quantity::Part4(Part4Role::Review),
        Form::Before,
        "(?:被申请|被提起|收到|发生|涉及|提起|申请)?行政复议(?:案件|申请)?",
    ),
    phrase(
        Quantity::Part4(Part4Role::Review),
        Form::After,
        "(?:政府信息公开)?行政复议",
    ),
    phrase(
        Quantity::Part4(Part4Role::Review),
        Form::Nothing,
        concat!(none_of_part4!(), "(?:行政诉讼", and!(), ")?(?P<k>行政复议)"),
    ),
    phrase(
        Quantity::Part4(Part4Role::Litigation),
        Form::Before,
        "(?:被提起|被起诉|发生|涉及|提起)?行政诉讼(?:案件)?",
    ),
    phrase(
        Quantity::Part4(Part4Role::Litigation),
        Form::After,
        "(?:政府信息公开)?行政诉讼",
    ),
    phrase(
        Quantity::Part4(Part4Role::Litigation),
        Form::Nothing,
        concat!(none_of_part4!(), "(?:行政复议", and!(), ")?(?P<k>行政诉讼)"),
    ),
    // 二、第二十条第（一）项
    part2(
        REGULATIONS,
        ISSUED,
        "(?:制发|印发|出台|制定|新制定|新制作)(?:了)?规章",
    ),
    part2(REGULATIONS, REPEALED, "废止(?:了)?规章"),
    part2(REGULATIONS, IN_FORCE, "现行有效(?:的)?规章"),
    part2(REGULATIONS, NEWLY_PUBLIC, "(?:主动公开|新公开)(?:了)?规章"),
    part2(
        NORMATIVE,
        ISSUED,
        "(?:制发|印发|出台|制定|新制定|新制作)(?:了)?(?:行政)?规范性文件",
    ),
    part2(NORMATIVE, REPEALED, "废止(?:了)?(?:行政)?规范性文件"),
    part2(NORMATIVE, IN_FORCE, "现行有效(?:的)?(?:行政)?规范性文件"),
    part2(
        NORMATIVE,
        NEWLY_PUBLIC,
        "(?:主动公开|新公开)(?:了)?(?:行政)?规范性文件",
    ),
    // 二、第二十条第（五）、（六）项: 处理决定数量
    part2(
        &["行政许可"],
        DECIDED,
        "(?:作出)?行政许可(?:处理)?决定(?:书)?",
    ),
    part2(
        &["行政处罚"],
        DECIDED,
        "(?:作出)?行政处罚(?:处理)?决定(?:书)?",
    ),
    part2(
        &["行政强制"],
        DECIDED,
        "(?:作出)?行政强制(?:处理)?决定(?:书)?",
    ),
];

const fn part2(
    rows: &'static [&'static str],
    columns: &'static [&'static str],
    words: &'static str,
) -> Phrase {
    phrase(Quantity::Part2 { rows, columns }, Form::Before, words)
}

/// Words between the phrase and its figure that change nothing: 共收到申请
/// **共计**26件, 结转**的**1件.
pub(crate) const FILLER: &str = "(?:共计|合计|总计|总数|数量|共|计|为|是|达到|达|了|的|：|:|\\s)*";

/// Words between a figure and the phrase after it: 1件**申请**结转至下年度.
pub(crate) const FILLER_AFTER: &str = "(?:申请|案件)?(?:需要|需|将|已)?";

/// A figure: Arabic digits (half or full width) or Chinese numerals.
pub(crate) const NUMBER: &str = "[0-9０-９]+|[零〇一二两三四五六七八九十百千万]+";

/// The units a counted figure is written with.
pub(crate) const UNIT: &str = "[件起条项个]";

/// Words that make a clause about something else than the year's whole
/// quantity: another period, a change, an estimate, a running total.
const BLOCK_ALWAYS: &[&str] = &[
    "同比",
    "比上年",
    "较上年",
    "上年同期",
    "去年",
    "上一年",
    "前年",
    "增加",
    "减少",
    "增长",
    "下降",
    "累计",
    "历年",
    "以来",
    "季度",
    "上半年",
    "下半年",
    "月份",
    "平均",
    "约",
    "近",
    "超过",
    "不到",
    "多于",
    "少于",
    "以上",
    "以下",
    "左右",
];

/// Words that narrow part 三 figures to one kind of applicant or one way of
/// applying (a column, or no cell at all).
const BLOCK_PART3: &[&str] = &[
    "自然人",
    "法人",
    "企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "网上",
    "网站",
    "平台",
    "窗口",
    "通过",
    "来信",
    "来函",
    "网络",
    "在线",
    "信函",
    "当面",
    "现场",
    "传真",
    "邮件",
    "邮寄",
    "电话",
];

/// Part 四 words naming one column or one kind of 行政诉讼, or one
/// outcome (没有败诉 is not 没有诉讼).
const BLOCK_PART4: &[&str] = &[
    "维持",
    "纠正",
    "其他结果",
    "尚未审结",
    "未经复议",
    "复议后",
    "直接起诉",
    "败诉",
    "撤销",
    "确认违法",
];

/// The blockers of `q`: a clause holding one of these (besides the phrase
/// itself) is not compared. 其中 makes a part of a whole, harmless only
/// for the results, which are parts by nature.
pub(crate) fn blockers(q: Quantity) -> Vec<&'static str> {
    let mut out = BLOCK_ALWAYS.to_vec();
    match q {
        Quantity::Part3(role) => {
            out.extend(BLOCK_PART3);
            if !role.is_result() {
                out.push("其中");
            }
        }
        Quantity::NewAndCarriedIn => out.extend(BLOCK_PART3),
        Quantity::Part4(_) => out.extend(BLOCK_PART4),
        Quantity::Part2 { .. } => out.push("其中"),
    }
    out
}
