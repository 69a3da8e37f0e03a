//! The official format of the report as data: part headings, the sub-tables
//! of part 二, the row tree of part 三 and the rows and header of part 四,
//! for each edition of 《政府信息公开工作年度报告格式》.
//!
//! Nothing here parses or renders; the other stages walk these tables, and
//! find rows and columns by their [`Role`], [`ColumnRole`] or [`Part4Role`],
//! never by position or label. A new edition is one more [`Edition`] value
//! added to [`EDITIONS`].

mod tables;

pub use tables::{EDITION_2019, EDITION_2021};

/// The six part headings, the same in every edition so far.
pub const PARTS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The note in the top-left header cell of part 三, which states rule A.
pub const PART3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The seven numeric columns of part 三, in order; the last is the total.
pub const APPLICANTS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// The header over all seven columns of part 三.
pub const APPLICANTS_HEADER: &str = "申请人情况";
/// The header over the five 法人 columns of part 三.
pub const LEGAL_PERSONS: &str = "法人或其他组织";

/// The second-level header over each column of part 三 ([`APPLICANTS`]
/// order): the five 法人 columns share one, 自然人 and 总计 have none.
pub const APPLICANT_GROUPS: [Option<&str>; 7] = [
    None,
    Some(LEGAL_PERSONS),
    Some(LEGAL_PERSONS),
    Some(LEGAL_PERSONS),
    Some(LEGAL_PERSONS),
    Some(LEGAL_PERSONS),
    None,
];

/// Part 四: the row (and first-level header) of 行政复议.
pub const REVIEW: &str = "行政复议";
/// Part 四: the first-level header over the two kinds of 行政诉讼.
pub const LITIGATION: &str = "行政诉讼";
/// Part 四: the five columns under each row; the last is the total.
pub const OUTCOMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// What a cell of a part 二 column may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A whole number, 0 or more.
    Count,
    /// A whole number that may be negative (本年增/减), written `+19` or `-3`.
    Signed,
    /// A decimal amount (万元).
    Decimal,
    /// An amount with its unit or a short text, shown as written (采购).
    Text,
}

/// What a part 二 column means beyond its own table: the three columns of
/// the 2021 edition's 第二十条第（一）项 that rule G relates across years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// Nothing beyond its table.
    Plain,
    /// 本年制发件数: documents issued this year.
    Issued,
    /// 本年废止件数: documents repealed this year.
    Repealed,
    /// 现行有效件数: documents in force at the end of the year.
    InForce,
}

/// One column of a part 二 sub-table.
#[derive(Debug)]
pub struct Column {
    /// Official header text.
    pub label: &'static str,
    /// What its cells hold.
    pub kind: CellKind,
    /// What it means for the cross-year rules.
    pub role: ColumnRole,
}

/// One row of a part 二 sub-table.
#[derive(Debug)]
pub struct Row2 {
    /// Official label.
    pub label: &'static str,
    /// Other labels accepted for it (old wording still common in practice).
    pub aliases: &'static [&'static str],
}

/// One sub-table of part 二.
#[derive(Debug)]
pub struct Table2 {
    /// Its caption, e.g. 第二十条第（一）项.
    pub caption: &'static str,
    /// Data columns (the first header cell is always 信息内容).
    pub columns: &'static [Column],
    /// Rows in order.
    pub rows: &'static [Row2],
}

impl Table2 {
    /// The position of the column with `role`, if the table has one.
    pub fn column(&self, role: ColumnRole) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }
}

/// The first header cell of every part 二 sub-table.
pub const CONTENT_HEADER: &str = "信息内容";

/// The six kinds of result of part 三, （一） to （六）: every application
/// handled is counted under exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    /// （一）予以公开.
    Granted,
    /// （二）部分公开.
    Partial,
    /// （三）不予公开.
    Withheld,
    /// （四）无法提供.
    Unavailable,
    /// （五）不予处理.
    NotHandled,
    /// （六）其他处理.
    Other,
}

impl ResultKind {
    /// Every kind, in the order of the form.
    pub const ALL: [ResultKind; 6] = [
        ResultKind::Granted,
        ResultKind::Partial,
        ResultKind::Withheld,
        ResultKind::Unavailable,
        ResultKind::NotHandled,
        ResultKind::Other,
    ];

    /// The short name, without numbering or explanation, as a chart labels it.
    pub fn short_name(self) -> &'static str {
        match self {
            ResultKind::Granted => "予以公开",
            ResultKind::Partial => "部分公开",
            ResultKind::Withheld => "不予公开",
            ResultKind::Unavailable => "无法提供",
            ResultKind::NotHandled => "不予处理",
            ResultKind::Other => "其他处理",
        }
    }

    /// Its position in [`ResultKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a part 三 data row means for the arithmetic rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 一、本年新收.
    Received,
    /// 二、上年结转.
    CarriedIn,
    /// A result row: one of （一）…（六） or a numbered row under one.
    Result(ResultKind),
    /// （七）总计, which may be omitted and then computed.
    ResultTotal,
    /// 四、结转下年度继续办理.
    CarriedOut,
}

