//! The official format of the report as data: part headings, the sub-tables
//! of part 二, the row tree of part 三 and the header of part 四, for each
//! edition of 《政府信息公开工作年度报告格式》.
//!
//! Nothing here parses or renders; the other stages walk these tables. A new
//! edition is one more [`Edition`] value added to [`EDITIONS`].

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

/// The seven numeric columns of part 三, in order.
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

/// Part 四: the first-level header over the first five columns.
pub const REVIEW: &str = "行政复议";
/// Part 四: the first-level header over the last ten columns.
pub const LITIGATION: &str = "行政诉讼";
/// Part 四: the two kinds of 行政诉讼, each with five columns.
pub const LITIGATION_KINDS: [&str; 2] = ["未经复议直接起诉", "复议后起诉"];
/// Part 四: the five columns under each group; the last is the total.
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

/// One column of a part 二 sub-table.
#[derive(Debug)]
pub struct Column {
    /// Official header text.
    pub label: &'static str,
    /// What its cells hold.
    pub kind: CellKind,
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

/// The first header cell of every part 二 sub-table.
pub const CONTENT_HEADER: &str = "信息内容";

/// What a part 三 data row means for the arithmetic rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 一、本年新收.
    Received,
    /// 二、上年结转.
    CarriedIn,
    /// One of the results （一）…（六）.
    Result,
    /// （七）总计, which may be omitted and then computed.
    ResultTotal,
    /// 四、结转下年度继续办理.
    CarriedOut,
}

