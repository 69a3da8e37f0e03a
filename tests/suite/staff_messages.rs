//! Issue 11, the parts for content and configuration: what office staff
//! type (YAML pasted from Word, dates as they write them, stray files,
//! notices scheduled for later) and what gongkai says back, in Chinese by
//! default and in English with GONGKAI_LANG=en.

use crate::build_errors::failed;
use crate::support::site::SiteTest;
use serde_json::Value;

fn site() -> SiteTest {
    SiteTest::fixture("build/basic")
}

/// Writes `content/notices/a.md` with `front` between the `---` lines and
/// checks the failed build's whole stderr.
fn front_matter_fails(front: &str, expected: &str) {
    let s = site();
    s.write(
        "content/notices/a.md",
        format!("---\n{front}---\n\n正文。\n"),
    );
    let run = s.build_fails(&[]);
    assert_eq!(run.stderr, format!("{expected}{}", failed(1)));
}

/// Today in China (UTC+8), as the build decides what is in the future.
fn today_in_china() -> jiff::civil::Date {
    let cst = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    jiff::Timestamp::now().to_zoned(cst).date()
}

#[test]
fn a_key_written_twice_names_the_second_line() {
    front_matter_fails(
        "title: 关于开展消防安全检查的通知\ndate: 2024-01-01\ntitle: 关于开展检查的通知\n",
        "content/notices/a.md:4:1: 错误: 「title」写了两次\n  = 建议: 第一次写在第 2 行，删掉其中一处，只留一个\n",
    );
}

#[test]
fn a_key_written_twice_in_site_yaml() {
    let s = site();
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).expect("read");
    s.write("site.yaml", format!("{yaml}organization: 另一个单位\n"));
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "site.yaml:13:1: 错误: 「organization」写了两次\n  = 建议: 第一次写在第 3 行，删掉其中一处，只留一个\n{}",
            failed(1)
        )
    );
}

#[test]
fn the_same_mistake_in_english() {
    let s = site();
    s.write(
        "content/notices/a.md",
        "---\ntitle: 通知\ndate: 2024-01-01\ntitle: 通知\n---\n\n正文。\n",
    );
    let mut cmd = s.command(&["build"]);
    cmd.env("GONGKAI_LANG", "en");
    let run = s.run_command(&mut cmd);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "content/notices/a.md:4:1: error: `title` is written twice\n  = hint: first written on line 2; delete one of them\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_full_width_colon_is_pointed_at() {
    front_matter_fails(
        "title：关于开展消防安全检查的通知\ndate: 2024-01-01\n",
        "content/notices/a.md:2:6: 错误: 冒号要用英文半角「:」，不能用中文「：」\n",
    );
    front_matter_fails(
        "title: 关于开展消防安全检查的通知\ndate：2024-01-01\n",
        "content/notices/a.md:3:5: 错误: 冒号要用英文半角「:」，不能用中文「：」\n",
    );
}

#[test]
fn an_empty_item_between_commas() {
    front_matter_fails(
        "title: 通知\ndate: 2024-01-01\naliases: [/old/a.html, , /old/b.html]\n",
        "content/notices/a.md:4:24: 错误: 方括号里两个逗号之间是空的：删掉多余的逗号\n",
    );
}

#[test]
fn a_tab_an_unclosed_quote_and_an_unreadable_line() {
    front_matter_fails(
        "title: 通知\ndate: 2024-01-01\n\tsummary: 摘要\n",
        "content/notices/a.md:4:1: 错误: 这里有一个 Tab 键：只能用空格\n  = 建议: 把 Tab 换成空格（缩进一般用两个空格）\n",
    );
    front_matter_fails(
        "title: \"关于开展检查的通知\ndate: 2024-01-01\n",
        "content/notices/a.md:2:8: 错误: 引号没有配对\n  = 建议: 在这个值的末尾补上同样的英文引号\n",
    );
    // A library message gongkai does not know is not shown in Chinese.
    front_matter_fails(
        "title: |x\n  通知\ndate: 2024-01-01\n",
        "content/notices/a.md:2:8: 错误: 这一行的格式读不懂\n  = 建议: 请对照正确的写法检查这一行和上一行：每行写成「名称: 值」，冒号用英文半角，冒号后面空一格，缩进只用空格\n",
    );
}