impl Role {
    /// True for the rows of （一）…（六）.
    pub fn is_result(self) -> bool {
        matches!(self, Role::Result(_))
    }
}

/// A node of the part 三 row tree.
#[derive(Debug)]
pub enum Entry {
    /// A data row with seven cells.
    Row(&'static str, Role),
    /// A group label spanning its rows, with no numbers of its own.
    Group(&'static str, &'static [Entry]),
}

impl Entry {
    /// Its label.
    pub fn label(&self) -> &'static str {
        match self {
            Entry::Row(l, _) | Entry::Group(l, _) => l,
        }
    }
}

/// What a part 四 row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part4Role {
    /// 行政复议.
    Review,
    /// A kind of 行政诉讼.
    Litigation,
}

/// A part 四 data row of five cells ([`OUTCOMES`]).
#[derive(Debug)]
pub struct Row4 {
    /// Official label.
    pub label: &'static str,
    /// The headers above its label, outermost first (at most one so far):
    /// in the file, the mapping it is written under.
    pub groups: &'static [&'static str],
    /// What it is.
    pub role: Part4Role,
}

impl Row4 {
    /// The row's name in messages and downloads: its groups and label, e.g.
    /// `行政诉讼 复议后起诉`.
    pub fn name(&self) -> String {
        let mut parts = self.groups.to_vec();
        parts.push(self.label);
        parts.join(" ")
    }

    /// The key it is written under at the top of part 四: its first group,
    /// or its own label.
    pub fn top(&self) -> &'static str {
        self.groups.first().copied().unwrap_or(self.label)
    }
}

/// One edition of the format.
#[derive(Debug)]
pub struct Edition {
    /// The year it is named after: 2019 or 2021.
    pub id: u16,
    /// The notice that issued it.
    pub issued_with: &'static str,
    /// Part 二 sub-tables.
    pub part2: &'static [Table2],
    /// Part 三 row tree.
    pub part3: &'static [Entry],
    /// Part 四 rows, in order.
    pub part4: &'static [Row4],
}

/// The group label of the results, and the first/last data rows around it.
pub const RESULTS_GROUP: &str = "三、本年度办理结果";
/// The label of row 二, the one the scaffold pre-fills.
pub const CARRIED_IN: &str = "二、上年结转政府信息公开申请数量";
/// The label of row 四.
pub const CARRIED_OUT: &str = "四、结转下年度继续办理";
/// The label of row 一.
pub const RECEIVED: &str = "一、本年新收政府信息公开申请数量";
/// The label of the computed total of results.
pub const RESULT_TOTAL: &str = "（七）总计";

/// Every known edition, oldest first.
pub const EDITIONS: [&Edition; 2] = [&EDITION_2019, &EDITION_2021];

/// The edition with this id.
pub fn by_id(id: i64) -> Option<&'static Edition> {
    EDITIONS.into_iter().find(|e| i64::from(e.id) == id)
}

/// The edition a report of `year` uses when the file does not say: the
/// newest one issued no later than the reported year.
pub fn default_for(year: i32) -> &'static Edition {
    EDITIONS
        .into_iter()
        .rev()
        .find(|e| i32::from(e.id) <= year)
        .unwrap_or(&EDITION_2019)
}

/// A part 三 data row with the group labels above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    /// Official label of the row.
    pub label: &'static str,
    /// Group labels from the outermost in.
    pub groups: Vec<&'static str>,
    /// Its meaning for the rules.
    pub role: Role,
}

impl Leaf {
    /// The row's name in messages: its groups and label, e.g.
    /// `三、本年度办理结果（三）不予公开 1.属于国家秘密`.
    pub fn name(&self) -> String {
        let mut s: String = self.groups.concat();
        if !s.is_empty() && self.label.starts_with(|c: char| c.is_ascii_digit()) {
            s.push(' ');
        }
        s.push_str(self.label);
        s
    }
}

impl Edition {
    /// The data rows of part 三 in order.
    pub fn leaves(&self) -> Vec<Leaf> {
        fn walk(entries: &[Entry], groups: &mut Vec<&'static str>, out: &mut Vec<Leaf>) {
            for e in entries {
                match e {
                    Entry::Row(label, role) => out.push(Leaf {
                        label,
                        groups: groups.clone(),
                        role: *role,
                    }),
                    Entry::Group(label, children) => {
                        groups.push(label);
                        walk(children, groups, out);
                        groups.pop();
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(self.part3, &mut Vec::new(), &mut out);
        out
    }

    /// The labels of the top level of part 四, in order: a row without a
    /// group, or a group (once).
    pub fn part4_top(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for r in self.part4 {
            if !out.contains(&r.top()) {
                out.push(r.top());
            }
        }
        out
    }
}

/// How many data rows a part 三 entry spans (1 for a row).
pub(crate) fn span(entry: &Entry) -> usize {
    match entry {
        Entry::Row(..) => 1,
        Entry::Group(_, children) => children.iter().map(span).sum(),
    }
}
