//! Mistakes office staff make, said right the first time: every mistake of
//! a file in one build (not one a round), the line that is wrong rather
//! than the line after it, spaces and characters pasted from Word named for
//! what they are, and warnings for what would be published other than
//! meant (a paragraph turned into a code box, an image that is not one, a
//! notice with nothing in it). Each test reproduced its defect first.

use crate::build_errors::failed;
use crate::support::site::SiteTest;

fn site() -> SiteTest {
    SiteTest::fixture("build/basic")
}

fn notice(s: &SiteTest, text: &str) {
    s.write("content/notices/a.md", text);
}

#[test]
fn every_mistake_of_a_notice_in_one_build() {
    let s = site();
    notice(
        &s,
        "---\ntitel: 关于开展消防安全检查的通知\ndate: 2024/13/05\nwritten: 2024-02-30\nvalidity: 有效\nvalidity: 有效\n---\n\n正文。\n",
    );
    let run = s.build_fails(&[]);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("content/"))
        .collect();
    assert_eq!(lines.len(), 4, "{}", run.stderr);
    assert!(lines[0].starts_with("content/notices/a.md:2:1: 错误: 不认识「titel」这一项"));
    assert!(
        lines[1].starts_with("content/notices/a.md:3:7: 错误: "),
        "{}",
        run.stderr
    );
    assert!(
        lines[2].starts_with(
            "content/notices/a.md:4:10: 错误: written:（成文日期）日期「2024-02-30」不存在"
        ),
        "{}",
        run.stderr
    );
    assert!(lines[3].starts_with("content/notices/a.md:6:1: 错误: 「validity」写了两次"));
    // `titel` is not reported a second time as a missing title.
    assert!(!run.stderr.contains("缺少 title"), "{}", run.stderr);
    assert!(run.stderr.ends_with(&failed(4)), "{}", run.stderr);
}

#[test]
fn every_mistake_of_site_yaml_in_one_build() {
    let s = site();
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).expect("read");
    s.write(
        "site.yaml",
        yaml.replace("organization:", "organisation:").replace(
            "{ slug: news, title: 街道工作, kind: list }",
            "{ slug: news, title: 街道工作, kind: lists, update_within: 6个月 }",
        ) + "report_deadline: 2月20日\n",
    );
    let run = s.build_fails(&[]);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("site.yaml"))
        .collect();
    assert_eq!(lines.len(), 4, "{}", run.stderr);
    assert!(
        lines[0].starts_with("site.yaml:3:1: 错误: 不认识「organisation」"),
        "{}",
        run.stderr
    );
    assert!(lines[1].starts_with("site.yaml:12:"), "{}", run.stderr);
    assert!(
        lines[1].contains("「lists」不是可以选的值"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("「6个月」不是有效的更新周期"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("report_deadline 写的「2月20日」不是日期"),
        "{}",
        run.stderr
    );
}

#[test]
fn spaces_pasted_from_word_after_a_colon_are_named() {
    let s = site();
    notice(
        &s,
        "---\ntitle: 通知\ndate: 2024-01-01\npublisher:\u{a0}大街街道办事处\nsummary:\u{3000}春节值班\n---\n\n正文。\n",
    );
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:4:11: 错误: 冒号后面是一个从 Word 或网页复制来的特殊空格：要换成英文半角空格（按一下空格键）\n\
             content/notices/a.md:5:9: 错误: 冒号后面是一个中文全角空格：要换成英文半角空格（按一下空格键）\n{}",
            failed(2)
        )
    );
}

#[test]
fn a_key_with_an_invisible_character_says_so() {
    let s = site();
    notice(
        &s,
        "---\ntitle: 通知\ndate: 2024-01-01\n\u{200b}summary: 春节值班\n---\n\n正文。\n",
    );
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:4:1: 错误: 名称「summary」里夹着看不见的字符（零宽字符，常从网页或 Word 复制时带进来）\n  = 建议: 把这一项的名称删掉，用键盘重新输入\n{}",
            failed(1)
        )
    );
}