#[test]
fn dates_as_staff_write_them() {
    let s = site();
    s.write(
        "content/notices/a.md",
        "---\ntitle: 甲\ndate: 2024年3月5日\nwritten: 2024-3-4\n---\n\n正文。\n",
    );
    s.write(
        "content/notices/b.md",
        "---\ntitle: 乙\ndate: 2024-3-6 9:30\n---\n\n正文。\n",
    );
    s.build(&[]);
    let a = s.read("notices/a.html");
    assert!(a.contains("2024-03-05"), "{a}");
    assert!(a.contains("2024-03-04"), "{a}");
    let b = s.read("notices/b.html");
    assert!(b.contains("2024-03-06 09:30"), "{b}");
}

#[test]
fn a_bad_date_names_the_accepted_forms() {
    front_matter_fails(
        "title: 通知\ndate: 2024/03/05\n",
        "content/notices/a.md:3:7: 错误: 日期「2024/03/05」读不懂：请写成 2025-12-03、2025-12-3 或 2025年12月3日；要写时间就在后面空一格加上，例如 2025-12-03 9:30\n",
    );
}

#[test]
fn files_nothing_publishes_are_named() {
    let s = site();
    s.write("content/notices/新建文本文档.txt", "草稿");
    s.write("content/notices/~$报告.docx", "lock");
    s.write("content/notices/.DS_Store", "x");
    s.write("content/notices/Thumbs.db", "x");
    s.write("content/备注.txt", "x");
    // Listed as an attachment, or beside a folder item's index.md: fine.
    s.write(
        "content/notices/c.md",
        "---\ntitle: 丙\ndate: 2024-01-03\nattachments:\n  - 说明.pdf\n---\n\n正文。\n",
    );
    s.write("content/notices/说明.pdf", "%PDF-1.4");
    s.write(
        "content/notices/d/index.md",
        "---\ntitle: 丁\ndate: 2024-01-02\n---\n\n正文。\n",
    );
    s.write("content/notices/d/图.png", "png");
    let run = s.build(&[]);
    assert_eq!(
        run.stderr,
        "content/notices/~$报告.docx: 警告: 「~$报告.docx」是 WPS 或 Word 打开「报告.docx」时留下的临时文件，不会发布；关掉那个文件后它一般会自己消失，没有消失的话可以删掉\n\
         content/notices/新建文本文档.txt: 警告: 「新建文本文档.txt」不会发布：它不是内容文件（.md），也没有被哪条内容列为附件\n  = 建议: 要发布成一条内容，请改成 .md 文件并在开头写上 title 和 date；要作为附件，请在那条内容开头的 attachments: 里写上它的文件名；用不到的话请删掉或移走\n\
         content/备注.txt: 警告: 「备注.txt」直接放在 content 文件夹里，不属于任何栏目，不会发布\n  = 建议: 把它放进某个栏目的文件夹；用不到的话请删掉或移走\n"
    );
}

#[test]
fn items_dated_in_the_future_wait_for_their_day() {
    let s = site();
    s.write(
        "content/notices/later.md",
        "---\ntitle: 明年的通知\ndate: 2099-01-05\n---\n\n正文。\n",
    );
    let run = s.build(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/notices/later.md:3:7: 提示: 发布日期是 2099-01-05，在 {} 之后，这次先不发布；到那天重新生成网站就会发布（加上 --future 现在就发布）\n",
            today_in_china()
        )
    );
    assert!(!s.output("notices/later.html").exists());
    assert!(!s.read("notices/index.html").contains("明年的通知"));
    let run = s.build(&["--future"]);
    assert_eq!(run.stderr, "");
    assert!(s.read("notices/later.html").contains("明年的通知"));
    // Without --future again, the build is not skipped as unchanged.
    s.build(&[]);
    assert!(!s.output("notices/later.html").exists());
}

