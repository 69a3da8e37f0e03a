//! Rows and headings of the edition written under the wrong parent: each
//! said once, at its line, with where it belongs and the spaces that put it
//! there; never called another edition's, nor missing.

use super::{Y2020, Y2021, line_of, load_as, of};
use crate::diag::Severity;

const P: &str = "content/ndbg/2021.yaml";

/// `text` with `spaces` more (or, negative, fewer) spaces before each line
/// that starts, after its indentation, with one of `starts`.
fn shift(text: &str, starts: &[&str], spaces: i32) -> String {
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            if !starts.iter().any(|s| t.starts_with(s)) {
                return l.to_string();
            }
            let n = (l.len() - t.len()) as i32 + spaces;
            format!("{}{t}", " ".repeat(n.max(0) as usize))
        })
        .collect();
    out.join("\n") + "\n"
}

fn errors(name: &str, text: &str) -> Vec<String> {
    of(&load_as(name, text).1, Severity::Error)
}

#[test]
fn a_row_under_the_wrong_group_is_moved_to_its_own() {
    // 1.属于国家秘密 written among the rows of （四）无法提供.
    let row = "      1.属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\n";
    let text = Y2021.replacen(row, "", 1).replacen(
        "      3.补正后申请内容仍不明确",
        &format!("{row}      3.补正后申请内容仍不明确"),
        1,
    );
    let line = line_of(&text, "1.属于国家秘密");
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{line}:7: 错误: 「1.属于国家秘密」写在了「（四）无法提供」下面，位置不对：它应写在「（三）不予公开」下一层\n  = 建议: 把这一行放到「（三）不予公开」下一层，和「2.其他法律行政法规禁止公开」对齐（行首 6 个空格）"
        )]
    );
}

#[test]
fn a_row_written_at_its_place_as_well_is_said_twice() {
    // The same row again, inside the group above: moving it would make two.
    let text = Y2021.replacen(
        "  四、结转下年度继续办理",
        "    四、结转下年度继续办理: [2, 0, 0, 0, 0, 0, 2]\n  四、结转下年度继续办理",
        1,
    );
    let line = line_of(&text, "四、结转下年度继续办理");
    let right = line + 1;
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{line}:5: 错误: 「四、结转下年度继续办理」写在了「三、本年度办理结果」下面，位置不对：它应写在「三、收到和处理政府信息公开申请情况」下一层，而那里第 {right} 行已经写了这一行\n  = 建议: 核对两处的数字，把正确的数字留在第 {right} 行，再删去这一处"
        )]
    );
}

#[test]
fn a_group_out_dented_is_one_error_and_its_numbers_are_checked() {
    // （五）不予处理 and its rows 2 spaces to the left: YAML then puts
    // （六）其他处理 under it, at the right indentation; moving （五）
    // puts it right, so it is not said. A wrong number in a moved row is
    // still found.
    let text = shift(
        Y2021,
        &[
            "（五）不予处理",
            "1.信访举报",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认",
        ],
        -2,
    )
    .replace(
        "2.重复申请: [0, 0, 0, 0, 0, 0, 0]",
        "2.重复申请: [0, 0, 0, 0, 0, 0, 1]",
    );
    let errors = errors("2021.yaml", &text);
    assert_eq!(
        errors[0],
        format!(
            "{P}:{}:3: 错误: 「（五）不予处理」写在了「三、收到和处理政府信息公开申请情况」下面，位置不对：它应写在「三、本年度办理结果」下一层\n  = 建议: 把这一行放到「三、本年度办理结果」下一层，和「（四）无法提供」对齐（行首 4 个空格），它下面的各行也一起移过去",
            line_of(&text, "（五）不予处理")
        )
    );
    assert!(errors.len() > 1, "{errors:#?}");
    assert!(
        errors[1..].iter().all(|e| !e.contains("写在了")),
        "{errors:#?}"
    );
    assert!(
        errors[1].contains("2.重复申请：「总计」栏填的是 1"),
        "{errors:#?}"
    );
}