/// A node of the part 三 row tree.
#[derive(Debug)]
pub enum Entry {
    /// A data row with seven cells.
    Row(&'static str, Role),
    /// A group label spanning its rows, with no numbers of its own.
    Group(&'static str, &'static [Entry]),
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
}

const fn col(label: &'static str, kind: CellKind) -> Column {
    Column { label, kind }
}

const fn row(label: &'static str) -> Row2 {
    Row2 {
        label,
        aliases: &[],
    }
}

use CellKind::{Count, Decimal, Signed, Text};
use Role::{Result as Res, *};

const NOT_DISCLOSED: Entry = Entry::Group(
    "（三）不予公开",
    &[
        Entry::Row("1.属于国家秘密", Res),
        Entry::Row("2.其他法律行政法规禁止公开", Res),
        Entry::Row("3.危及“三安全一稳定”", Res),
        Entry::Row("4.保护第三方合法权益", Res),
        Entry::Row("5.属于三类内部事务信息", Res),
        Entry::Row("6.属于四类过程性信息", Res),
        Entry::Row("7.属于行政执法案卷", Res),
        Entry::Row("8.属于行政查询事项", Res),
    ],
);
const UNABLE: Entry = Entry::Group(
    "（四）无法提供",
    &[
        Entry::Row("1.本机关不掌握相关政府信息", Res),
        Entry::Row("2.没有现成信息需要另行制作", Res),
        Entry::Row("3.补正后申请内容仍不明确", Res),
    ],
);
const NOT_HANDLED: Entry = Entry::Group(
    "（五）不予处理",
    &[
        Entry::Row("1.信访举报投诉类申请", Res),
        Entry::Row("2.重复申请", Res),
        Entry::Row("3.要求提供公开出版物", Res),
        Entry::Row("4.无正当理由大量反复申请", Res),
        Entry::Row("5.要求行政机关确认或重新出具已获取信息", Res),
    ],
);
const OTHER_2021: Entry = Entry::Group(
    "（六）其他处理",
    &[
        Entry::Row(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            Res,
        ),
        Entry::Row(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            Res,
        ),
        Entry::Row("3.其他", Res),
    ],
);

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

const PART3_2019: &[Entry] = &[
    Entry::Row(RECEIVED, Received),
    Entry::Row(CARRIED_IN, CarriedIn),
    Entry::Group(
        RESULTS_GROUP,
        &[
            Entry::Row("（一）予以公开", Res),
            Entry::Row(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                Res,
            ),
            NOT_DISCLOSED,
            UNABLE,
            NOT_HANDLED,
            Entry::Row("（六）其他处理", Res),
            Entry::Row(RESULT_TOTAL, ResultTotal),
        ],
    ),
    Entry::Row(CARRIED_OUT, CarriedOut),
];

const PART3_2021: &[Entry] = &[
    Entry::Row(RECEIVED, Received),
    Entry::Row(CARRIED_IN, CarriedIn),
    Entry::Group(
        RESULTS_GROUP,
        &[
            Entry::Row("（一）予以公开", Res),
            Entry::Row(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                Res,
            ),
            NOT_DISCLOSED,
            UNABLE,
            NOT_HANDLED,
            OTHER_2021,
            Entry::Row(RESULT_TOTAL, ResultTotal),
        ],
    ),
    Entry::Row(CARRIED_OUT, CarriedOut),
];

const CHANGE: [Column; 3] = [
    col("上一年项目数量", Count),
    col("本年增/减", Signed),
    col("处理决定数量", Count),
];

/// 国办公开办函〔2019〕60号: the format for the 2019 and 2020 reports.
pub const EDITION_2019: Edition = Edition {
    id: 2019,
    issued_with: "国办公开办函〔2019〕60号",
    part2: &[
        Table2 {
            caption: "第二十条第（一）项",
            columns: &[
                col("本年新制作数量", Count),
                col("本年新公开数量", Count),
                col("对外公开总数量", Count),
            ],
            rows: &[row("规章"), row("规范性文件")],
        },
        Table2 {
            caption: "第二十条第（五）项",
            columns: &CHANGE,
            rows: &[row("行政许可"), row("其他对外管理服务事项")],
        },
        Table2 {
            caption: "第二十条第（六）项",
            columns: &CHANGE,
            rows: &[row("行政处罚"), row("行政强制")],
        },
        Table2 {
            caption: "第二十条第（八）项",
            columns: &[col("上一年项目数量", Count), col("本年增/减", Signed)],
            rows: &[row("行政事业性收费")],
        },
        Table2 {
            caption: "第二十条第（九）项",
            columns: &[col("采购项目数量", Text), col("采购总金额", Text)],
            rows: &[row("政府集中采购")],
        },
    ],
    part3: PART3_2019,
};

/// 国办公开办函〔2021〕30号: the revised format, for the 2021 reports onward.
pub const EDITION_2021: Edition = Edition {
    id: 2021,
    issued_with: "国办公开办函〔2021〕30号",
    part2: &[
        Table2 {
            caption: "第二十条第（一）项",
            columns: &[
                col("本年制发件数", Count),
                col("本年废止件数", Count),
                col("现行有效件数", Count),
            ],
            rows: &[
                row("规章"),
                Row2 {
                    label: "行政规范性文件",
                    aliases: &["规范性文件"],
                },
            ],
        },
        Table2 {
            caption: "第二十条第（五）项",
            columns: &[col("本年处理决定数量", Count)],
            rows: &[row("行政许可")],
        },
        Table2 {
            caption: "第二十条第（六）项",
            columns: &[col("本年处理决定数量", Count)],
            rows: &[row("行政处罚"), row("行政强制")],
        },
        Table2 {
            caption: "第二十条第（八）项",
            columns: &[col("本年收费金额（单位：万元）", Decimal)],
            rows: &[row("行政事业性收费")],
        },
    ],
    part3: PART3_2021,
};

/// Every known edition, oldest first.
pub const EDITIONS: [&Edition; 2] = [&EDITION_2019, &EDITION_2021];

/// The edition with this id.
pub fn by_id(id: i64) -> Option<&'static Edition> {
    EDITIONS.into_iter().find(|e| i64::from(e.id) == id)
}

/// The edition a report of `year` uses when the file does not say: the
/// newest one issued no later than the year after the reported year.
pub fn default_for(year: i32) -> &'static Edition {
    EDITIONS
        .into_iter()
        .rev()
        .find(|e| i32::from(e.id) <= year)
        .unwrap_or(&EDITION_2019)
}

/// A part 三 data row with the group labels above it.
#[derive(Debug, Clone)]
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
}

/// How many data rows a part 三 entry spans (1 for a row).
pub fn span(entry: &Entry) -> usize {
    match entry {
        Entry::Row(..) => 1,
        Entry::Group(_, children) => children.iter().map(span).sum(),
    }
}
