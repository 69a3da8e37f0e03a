//! The two editions of 《政府信息公开工作年度报告格式》 written out: the
//! sub-tables of part 二 and the row tree of part 三 of each, and the part
//! 四 they share. The types are in the parent module, which also holds what
//! both editions have in common (part headings, the seven applicant
//! columns, the five outcome columns).

use super::{
    CARRIED_IN, CARRIED_OUT, CellKind, Column, ColumnRole, Edition, Entry, LITIGATION, Part4Role,
    RECEIVED, RESULT_TOTAL, RESULTS_GROUP, REVIEW, ResultKind, Role, Row2, Row4, Table2,
};
use CellKind::{Count, Decimal, Signed, Text};

const fn col(label: &'static str, kind: CellKind) -> Column {
    Column {
        label,
        kind,
        role: ColumnRole::Plain,
    }
}

const fn counted(label: &'static str, role: ColumnRole) -> Column {
    Column {
        label,
        kind: Count,
        role,
    }
}

const fn row(label: &'static str) -> Row2 {
    Row2 {
        label,
        aliases: &[],
    }
}

const GRANTED: Role = Role::Result(ResultKind::Granted);
const PARTIAL: Role = Role::Result(ResultKind::Partial);
const WITHHELD: Role = Role::Result(ResultKind::Withheld);
const UNAVAILABLE: Role = Role::Result(ResultKind::Unavailable);
const NOT_HANDLED: Role = Role::Result(ResultKind::NotHandled);
const OTHER: Role = Role::Result(ResultKind::Other);

const WITHHELD_GROUP: Entry = Entry::Group(
    "（三）不予公开",
    &[
        Entry::Row("1.属于国家秘密", WITHHELD),
        Entry::Row("2.其他法律行政法规禁止公开", WITHHELD),
        Entry::Row("3.危及“三安全一稳定”", WITHHELD),
        Entry::Row("4.保护第三方合法权益", WITHHELD),
        Entry::Row("5.属于三类内部事务信息", WITHHELD),
        Entry::Row("6.属于四类过程性信息", WITHHELD),
        Entry::Row("7.属于行政执法案卷", WITHHELD),
        Entry::Row("8.属于行政查询事项", WITHHELD),
    ],
);
const UNAVAILABLE_GROUP: Entry = Entry::Group(
    "（四）无法提供",
    &[
        Entry::Row("1.本机关不掌握相关政府信息", UNAVAILABLE),
        Entry::Row("2.没有现成信息需要另行制作", UNAVAILABLE),
        Entry::Row("3.补正后申请内容仍不明确", UNAVAILABLE),
    ],
);
const NOT_HANDLED_GROUP: Entry = Entry::Group(
    "（五）不予处理",
    &[
        Entry::Row("1.信访举报投诉类申请", NOT_HANDLED),
        Entry::Row("2.重复申请", NOT_HANDLED),
        Entry::Row("3.要求提供公开出版物", NOT_HANDLED),
        Entry::Row("4.无正当理由大量反复申请", NOT_HANDLED),
        Entry::Row("5.要求行政机关确认或重新出具已获取信息", NOT_HANDLED),
    ],
);
const OTHER_2021: Entry = Entry::Group(
    "（六）其他处理",
    &[
        Entry::Row(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            OTHER,
        ),
        Entry::Row(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            OTHER,
        ),
        Entry::Row("3.其他", OTHER),
    ],
);
const GRANTED_ROW: Entry = Entry::Row("（一）予以公开", GRANTED);
const PARTIAL_ROW: Entry = Entry::Row(
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    PARTIAL,
);

const PART3_2019: &[Entry] = &[
    Entry::Row(RECEIVED, Role::Received),
    Entry::Row(CARRIED_IN, Role::CarriedIn),
    Entry::Group(
        RESULTS_GROUP,
        &[
            GRANTED_ROW,
            PARTIAL_ROW,
            WITHHELD_GROUP,
            UNAVAILABLE_GROUP,
            NOT_HANDLED_GROUP,
            Entry::Row("（六）其他处理", OTHER),
            Entry::Row(RESULT_TOTAL, Role::ResultTotal),
        ],
    ),
    Entry::Row(CARRIED_OUT, Role::CarriedOut),
];

const PART3_2021: &[Entry] = &[
    Entry::Row(RECEIVED, Role::Received),
    Entry::Row(CARRIED_IN, Role::CarriedIn),
    Entry::Group(
        RESULTS_GROUP,
        &[
            GRANTED_ROW,
            PARTIAL_ROW,
            WITHHELD_GROUP,
            UNAVAILABLE_GROUP,
            NOT_HANDLED_GROUP,
            OTHER_2021,
            Entry::Row(RESULT_TOTAL, Role::ResultTotal),
        ],
    ),
    Entry::Row(CARRIED_OUT, Role::CarriedOut),
];

/// Part 四, the same in both editions: 行政复议, then the two kinds of
/// 行政诉讼 under their common header.
const PART4: &[Row4] = &[
    Row4 {
        label: REVIEW,
        groups: &[],
        role: Part4Role::Review,
    },
    Row4 {
        label: "未经复议直接起诉",
        groups: &[LITIGATION],
        role: Part4Role::Litigation,
    },
    Row4 {
        label: "复议后起诉",
        groups: &[LITIGATION],
        role: Part4Role::Litigation,
    },
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
    part4: PART4,
};

/// 国办公开办函〔2021〕30号: the revised format, for the 2021 reports onward.
pub const EDITION_2021: Edition = Edition {
    id: 2021,
    issued_with: "国办公开办函〔2021〕30号",
    part2: &[
        Table2 {
            caption: "第二十条第（一）项",
            columns: &[
                counted("本年制发件数", ColumnRole::Issued),
                counted("本年废止件数", ColumnRole::Repealed),
                counted("现行有效件数", ColumnRole::InForce),
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
    part4: PART4,
};