#[test]
fn rows_without_their_heading_are_told_to_add_it_once() {
    // The line （三）不予公开 left out, its eight rows at its own level.
    let start = "    （三）不予公开:\n";
    let rows = [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及",
        "4.保护第三方",
        "5.属于三类内部",
        "6.属于四类",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ];
    let text = shift(&Y2021.replacen(start, "", 1), &rows, -2);
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{}:5: 错误: 「1.属于国家秘密」写在了「三、本年度办理结果」下面，位置不对：它应写在「（三）不予公开」下一层\n  = 建议: 这里还没有「（三）不予公开」这一行：先加一行「（三）不予公开:」（行首 4 个空格），再把这一行和下面同样属于「（三）不予公开」的 7 行放到它下一层（行首 6 个空格）",
            line_of(&text, "1.属于国家秘密")
        )]
    );
}

#[test]
fn part_four_rows_out_of_their_group_and_in() {
    // 复议后起诉 beside 行政诉讼 instead of under it.
    let text = shift(Y2021, &["复议后起诉"], -2);
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{}:3: 错误: 「复议后起诉」写在了「四、政府信息公开行政复议、行政诉讼情况」下面，位置不对：它应写在「行政诉讼」下一层\n  = 建议: 把这一行放到「行政诉讼」下一层，和「未经复议直接起诉」对齐（行首 4 个空格）",
            line_of(&text, "复议后起诉")
        )]
    );
    // 行政复议 moved under 行政诉讼.
    let row = "  行政复议: [1, 0, 0, 0, 1]\n";
    assert!(Y2021.contains(row));
    let text = Y2021.replacen(row, "", 1).replacen(
        "    复议后起诉: [0, 0, 0, 0, 0]\n",
        &format!("    复议后起诉: [0, 0, 0, 0, 0]\n  {row}"),
        1,
    );
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{}:5: 错误: 「行政复议」写在了「行政诉讼」下面，位置不对：它应写在「四、政府信息公开行政复议、行政诉讼情况」下一层\n  = 建议: 把这一行放到「四、政府信息公开行政复议、行政诉讼情况」下一层，和「行政诉讼」对齐（行首 2 个空格）",
            line_of(&text, "行政复议:")
        )]
    );
}

#[test]
fn part_two_rows_and_tables_under_the_wrong_parent() {
    // 行政强制 beside the tables; 第二十条第（八）项 inside the table above.
    let text = shift(Y2021, &["行政强制"], -2);
    assert_eq!(
        errors("2021.yaml", &text),
        [format!(
            "{P}:{}:3: 错误: 「行政强制」写在了「二、主动公开政府信息情况」下面，位置不对：它应写在「第二十条第（六）项」下一层\n  = 建议: 把这一行放到「第二十条第（六）项」下一层，和「行政处罚」对齐（行首 4 个空格）",
            line_of(&text, "行政强制")
        )]
    );
    let text = shift(Y2021, &["第二十条第（八）项", "行政事业性收费"], 2);
    let errors = errors("2021.yaml", &text);
    assert_eq!(
        errors,
        [format!(
            "{P}:{}:5: 错误: 「第二十条第（八）项」写在了「第二十条第（六）项」下面，位置不对：它应写在「二、主动公开政府信息情况」下一层\n  = 建议: 把这一行放到「二、主动公开政府信息情况」下一层，和「第二十条第（六）项」对齐（行首 2 个空格），它下面的各行也一起移过去",
            line_of(&text, "第二十条第（八）项")
        )]
    );
}

#[test]
fn a_2019_edition_row_out_of_place_is_told_its_place() {
    // （六）其他处理, a row in 2019, indented under （五）不予处理.
    let text = shift(Y2020, &["（六）其他处理"], 2);
    let errors = errors("2020.yaml", &text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("「（六）其他处理」写在了「（五）不予处理」下面，位置不对：它应写在「三、本年度办理结果」下一层"),
        "{errors:#?}"
    );
    assert!(!errors[0].contains("版格式"), "{errors:#?}");
}