#[test]
fn a_missing_or_mistyped_opening_line_is_named() {
    let s = site();
    notice(&s, "title: 通知\ndate: 2024-01-01\n---\n\n正文。\n");
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:1:1: 错误: 文件第 1 行缺少「---」：标题、日期等信息要写在两行「---」之间，第一行先写「---」\n{}",
            failed(1)
        )
    );
    notice(&s, "——-\ntitle: 通知\ndate: 2024-01-01\n---\n\n正文。\n");
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:1:1: 错误: 文件第 1 行「——-」应是三个英文减号「---」（关掉中文输入法再输入）\n{}",
            failed(1)
        )
    );
}

/// A report, the `check` fixture's, with one line changed.
fn report_with(old: &str, new: &str) -> (SiteTest, String) {
    let s = SiteTest::case("check", "base");
    let path = s.root.join("content/ndbg/2023.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(old), "{old}");
    let changed = text.replacen(old, new, 1);
    s.write("content/ndbg/2023.yaml", &changed);
    (s, changed)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("line") + 1
}

#[test]
fn a_full_width_colon_before_a_block_of_text_is_named() {
    let (s, text) = report_with("（一）主动公开: |", "（一）主动公开： |");
    let run = s.build_fails(&[]);
    let line = line_of(&text, "（一）主动公开：");
    assert!(
        run.stderr.starts_with(&format!(
            "content/ndbg/2023.yaml:{line}:10: 错误: 文件格式有误：冒号要用英文半角「:」，不能用中文「：」"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn the_line_indented_wrongly_is_named_not_the_next() {
    let (s, text) = report_with("    1.属于国家秘密:", "  1.属于国家秘密:");
    let run = s.build_fails(&[]);
    let line = line_of(&text, "1.属于国家秘密");
    assert!(
        run.stderr.starts_with(&format!(
            "content/ndbg/2023.yaml:{line}:5: 错误: 文件格式有误：这一行的缩进（开头的空格）和上下的行对不上"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_thousands_separator_gets_a_hint() {
    let (s, _) = report_with("行政许可: [371]", "行政许可: [1,234]");
    let run = s.build_fails(&[]);
    assert!(
        run.stderr
            .contains("= 建议: 数字里不要写千位分隔的逗号：「1,234」要写成 1234"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_thousands_separator_is_read_as_typed() {
    for (typed, number) in [
        ("1,000", "1000"),
        ("1,234,567", "1234567"),
        ("12,050", "12050"),
    ] {
        let (s, _) = report_with("行政许可: [371]", &format!("行政许可: [{typed}]"));
        let run = s.build_fails(&[]);
        let hint = format!("= 建议: 数字里不要写千位分隔的逗号：「{typed}」要写成 {number}");
        assert!(run.stderr.contains(&hint), "{typed}: {}", run.stderr);
    }
}

#[test]
fn a_bad_cell_carries_the_sums_it_breaks() {
    let (s, text) = report_with(
        "2.重复申请: [1, 0, 0, 0, 0, 0, 1]",
        "2.重复申请: [1.5, 0, 0, 0, 0, 0, 1]",
    );
    let run = s.build_fails(&[]);
    let line = line_of(&text, "2.重复申请");
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("content/"))
        .collect();
    // One error, at the cell; the sums it breaks are listed under it.
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].starts_with(&format!("content/ndbg/2023.yaml:{line}:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("  - 由此引起: "), "{}", run.stderr);
}

#[test]
fn money_is_published_as_written_with_its_trailing_zeros() {
    // The form says to copy the signed report cell by cell: 1.250 (万元)
    // is shown as 1.250, not 1.25; the sums are the same number.
    let (s, _) = report_with("行政事业性收费: [0]", "行政事业性收费: [1.250]");
    let run = s.build(&[]);
    assert_eq!(run.stderr, "");
    let page = std::fs::read_to_string(s.output("ndbg/2023.html")).expect("page");
    assert!(page.contains(">1.250<"), "{page}");
    assert!(!page.contains(">1.25<"));
    let csv = std::fs::read_to_string(s.output("ndbg/2023/2023-part2-4.csv")).expect("csv");
    assert!(csv.contains("行政事业性收费,1.250"), "{csv}");
}

#[test]
fn what_would_be_published_other_than_meant_is_a_warning() {
    let s = site();
    notice(
        &s,
        "---\ntitle: 通知\ndate: 2024-01-01\n---\n\n第一段。\n\n    第二段从 Word 粘贴，段首有空格。\n\n![现场照片](照片 1.jpg)\n",
    );
    s.write(
        "content/notices/empty.md",
        "---\ntitle: 空\ndate: 2024-01-02\n---\n\n",
    );
    let run = s.build(&[]);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("content/"))
            .collect::<Vec<_>>(),
        [
            "content/notices/a.md:8:5: 警告: 这段文字开头有 4 个或更多空格，网页上会显示成代码框（带底色、等宽字体），不是普通段落",
            "content/notices/a.md:10:1: 警告: 这里的图片或链接没有生效，会把方括号和圆括号原样显示在网页上",
            "content/notices/empty.md:5:1: 警告: 这条信息没有正文，也没有附件，读者点开什么也看不到",
        ]
    );
}

#[test]
fn a_report_left_as_the_template_is_a_build_warning() {
    let s = SiteTest::case("check", "base");
    assert_eq!(s.run(&["new", "report", "2024"]).code, 0);
    let run = s.build(&[]);
    assert!(
        run.stderr.starts_with(
            "content/ndbg/2024.yaml:14:1: 警告: 2024 年度报告还是 gongkai new report 生成的样稿：这一行起还留着示例文字（括号里的提示），照这样发布，读者看到的是样稿\n"
        ),
        "{}",
        run.stderr
    );
    // `check` counts it once, as its rule.
    let check = s.run(&["check", "--as-of", "2025-06-30"]);
    assert_eq!(
        check.stdout.matches("content/ndbg/2024.yaml:14:1:").count(),
        1,
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("[report.template]"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_folder_named_as_a_column_is_titled_names_its_folder() {
    let s = site();
    s.write(
        "content/通知公告/a.md",
        "---\ntitle: 通知\ndate: 2024-01-01\n---\n\n正文。\n",
    );
    let run = s.build(&[]);
    assert!(
        run.stderr.contains(
            "  = 建议: 栏目「通知公告」的文件夹是 content/notices：把里面的文件移到那里\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn dashes_for_blank_cells_and_rows_pasted_from_excel_are_told_plainly() {
    let s = SiteTest::case("report", "base");
    let text = s.read_source("content/ndbg/2021.yaml");
    // Blank cells typed as the signed original shows them: — and /.
    let dashed = text
        .replace(
            "1.属于国家秘密: [0, 0, 0, 0, 0, 0, 0]",
            "1.属于国家秘密: [—, —, —, —, —, —, —]",
        )
        .replace(
            "2.其他法律行政法规禁止公开: [0, 0, 0, 0, 0, 0, 0]",
            "2.其他法律行政法规禁止公开: [/, /, /, /, /, /, /]",
        )
        .replace(
            "3.危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]",
            "3.危及“三安全一稳定”: [——, ——, ——, ——, ——, ——, ——]",
        );
    s.write("content/ndbg/2021.yaml", &dashed);
    let run = s.build(&[]);
    assert_eq!(run.stderr.matches("警告").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("栏有 3 行空白（第 33–35 行）"),
        "{}",
        run.stderr
    );
    // Numbers separated by spaces or 、: the hint shows the row as it goes.
    let spaced = text.replace(
        "（一）予以公开: [3, 0, 0, 0, 0, 0, 3]",
        "（一）予以公开: [3 0 0 0 0 0 3]",
    );
    s.write("content/ndbg/2021.yaml", &spaced);
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.contains(
            "= 建议: 数字之间要用英文逗号隔开，整行放在方括号里：写成 [3, 0, 0, 0, 0, 0, 3]"
        ),
        "{}",
        run.stderr
    );
    // A row pasted from Excel: Tabs, no colon. Said at the pasted line.
    let pasted = text.replace(
        "    （一）予以公开: [3, 0, 0, 0, 0, 0, 3]",
        "    （一）予以公开\t3\t0\t0\t0\t0\t0\t3",
    );
    s.write("content/ndbg/2021.yaml", &pasted);
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.starts_with(
            "content/ndbg/2021.yaml:30:5: 错误: 文件格式有误：这一行像是从 Excel 或 Word 粘贴的（中间是 Tab 键）：名称后面写冒号和一个空格，数字用英文逗号隔开放在方括号里，写成「（一）予以公开: [3, 0, 0, 0, 0, 0, 3]」"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_beside_a_one_file_notice_is_said_to_need_a_folder() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/n4.md",
        "---\ntitle: 防汛\ndate: 2024-05-01\n---\n\n![防汛现场](fangxun.jpg)\n\n[附件下载](预案.docx)\n\n[另一个](没有这个.docx)\n",
    );
    s.write("content/tzgg/fangxun.jpg", "x");
    s.write("content/tzgg/预案.docx", "x");
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.contains("content/tzgg/n4.md:6:1: 错误: 图片或文件「fangxun.jpg」在网站里找不到：只写成一个 .md 文件的信息不会发布它旁边的文件。要带图片或文件，请把这条信息改成文件夹：新建文件夹「n4」，把 n4.md 移进去改名为 index.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/tzgg/n4.md:8:1: 错误: 图片或文件「预案.docx」"),
        "{}",
        run.stderr
    );
    // A file that is nowhere is only missing.
    assert!(
        run.stderr.contains(
            "content/tzgg/n4.md:10:1: 错误: 链接「没有这个.docx」指向的页面或文件在网站里找不到"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_copied_index_number_and_a_written_date_after_publication_are_warned() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/copy.md",
        "---\ntitle: 关于开展秋季消防安全检查的通知\ndate: 2024-09-20\nindex_no: 000000000/2024-09970\npublisher: 测试街道办事处\nwritten: 2024-09-21\n---\n\n正文。\n",
    );
    let run = s.build(&[]);
    assert!(
        run.stderr.contains("content/tzgg/copy.md:4:1: 警告: 索引号「000000000/2024-09970」在 content/tzgg/notice.md 里也用了：一个索引号只能对应一条信息"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/tzgg/copy.md:6:1: 警告: 成文日期 2024-09-21 晚于发布日期 2024-09-20"
        ),
        "{}",
        run.stderr
    );
    // `check` has both, under their codes.
    let check = s.run(&["check", "--as-of", "2024-10-01"]);
    assert!(
        check.stdout.contains("[metadata.index-twice]"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("[metadata.written-late]"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_report_dated_after_today_waits_for_its_day_and_does_not_stop_the_build() {
    // The form for this year, made in December with next January's date,
    // must not stop every notice from being published.
    let s = SiteTest::case("report", "base");
    let text = s.read_source("content/ndbg/2021.yaml");
    s.write(
        "content/ndbg/2021.yaml",
        text.replace("published: 2022-01-20", "published: 2099-01-28"),
    );
    let run = s.build(&[]);
    assert!(
        run.stderr.contains(
            "content/ndbg/2021.yaml:4:1: 提示: 2021 年度报告的公开日期是 2099-01-28，在 "
        ),
        "{}",
        run.stderr
    );
    assert!(!s.output("ndbg/2021.html").exists());
    let run = s.build(&["--future"]);
    assert!(!run.stderr.contains("2099"), "{}", run.stderr);
    assert!(s.output("ndbg/2021.html").exists());
}

#[test]
fn a_misspelled_attachment_key_is_an_error_and_a_file_listed_twice_a_warning() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/att/index.md",
        "---\ntitle: 附件\ndate: 2024-05-01\nattachments:\n  - {file: a.pdf, titel: 方案}\n  - a.pdf\n---\n\n正文\n",
    );
    s.write("content/tzgg/att/a.pdf", "x");
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.contains("content/tzgg/att/index.md:5:5: 错误: 附件这一项里的「titel」不认识：只能写 file（文件名）和 title（显示的标题）\n  = 建议: 是不是想写「title」？"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/tzgg/att/index.md:6:5: 警告: 附件「a.pdf」列了两次"),
        "{}",
        run.stderr
    );
    // One number without its brackets: the hint writes it with them.
    let r = SiteTest::case("report", "base");
    let text = r.read_source("content/ndbg/2021.yaml");
    r.write(
        "content/ndbg/2021.yaml",
        text.replace("行政许可: [362]", "行政许可: 362"),
    );
    let run = r.build_fails(&[]);
    assert!(run.stderr.contains("写成 [362]"), "{}", run.stderr);
}

#[test]
fn draft_written_as_a_chinese_yes_is_told_to_write_true() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/dr.md",
        "---\ntitle: 草稿\ndate: 2024-05-01\ndraft: 是\n---\n\n正文\n",
    );
    let run = s.build_fails(&[]);
    assert!(
        run.stderr.contains("content/tzgg/dr.md:4:8: 错误: 这里只能写英文的 true（表示“是”）或 false（表示“否”），不能写汉字"),
        "{}",
        run.stderr
    );
}

/// A notice with no `---` lines was told it lacked title: and date:
/// (both were there); a closing line typed `----` was said as an opening
/// `---` on line 1 that never ends. Each is said as what it is, on its line.
#[test]
fn front_matter_without_fences_or_with_a_long_closing_line_is_said_as_such() {
    let s = site();
    notice(&s, "title: 关于测试的通知\ndate: 2025-09-01\n\n正文。\n");
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:1:1: 错误: 文件开头缺少两行「---」：标题、日期等信息要写在两行「---」之间（第一行写「---」，这些信息写完后再写一行「---」），然后再写正文\n{}",
            failed(1)
        )
    );
    notice(
        &s,
        "---\ntitle: 关于测试的通知\ndate: 2025-09-01\n----\n\n正文。\n",
    );
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/a.md:4:1: 错误: 文件第 4 行「----」应是三个英文减号「---」（关掉中文输入法再输入）\n{}",
            failed(1)
        )
    );
}

/// `year: ２０２５` (full-width digits, as a Chinese input method types
/// them) was refused while the same digits in cells and dates were read;
/// `2021年` likewise.
#[test]
fn a_report_year_in_full_width_digits_or_with_nian_is_read() {
    let s = SiteTest::case("report", "base");
    let text = s.read_source("content/ndbg/2021.yaml");
    for written in ["２０２１", "2021年"] {
        s.write(
            "content/ndbg/2021.yaml",
            text.replacen("year: 2021", &format!("year: {written}"), 1),
        );
        let run = s.build(&[]);
        assert!(!run.stderr.contains("year:"), "{written}: {}", run.stderr);
        assert!(s.output("ndbg/2021.html").is_file(), "{written}");
    }
}

#[test]
fn index_numbers_are_held_to_the_site_scheme_with_a_fix_for_each() {
    let s = SiteTest::case("check", "base");
    let config = s.read_source("site.yaml");
    s.write(
        "site.yaml",
        format!("{config}index_no_format: [\"000000000/{{年}}-{{序号:5}}\", \"旧/{{序号}}\"]\n"),
    );
    // Each as numbered: the fixture's 000000000/2024-09970 passes.
    for (name, no, date) in [
        ("short", "000000000/2024-0997", "2024-07-01"),
        ("copied", "000000000/2023-00012", "2024-07-02"),
        ("wide", "０００００００００/２０２４-００013", "2024-07-03"),
        ("old", "旧/17", "2019-07-03"),
    ] {
        s.write(
            &format!("content/tzgg/{name}.md"),
            format!("---\ntitle: 通知{name}\ndate: {date}\nindex_no: {no}\npublisher: 测试街道办事处\n---\n\n正文。\n"),
        );
    }
    // A report's number by its publication year (2024), not its own year.
    let report = s.read_source("content/ndbg/2023.yaml");
    s.write(
        "content/ndbg/2023.yaml",
        report.replacen(
            "published: 2024-01-20\n",
            "published: 2024-01-20\nindex_no: 000000000/2023-00001\n",
            1,
        ),
    );
    let run = s.build(&[]);
    let expected = [
        "content/tzgg/short.md:4:1: 警告: 索引号「000000000/2024-0997」不合本站的索引号格式 000000000/{年}-{序号:5}、旧/{序号}（site.yaml 的 index_no_format:）\n  = 建议: 照格式应写成 000000000/2024-00997 这样",
        "content/tzgg/copied.md:4:1: 警告: 索引号「000000000/2023-00012」里的年份 2023，与这条信息的发布日期 2024-07-02 不符，可能是复制旧信息时没有改\n  = 建议: 核对索引号和日期；索引号按发布（或成文）的年份编号，例如 000000000/2024-00012",
        "content/tzgg/wide.md:4:1: 警告: 索引号「０００００００００/２０２４-００013」不合本站的索引号格式",
        "= 建议: 索引号里有全角的数字或符号，请改成半角：000000000/2024-00013",
        "content/ndbg/2023.yaml:5:1: 警告: 索引号「000000000/2023-00001」里的年份 2023，与这条信息的发布日期 2024-01-20 不符",
    ];
    for e in expected {
        assert!(run.stderr.contains(e), "{e}\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("old.md"), "{}", run.stderr);
    assert!(!run.stderr.contains("notice.md"), "{}", run.stderr);
    // Published all the same; `check` lists them under their code.
    assert!(
        s.read("tzgg/short.html")
            .contains("<span class=unit>2024-0997</span>")
    );
    let check = s.run(&["check", "--as-of", "2024-07-10"]);
    assert_eq!(
        check.stdout.matches("[metadata.index-format]").count(),
        4,
        "{}",
        check.stdout
    );
    // A scheme that cannot be read is an error at its line; nothing is built.
    s.write(
        "site.yaml",
        format!("{config}index_no_format: 000000000/{{年}}-{{号码}}\n"),
    );
    // The content's mistakes are said in the same run.
    s.write(
        "content/tzgg/late.md",
        "---\ntitle: 日期写错\ndate: 2024-13-01\n---\n\n正文。\n",
    );
    let bad = s.build_fails(&[]);
    assert!(
        bad.stderr.contains("index_no_format: 写的索引号格式「000000000/{年}-{号码}」用不了：大括号里的「号码」不是能用的名字"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stderr
            .contains("content/tzgg/late.md:3:7: 错误: 日期「2024-13-01」不存在"),
        "{}",
        bad.stderr
    );
}

#[test]
fn rows_typed_as_a_table_that_make_none_are_warned_at_their_line() {
    let s = SiteTest::case("check", "base");
    s.write(
        "content/tzgg/gaoling.md",
        "---\ntitle: 高龄津贴名单公示\ndate: 2024-06-21\nindex_no: 000000000/2024-00020\npublisher: 测试街道办事处\n---\n\n| 序号 | 姓名 | 社区 | 金额（元）|\n|---|---|---|\n| 1 | 王XX | 东街社区 | 100 |\n\n序号 | 姓名 | 金额\n1 | 李XX | 100\n",
    );
    let run = s.build(&[]);
    assert!(
        run.stderr.contains("content/tzgg/gaoling.md:8:1: 警告: 这几行没有显示成表格，网页上会原样显示竖线：表头有 4 格，下一行的分隔行有 3 格，两者要一样多"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/tzgg/gaoling.md:12:1: 警告: 这几行没有显示成表格，网页上会原样显示竖线：表头下面缺少 |---|---| 这样的分隔行"),
        "{}",
        run.stderr
    );
    // Published as it is; `check` lists both under their code.
    assert!(s.read("tzgg/gaoling.html").contains("| 序号 |"));
    let check = s.run(&["check", "--as-of", "2024-06-30"]);
    assert_eq!(
        check.stdout.matches("[body.table]").count(),
        2,
        "{}",
        check.stdout
    );
}