#[test]
fn a_link_to_a_scheduled_item_says_so() {
    let s = site();
    s.write(
        "content/notices/later.md",
        "---\ntitle: 明年的通知\ndate: 2099-01-05\n---\n\n正文。\n",
    );
    s.write(
        "content/news/now.md",
        "---\ntitle: 今天的消息\ndate: 2024-01-06\n---\n\n详见[通知](/notices/later.md)。\n",
    );
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "content/news/now.md:6:3: 错误: 链接「/notices/later.md」指向的内容定于 2099-01-05 发布，现在还没有发布，链接会打不开：请等那天再加这个链接，或把两条内容定在同一天发布（也可以加 --future 现在就全部发布）\n\
             content/notices/later.md:3:7: 提示: 发布日期是 2099-01-05，在 {} 之后，这次先不发布；到那天重新生成网站就会发布（加上 --future 现在就发布）\n{}",
            today_in_china(),
            failed(1)
        )
    );
    s.build(&["--future"]);
}

#[test]
fn check_as_of_leaves_out_what_is_dated_after_that_day() {
    let s = site();
    let run = s.run(&["check", "--as-of", "2023-12-25", "--format", "json"]);
    let all: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    let future: Vec<(&str, &str)> = all
        .iter()
        .filter(|f| f["code"] == "future")
        .map(|f| {
            (
                f["file"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        future,
        [
            ("content/notices/first.md", "提示"),
            ("content/notices/second.md", "提示")
        ]
    );
    // The link from first.md to second.md is not checked: both wait.
    assert!(!all.iter().any(|f| f["code"] == "link"), "{}", run.stdout);
}

/// Report files go through the same explanations, said for rows and
/// cells (the report's own wording around them is the report module's).
#[test]
fn report_files_get_the_row_and_cell_words() {
    let s = SiteTest::case("check", "base");
    let report = std::fs::read_to_string(s.root.join("content/ndbg/2023.yaml")).expect("read");
    s.write(
        "content/ndbg/2023.yaml",
        report.replacen(
            "一、本年新收政府信息公开申请数量: [5, 0, 0, 0, 1, 0, 6]",
            "一、本年新收政府信息公开申请数量: [5, 0, , 0, 1, 0, 6]",
            1,
        ),
    );
    let run = s.build_fails(&[]);
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("content/ndbg/2023.yaml:36:28:")
            && first.contains("方括号里两个逗号之间是空的：空白单元格请写 ~"),
        "{}",
        run.stderr
    );
    s.write(
        "content/ndbg/2023.yaml",
        report.replacen(
            "  二、上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]",
            "  二、上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]\n  一、本年新收政府信息公开申请数量: [5, 0, 0, 0, 1, 0, 6]",
            1,
        ),
    );
    let run = s.build_fails(&[]);
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("content/ndbg/2023.yaml:38:3:")
            && first.contains(
                "同一行「一、本年新收政府信息公开申请数量」写了两次；第一次写在第 36 行，删掉其中一处，只留一个"
            ),
        "{}",
        run.stderr
    );
}

/// `[a，b]` is one item with a full-width comma in it, never two.
#[test]
fn a_full_width_comma_in_a_list() {
    front_matter_fails(
        "title: 通知\ndate: 2024-01-01\naliases: [/old/a.html，/old/b.html]\n",
        "content/notices/a.md:4:22: 错误: 逗号要用英文半角「,」，不能用中文「，」\n",
    );
    let s = site();
    let yaml = std::fs::read_to_string(s.root.join("site.yaml")).expect("read");
    s.write(
        "site.yaml",
        yaml.replace(
            "{ slug: notices, title: 通知公告, kind: list }",
            "{ slug: notices, title: 通知公告, kind: list, require: [index_no，publisher] }",
        ),
    );
    let run = s.build_fails(&[]);
    assert_eq!(
        run.stderr,
        format!(
            "site.yaml:11:5: 错误: 栏目「notices」：逗号要用英文半角「,」，不能用中文「，」\n{}",
            failed(1)
        )
    );
}
