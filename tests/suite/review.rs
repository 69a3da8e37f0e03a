//! `gongkai review` (issue 17): every agency's annual report of a year at
//! once, on `tests/fixtures/review/`: nine expected agencies (review.yaml)
//! across both editions, clean, with published errors, with blanks, late,
//! on the wrong edition, with an old-edition label, given twice, published
//! as a page the importer must read, and missing. Each finding is pinned,
//! the sums are checked cell by cell against sums worked out by hand, and
//! each format is checked for its own promise (JSON shape, CSV with BOM and
//! quoting, HTML valid and accessible).

use crate::support::site::SiteTest;
use crate::support::tools;
use serde_json::Value;

/// Runs `gongkai review <args>` in a copy of the fixture folder.
fn review(args: &[&str]) -> (SiteTest, crate::support::site::Run) {
    let site = SiteTest::fixture("review");
    let mut all = vec!["review"];
    all.extend_from_slice(args);
    let run = site.run(&all);
    (site, run)
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (_site, run) = review(&all);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    (run.code, value)
}

/// Each row and its findings as one line each, for exact comparison.
fn lines(review: &Value) -> Vec<String> {
    let s = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_string(),
        v => v.to_string(),
    };
    let mut out = Vec::new();
    for r in review["reports"].as_array().expect("reports") {
        out.push(format!(
            "{} | {} | {} | {} | {} | {}",
            s(&r["agency"]),
            s(&r["year"]),
            s(&r["edition"]),
            s(&r["source"]),
            s(&r["published"]),
            s(&r["status"])
        ));
        for f in r["findings"].as_array().expect("findings") {
            let mut at = s(&f["file"]);
            for k in ["line", "col"] {
                if !f[k].is_null() {
                    at = format!("{at}:{}", f[k]);
                }
            }
            out.push(format!(
                "  {} {} {at} {}",
                s(&f["severity"]),
                s(&f["code"]),
                s(&f["message"])
            ));
        }
    }
    out
}

#[test]
fn every_agency_gets_one_row_and_every_finding_is_pinned() {
    // review.yaml in the current folder lists the agencies and the
    // deadline (02-20); no --year: the latest year read, 2023.
    let (code, review) = json(&["agencies", "--as-of", "2024-03-10"]);
    assert_eq!(code, 1, "errors were found");
    assert_eq!(review["year"], 2023);
    assert_eq!(review["as_of"], "2024-03-10");
    assert_eq!(review["blocking"], true);
    assert_eq!(
        lines(&review),
        [
            "交通局 | 2023 | 2021 | agencies/交通局-副本/2023.yaml | 2024-01-23 | read",
            "  error review.duplicate agencies/交通局-副本/2023.yaml 交通局 的 2023 年度报告不止一份，另见：agencies/交通局/2023.yaml",
            "交通局 | 2023 | 2021 | agencies/交通局/2023.yaml | 2024-01-22 | read",
            "  error review.duplicate agencies/交通局/2023.yaml 交通局 的 2023 年度报告不止一份，另见：agencies/交通局-副本/2023.yaml",
            "卫生健康委员会 | 2023 | - | - | - | missing",
            "  扣分 report.missing review.yaml 卫生健康委员会 没有 2023 年度报告：应在 2024-02-20 前公开（report_deadline 02-20）",
            "城管局 | 2023 | 2019 | agencies/城管局/2023.yaml | 2024-01-29 | read",
            "  warning report.edition agencies/城管局/2023.yaml:3:10 2023 年度报告用的是 2019 版格式（edition: 2019），这一年度应该用 2021 版",
            "大街街道办事处 | 2023 | 2021 | agencies/大街街道/2023.yaml | 2024-03-05 | read",
            "  扣分 report.late agencies/大街街道/2023.yaml:5:1 2023 年度报告在 2024-03-05 才公开，晚于截止日期 2024-02-20（report_deadline 02-20）",
            "教育局 | 2023 | 2021 | agencies/教育局/2023.yaml | 2024-01-25 | read",
            "  error report.rule-b agencies/教育局/2023.yaml:28:40 一、本年新收政府信息公开申请数量「总计」栏填的是 9，但以下 2 处核对都说明这一格应是 5：\n  - 一、本年新收政府信息公开申请数量：「总计」栏填的是 9，但 自然人至其他 合计是 5\n  - agencies/教育局/2023.yaml:57: 三、收到和处理政府信息公开申请情况「总计」栏：一、本年新收 9 + 二、上年结转 1 = 10，但 三（七）总计 5 + 四、结转下年度 1 = 6（第一项加第二项之和应等于第三项加第四项之和）",
            "  warning report.rule-f agencies/教育局/2023.yaml:29:1 2023 年的「二、上年结转政府信息公开申请数量」与 agencies/教育局/2022.yaml:57 中 2022 年的「四、结转下年度继续办理」不一致：自然人今年 1，上年 2；总计今年 1，上年 2",
            "文旅局 | 2023 | - | - | - | missing",
            "  扣分 report.missing review.yaml 文旅局 没有 2023 年度报告：应在 2024-02-20 前公开（report_deadline 02-20）",
            "民政局 | 2023 | 2021 | agencies/民政局/2023.yaml | 2024-01-30 | read",
            "  warning report.blank agencies/民政局/2023.yaml:20:5 第二十条第（六）项 行政处罚：「本年处理决定数量」栏空白（共 1 格），页面上显示为空，按 0 计算",
            "  warning report.blank agencies/民政局/2023.yaml:21:5 第二十条第（六）项 行政强制：「本年处理决定数量」栏空白（共 1 格），页面上显示为空，按 0 计算",
            "水务局 | 2023 | 2021 | agencies/水务局/2023.yaml | 2024-01-26 | read",
            "  warning report.old-label agencies/水务局/2023.yaml:14:5 第二十条第（一）项：「规范性文件」是旧版格式的名称，2021 版格式写作「行政规范性文件」，页面上按「行政规范性文件」发布",
            "财政局 | 2023 | 2021 | agencies/财政局/2023.yaml | 2024-01-18 | read",
            // A file that could not be read is no agency's: listed last.
            " | - | - | agencies/文旅局/2023年报告.html | - | unread",
            "  error import.not-report agencies/文旅局/2023年报告.html 这个文件里没有政府信息公开工作年度报告：找不到“一、总体情况”到“六、其他需要报告的事项”中的任何一个部分，也找不到报告的表格",
        ]
    );
}

#[test]
fn before_the_deadline_a_missing_report_is_a_notice_and_nothing_is_late() {
    let (_, review) = json(&[
        "agencies/财政局",
        "agencies/大街街道",
        "--as-of",
        "2024-02-10",
    ]);
    assert_eq!(
        lines(&review)
            .iter()
            .filter(|l| l.contains("卫生健康委员会") || l.contains("late"))
            .collect::<Vec<_>>(),
        [
            "卫生健康委员会 | 2023 | - | - | - | missing",
            "  提示 report.missing review.yaml 卫生健康委员会 没有 2023 年度报告：应在 2024-02-20 前公开（report_deadline 02-20）",
        ]
    );
}

#[test]
fn a_report_named_twice_is_read_once() {
    let (_, review) = json(&[
        "agencies/财政局/2023.yaml",
        "agencies/财政局",
        "--year",
        "2023",
        "--as-of",
        "2024-03-10",
    ]);
    assert_eq!(
        lines(&review)
            .iter()
            .filter(|l| l.contains("agencies/财政局"))
            .collect::<Vec<_>>(),
        ["财政局 | 2023 | 2021 | agencies/财政局/2023.yaml | 2024-01-18 | read"]
    );
}

#[test]
fn a_list_of_names_adds_missing_rows_and_flags_agencies_not_on_it() {
    let (site, run) = review(&[
        "agencies/财政局",
        "agencies/民政局",
        "--year",
        "2023",
        "--expect",
        "agencies.txt",
        "--as-of",
        "2024-03-10",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "2023 年度政府信息公开工作年度报告审查（截至 2024-03-10）：4 家单位，2 份报告

■ 卫生健康委员会
  缺 2023 年度报告
    扣分 [report.missing] agencies.txt: 卫生健康委员会 没有 2023 年度报告：应在 2024-01-31 前公开（report_deadline 01-31）
        改法：请该单位按期公开年度报告，并把报告文件（或它的网站）加入审查

■ 教育局
  缺 2023 年度报告
    扣分 [report.missing] agencies.txt: 教育局 没有 2023 年度报告：应在 2024-01-31 前公开（report_deadline 01-31）
        改法：请该单位按期公开年度报告，并把报告文件（或它的网站）加入审查

■ 民政局
  2023 年度，2021 版格式，来源 agencies/民政局/2023.yaml，发布日期 2024-01-30
    警告 [report.blank] agencies/民政局/2023.yaml:20:5: 第二十条第（六）项 行政处罚：「本年处理决定数量」栏空白（共 1 格），页面上显示为空，按 0 计算
        改法：原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~
    警告 [report.blank] agencies/民政局/2023.yaml:21:5: 第二十条第（六）项 行政强制：「本年处理决定数量」栏空白（共 1 格），页面上显示为空，按 0 计算
        改法：原件是 0 的请写 0；只有已公开的原件本来就空白的地方才写 ~
    提示 [review.unexpected] agencies/民政局/2023.yaml: 单位「民政局」不在应报名单 agencies.txt 里
        改法：核对单位名称；新增的单位请加进名单

■ 财政局
  2023 年度，2021 版格式，来源 agencies/财政局/2023.yaml，发布日期 2024-01-18
    没有发现问题

合计：0 份有错误，1 份有警告或提示，1 份没有问题，2 家单位缺报告
"
    );
    drop(site);
}

/// Parts 二–四 of a sum in the JSON as (label, cells) rows.
fn table_rows(tables: &Value) -> Vec<(String, Vec<Value>)> {
    let mut out = Vec::new();
    for t in tables["二、主动公开政府信息情况"]
        .as_array()
        .expect("part 2")
    {
        for r in t["rows"].as_array().expect("rows") {
            out.push((
                r["label"].as_str().expect("label").to_string(),
                r["cells"].as_array().expect("cells").clone(),
            ));
        }
    }
    for part in [
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ] {
        for r in tables[part]["rows"].as_array().expect("rows") {
            let groups: Vec<&str> = r["groups"]
                .as_array()
                .map(|g| g.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let label = format!("{}{}", groups.concat(), r["label"].as_str().expect("label"));
            out.push((label, r["cells"].as_array().expect("cells").clone()));
        }
    }
    out
}

fn nums(cells: &[i64]) -> Vec<Value> {
    cells.iter().map(|&n| Value::from(n)).collect()
}

#[test]
fn the_sum_adds_the_clean_reports_cell_by_cell_and_says_what_it_left_out() {
    let (_, review) = json(&["agencies", "--as-of", "2024-03-10", "--sum"]);
    let sum = &review["sum"];
    assert_eq!(sum["year"], 2023);
    assert_eq!(sum["edition"], 2021);
    let agencies = |key: &str| -> Vec<String> {
        sum[key]
            .as_array()
            .expect("list")
            .iter()
            .map(|e| {
                let reason = e["reason"]
                    .as_str()
                    .map(|r| format!("：{r}"))
                    .unwrap_or_default();
                format!(
                    "{}（{}）{reason}",
                    e["agency"].as_str().unwrap_or(""),
                    e["source"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(
        agencies("included"),
        [
            "大街街道办事处（agencies/大街街道/2023.yaml）",
            "民政局（agencies/民政局/2023.yaml）",
            "水务局（agencies/水务局/2023.yaml）",
            "财政局（agencies/财政局/2023.yaml）",
        ]
    );
    assert_eq!(
        agencies("left_out"),
        [
            "交通局（agencies/交通局-副本/2023.yaml）：同一单位同一年度有两份报告",
            "交通局（agencies/交通局/2023.yaml）：同一单位同一年度有两份报告",
            "城管局（agencies/城管局/2023.yaml）：用的是 2019 版格式，这一年度应该用 2021 版",
            "教育局（agencies/教育局/2023.yaml）：有 1 处错误或对不上的勾稽关系（report.rule-b）",
            "文旅局（agencies/文旅局/2023年报告.html）：没能读成报告",
        ]
    );
    // By hand: 财政局 k=1, 民政局 k=3, 大街街道 k=4, 水务局 k=6, where each
    // report has 新收 [k+2, 1, 0, 0, 0, 0, k+3], 上年结转 and 结转下年度 1,
    // 予以公开 k+2, 无法提供 1 (商业企业), 行政许可 100k, 行政复议 k.
    let rows = table_rows(&sum["tables"]);
    let zero7 = nums(&[0; 7]);
    let mut expected: Vec<(String, Vec<Value>)> = vec![
        ("规章".into(), nums(&[0, 0, 0])),
        // 财政局 [1, 0, 4], the other three [1, 0, 3].
        ("行政规范性文件".into(), nums(&[4, 0, 13])),
        ("行政许可".into(), nums(&[1400])),
        // 民政局's blanks count as 0 beside the others' 0.
        ("行政处罚".into(), nums(&[0])),
        ("行政强制".into(), nums(&[0])),
        // 财政局 1.5 万元, the others 0.
        ("行政事业性收费".into(), vec![Value::from(1.5)]),
        (
            "一、本年新收政府信息公开申请数量".into(),
            nums(&[22, 4, 0, 0, 0, 0, 26]),
        ),
        (
            "二、上年结转政府信息公开申请数量".into(),
            nums(&[4, 0, 0, 0, 0, 0, 4]),
        ),
        (
            "三、本年度办理结果（一）予以公开".into(),
            nums(&[22, 0, 0, 0, 0, 0, 22]),
        ),
    ];
    for (label, cells) in &rows[9..] {
        let want = match label.as_str() {
            "三、本年度办理结果（四）无法提供1.本机关不掌握相关政府信息" => {
                nums(&[0, 4, 0, 0, 0, 0, 4])
            }
            "三、本年度办理结果（七）总计" => nums(&[22, 4, 0, 0, 0, 0, 26]),
            "四、结转下年度继续办理" => nums(&[4, 0, 0, 0, 0, 0, 4]),
            "行政复议" => nums(&[14, 0, 0, 0, 14]),
            _ if cells.len() == 5 => nums(&[0; 5]),
            _ => zero7.clone(),
        };
        expected.push((label.clone(), want));
    }
    assert_eq!(rows, expected);
    assert_eq!(rows.len(), 6 + 25 + 3, "every row of the 2021 edition");
}

#[test]
fn a_sum_of_2019_edition_reports_follows_that_edition() {
    // 财政局 and 民政局 2020 both hold complete-2019's figures: each cell
    // of the sum is twice the report's, and the 采购 amounts (text with
    // their own units) are left blank.
    let (code, review) = json(&[
        "agencies",
        "--year",
        "2020",
        "--as-of",
        "2021-03-01",
        "--sum",
    ]);
    assert_eq!(code, 1, "文旅局's page holds no report");
    let sum = &review["sum"];
    assert_eq!(sum["edition"], 2019);
    assert_eq!(sum["included"].as_array().map(Vec::len), Some(2));
    let rows = table_rows(&sum["tables"]);
    let find = |label: &str| {
        rows.iter()
            .find(|(l, _)| l == label)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    assert_eq!(find("规章"), nums(&[2, 4, 6]));
    assert_eq!(
        find("行政许可"),
        vec![Value::from(14), Value::from(16), Value::from(18)]
    );
    assert_eq!(find("行政强制"), nums(&[32, -34, 36]));
    // Both 采购 columns are text cells in the 2019 form.
    assert_eq!(find("政府集中采购"), [Value::Null, Value::Null]);
    assert_eq!(
        find("一、本年新收政府信息公开申请数量"),
        nums(&[2290, 2328, 2366, 2404, 2442, 2480, 14310])
    );
    assert_eq!(
        find("三、本年度办理结果（六）其他处理"),
        nums(&[218, 220, 222, 224, 226, 228, 1338])
    );
    assert_eq!(find("行政诉讼复议后起诉"), nums(&[18, 22, 24, 26, 90]));
}

#[test]
fn csv_opens_in_excel_with_one_line_per_finding_and_quoted_fields() {
    let site = SiteTest::empty();
    let text = std::fs::read_to_string(crate::support::fixture::path(
        "review/agencies/财政局/2023.yaml",
    ))
    .expect("fixture")
    .replace("agency: 财政局", "agency: '财政局,\"测试\"'")
    .replace("published: 2024-01-18", "published: 2024-02-03");
    site.write("reports/2023.yaml", text);
    let run = site.run(&[
        "review",
        "reports",
        "--format",
        "csv",
        "--output",
        "out.csv",
        "--as-of",
        "2024-03-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "审查结果已写入 out.csv\n");
    let bytes = std::fs::read(site.root.join("out.csv")).expect("csv");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert_eq!(
        text,
        "\u{FEFF}单位,年度,格式版本,来源,发布日期,状态,严重程度,代码,位置,问题,改法\r\n\
         \"财政局,\"\"测试\"\"\",2023,2021,reports/2023.yaml,2024-02-03,已读取,扣分,report.late,reports/2023.yaml:5:1,\
         2023 年度报告在 2024-02-03 才公开，晚于截止日期 2024-01-31（report_deadline 01-31）,\
         以后在截止日期之前公开年度报告；截止日期是 site.yaml 的 `report_deadline`（默认 1月31日），gongkai review 审查的报告按 review.yaml 的 `report_deadline` 或 `deadlines`\r\n"
    );
}

#[test]
fn json_keeps_its_keys_in_english_and_a_clean_run_exits_0() {
    let site = SiteTest::fixture("review");
    let mut cmd = site.command(&[
        "review",
        "agencies/财政局",
        "--format",
        "json",
        "--as-of",
        "2024-03-01",
        "--sum",
    ]);
    cmd.env("GONGKAI_LANG", "en");
    let run = site.run_command(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let keys = |v: &Value| {
        v.as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(keys(&v), ["year", "as_of", "blocking", "reports", "sum"]);
    assert_eq!(
        keys(&v["reports"][0]),
        [
            "agency",
            "year",
            "edition",
            "source",
            "published",
            "status",
            "findings"
        ]
    );
    assert_eq!(
        keys(&v["sum"]),
        ["year", "edition", "included", "left_out", "tables"]
    );
    // review.yaml lists eight more agencies, missing in English words.
    assert_eq!(v["reports"][0]["status"], "missing");
    assert_eq!(v["reports"][0]["findings"][0]["severity"], "扣分");
    assert_eq!(
        v["reports"][0]["findings"][0]["message"],
        "交通局 has no 2023 report: it was due by 2024-02-20 (report_deadline 02-20)"
    );
}

#[test]
fn html_is_one_valid_accessible_page() {
    let (site, run) = review(&[
        "agencies",
        "--as-of",
        "2024-03-10",
        "--sum",
        "--format",
        "html",
        "--output",
        "out/review.html",
    ]);
    assert_eq!(run.code, 1);
    let dir = site.root.join("out");
    let html = std::fs::read_to_string(dir.join("review.html")).expect("page");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
        "{}",
        &html[..80]
    );
    let doc = scraper::Html::parse_document(&html);
    assert_eq!(
        crate::support::site::texts(&doc, "h1, h2"),
        [
            "2023 年度政府信息公开工作年度报告审查（截至 2024-03-10）：9 家单位，8 份报告，另有 1 个文件没能读取",
            "各单位的问题",
            "2023 年度汇总（2021 版格式）：4 份报告相加",
        ]
    );
    assert_eq!(
        crate::support::site::texts(&doc, "#summary tbody tr:nth-child(6) > *"),
        [
            "教育局",
            "2023",
            "2021",
            "2024-01-25",
            "已读取",
            "1",
            "1",
            "0"
        ]
    );
    // Nothing fetched: no script, no external stylesheet or image.
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"));
    if let Some(errors) = tools::vnu_errors(&dir) {
        assert_eq!(errors, Vec::<String>::new());
    }
    if let Some(violations) = tools::axe_violations(&dir) {
        assert_eq!(violations, Vec::<String>::new());
    }
}

#[test]
fn a_path_that_is_no_report_is_said_never_skipped() {
    let site = SiteTest::empty();
    site.write("reports/2023.pdf", b"%PDF-1.4");
    let run = site.run(&["review", "reports", "nowhere", "--as-of", "2024-03-01"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "政府信息公开工作年度报告审查（截至 2024-03-01）：没有读到任何报告

■ 没能读取的文件（不算哪一家单位的报告）
  nowhere：没能读成年度报告
    错误 [review.unread] nowhere: 找不到这个文件或文件夹
        改法：把报告存成 gongkai 的 YAML 格式（gongkai new report，或 gongkai import report），或另存为 .docx、.html、.txt 后再审查
  reports/2023.pdf：没能读成年度报告
    错误 [review.unread] reports/2023.pdf: 读不了 .pdf 文件：能审查的是年度报告的 YAML 文件，以及已公开报告的 .html、.docx、.txt 文件
        改法：用 Word 或 WPS 打开，另存为 .docx 或纯文本 .txt，再审查

合计：0 份有错误，0 份有警告或提示，0 份没有问题，0 家单位缺报告；2 个文件没能读取
"
    );
}

/// The 区 site of `tests/fixtures/rollup/`: a rollup column over a site
/// with a `base_url` (财政局, 2022 and 2023), a site without one (民政局),
/// and a folder of reports (教育局, whose published errors keep it out of
/// the sum, and 水务局).
fn district() -> SiteTest {
    SiteTest::fixture("rollup")
}

#[test]
fn a_rollup_column_publishes_each_years_sum_and_the_agencies() {
    let site = district();
    let run = site.run(&["build", "--root", "district"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "site.yaml:7:1: 警告: 汇总栏目「ndbghz」的 2023 年度合计没有计入这些报告：教育局（有 1 处错误或对不上的勾稽关系（report.rule-b））\n"
    );
    let public = site.root.join("district/public");
    let page = |rel: &str| {
        scraper::Html::parse_document(&std::fs::read_to_string(public.join(rel)).expect("page"))
    };
    use crate::support::site::{attrs, texts};
    let y2023 = page("ndbghz/2023.html");
    assert_eq!(
        texts(&y2023, "h1"),
        ["全区政府信息公开工作年度报告：2023年度"]
    );
    assert_eq!(
        texts(&y2023, "#t3 tbody tr:first-child td"),
        // 财政局 k=1, 民政局 k=3, 水务局 k=6: 新收 [k+2, 1, …, k+3].
        ["16", "3", "0", "0", "0", "0", "19"]
    );
    assert_eq!(texts(&y2023, "#t2-2 td"), ["1000"]);
    assert_eq!(
        texts(&y2023, "#t4 tbody td:nth-child(-n+5)"),
        ["10", "0", "0", "0", "10"]
    );
    assert_eq!(
        texts(&y2023, "#rollup-agencies tbody tr > *"),
        [
            "教育局",
            "教育局2023年政府信息公开工作年度报告",
            "2024-01-25",
            "否",
            "民政局",
            "民政局2023年政府信息公开工作年度报告",
            "2024-01-30",
            "是",
            "水务局",
            "水务局2023年政府信息公开工作年度报告",
            "2024-01-26",
            "是",
            "财政局",
            "财政局2023年政府信息公开工作年度报告",
            "2024-01-18",
            "是",
        ]
    );
    // Only 财政局's site has an address to link to.
    assert_eq!(
        attrs(&y2023, "#rollup-agencies a", "href"),
        ["https://czj.jiangchuan.example.gov.cn/xxgk/ndbg/2023.html"]
    );
    let column = page("ndbghz/index.html");
    assert_eq!(
        texts(&column, "main li"),
        ["2023年度（3个单位）", "2022年度（1个单位）"]
    );
    assert_eq!(
        attrs(&column, "main li a", "href"),
        ["/ndbghz/2023.html", "/ndbghz/2022.html"]
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).expect("sitemap");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    assert_eq!(
        locs,
        [
            "https://www.jiangchuan.example.gov.cn/",
            "https://www.jiangchuan.example.gov.cn/sitemap.html",
            "https://www.jiangchuan.example.gov.cn/ndbghz/index.html",
            "https://www.jiangchuan.example.gov.cn/ndbghz/2023.html",
            "https://www.jiangchuan.example.gov.cn/ndbghz/2022.html",
        ]
    );
    if let Some(errors) = tools::vnu_errors(&public) {
        assert_eq!(errors, Vec::<String>::new());
    }
    if let Some(violations) = tools::axe_violations(&public) {
        assert_eq!(violations, Vec::<String>::new());
    }
}

#[test]
fn a_rollup_source_that_is_not_there_is_an_error_at_its_column() {
    let site = district();
    site.write(
        "district/site.yaml",
        std::fs::read_to_string(site.root.join("district/site.yaml"))
            .expect("site.yaml")
            .replace("../reports]", "../baogao]"),
    );
    let run = site.run(&["build", "--root", "district"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "site.yaml:7:1: 错误: 汇总栏目「ndbghz」的来源「../baogao」不存在（相对网站文件夹）\n\
         错误：共 1 处错误，这次没有生成网站，已发布的网站保持原样\n"
    );
}

#[test]
fn serve_rebuilds_the_rollup_when_a_source_report_changes() {
    let site = district();
    let preview = crate::support::preview::Preview::start(&site.root.join("district"));
    let permits = |p: &crate::support::preview::Preview| {
        let html = scraper::Html::parse_document(&p.get("/ndbghz/2023.html").text());
        texts(&html, "#t2-2 td")
    };
    use crate::support::site::texts;
    assert_eq!(permits(&preview), ["1000"]);
    // 财政局's site is outside the district's folder.
    let file = site.root.join("caizheng/content/ndbg/2023.yaml");
    let text = std::fs::read_to_string(&file).expect("report");
    std::fs::write(&file, text.replace("行政许可: [100]", "行政许可: [700]")).expect("write");
    preview.wait_for("the rebuilt sum", |p| permits(p) == ["1600"]);
}

/// A published report (a saved CMS page of the 2021 edition, the import
/// tests' fixture) is read through the importer, without writing anything.
#[test]
fn a_published_page_is_read_through_the_importer() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/2021-soup.html"
    );
    let (_code, value) = json(&[page]);
    // The fixture folder's review.yaml adds its agencies' missing rows.
    let reports = value["reports"].as_array().expect("reports");
    let read: Vec<&Value> = reports
        .iter()
        .filter(|r| {
            r["source"]
                .as_str()
                .unwrap_or("")
                .ends_with("2021-soup.html")
        })
        .collect();
    assert_eq!(read.len(), 1, "{value}");
    let r = read[0];
    assert_eq!(
        (
            r["agency"].as_str(),
            r["year"].as_i64(),
            r["edition"].as_i64(),
            r["status"].as_str()
        ),
        (
            Some("某某区发展和改革局"),
            Some(2021),
            Some(2021),
            Some("read")
        ),
        "{r}"
    );
    assert_eq!(r["published"], "2022-01-20", "{r}");
}

/// A folder holding a text original without its date, a .doc and a .pdf:
/// the files that cannot be read are listed as such (not as an agency
/// named after the folder), the counts agree, and the missing date is
/// asked for in the original's terms.
#[test]
fn unreadable_files_are_no_agency_and_a_text_original_is_told_of_its_date() {
    let site = SiteTest::empty();
    let text = std::fs::read_to_string(crate::support::fixture::path("import/2021-tabs.txt"))
        .expect("fixture");
    site.write("rv/2021年报.txt", text.replace("2022年1月28日", ""));
    site.write("rv/旧报告.doc", b"junk");
    site.write("rv/扫描件.pdf", b"%PDF-1.4");
    let run = site.run(&["review", "rv", "--as-of", "2024-03-01"]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(
        out.starts_with(
            "2021 年度政府信息公开工作年度报告审查（截至 2024-03-01）：1 家单位，1 份报告，另有 2 个文件没能读取\n\n■ 某某街道办事处\n"
        ),
        "{out}"
    );
    assert!(!out.contains("■ rv"), "{out}");
    assert!(
        out.contains(
            "    错误 [report.published] rv/2021年报.txt: 原件里找不到发布日期：看不出是哪天公开的，也就判断不了是否按期公开\n        改法：在报告末尾署名的下一行写上发布日期，如 2024年1月30日（网页上要写明发布日期）\n"
        ),
        "{out}"
    );
    assert!(!out.contains("published:"), "{out}");
    assert!(
        out.contains(
            "■ 没能读取的文件（不算哪一家单位的报告）\n  rv/扫描件.pdf：没能读成年度报告\n    错误 [review.unread] rv/扫描件.pdf: 读不了 .pdf 文件：能审查的是年度报告的 YAML 文件，以及已公开报告的 .html、.docx、.txt 文件\n        改法：用 Word 或 WPS 打开，另存为 .docx 或纯文本 .txt，再审查\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with(
            "合计：1 份有错误，0 份有警告或提示，0 份没有问题，0 家单位缺报告；2 个文件没能读取\n"
        ),
        "{out}"
    );
}

/// Two years of one agency's published text originals in rv/: the
/// fixture for 2021 and, for 2022, 2 carried in where 2021 carried out 1
/// (rule F), 现行有效 9 for 4 + 1 − 0 (rule G), and （一）予以公开 saying 5
/// for 4 in its 总计, which breaks its row and the 总计 column (one error).
/// Reviewed for 2022 as of 2024-03-01.
fn two_years_of_originals() -> crate::support::site::Run {
    let site = SiteTest::empty();
    let text = std::fs::read_to_string(crate::support::fixture::path("import/2021-tabs.txt"))
        .expect("fixture");
    site.write("rv/2021年报.txt", &text);
    let next = text
        .replace("2022年1月28日", "2023年1月28日")
        .replace("2021年", "2022年")
        .replace("数量\t5\t1\t0\t0\t0\t0\t7", "数量\t4\t1\t0\t0\t0\t0\t5")
        .replace("数量\t1\t0\t0\t0\t0\t0\t1", "数量\t2\t0\t0\t0\t0\t0\t2")
        .replace(
            "予以公开\t3\t1\t0\t0\t0\t0\t4",
            "予以公开\t3\t1\t0\t0\t0\t0\t5",
        )
        .replace("行政规范性文件\t1\t0\t4", "行政规范性文件\t1\t0\t9");
    site.write("rv/2022年报.txt", next);
    let run = site.run(&["review", "rv", "--as-of", "2024-03-01", "--year", "2022"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run
}

/// The carry-over across the years names the originals without the lines
/// of the YAML form they are read through (which nobody sees).
#[test]
fn carry_over_between_published_originals_names_no_yaml_line() {
    let out = two_years_of_originals().stdout;
    assert!(
        out.contains(
            "    警告 [report.rule-f] rv/2022年报.txt: 2022 年的「二、上年结转政府信息公开申请数量」与 rv/2021年报.txt 中 2021 年的「四、结转下年度继续办理」不一致：自然人今年 2，上年 1；总计今年 2，上年 1\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "    提示 [report.rule-g] rv/2022年报.txt: 第二十条第（一）项 行政规范性文件：「现行有效件数」填的是 9，但 2021 年的 4 + 本年制发 1 − 本年废止 0 = 5\n"
        ),
        "{out}"
    );
}

/// The advice on a published original is said of the original (its agency
/// corrects and republishes it), never of the YAML form.
#[test]
fn published_originals_get_advice_about_the_original() {
    let run = two_years_of_originals();
    assert_eq!(
        run.stdout,
        "2022 年度政府信息公开工作年度报告审查（截至 2024-03-01）：1 家单位，1 份报告\n\
         \n\
         ■ 某某街道办事处\n  \
         2022 年度，2021 版格式，来源 rv/2022年报.txt，发布日期 2023-01-28\n    \
         错误 [report.rule-b] rv/2022年报.txt: 三、本年度办理结果（一）予以公开「总计」栏填的是 5，但以下 2 处核对都说明这一格应是 4：\n      \
         - 三、本年度办理结果（一）予以公开：「总计」栏填的是 5，但 自然人至其他 合计是 4\n      \
         - 三、本年度办理结果（七）总计「总计」栏填的是 6，但（一）至（六）合计是 7\n        \
         改法：原件已经公开，只能由报告单位改正：请报告单位核对原件中的这些数字，确有错误的，改正后重新公开\n    \
         警告 [report.rule-f] rv/2022年报.txt: 2022 年的「二、上年结转政府信息公开申请数量」与 rv/2021年报.txt 中 2021 年的「四、结转下年度继续办理」不一致：自然人今年 2，上年 1；总计今年 2，上年 1\n        \
         改法：让这一年的 四、结转下年度继续办理 等于下一年的 二、上年结转政府信息公开申请数量\n    \
         警告 [report.blank] rv/2022年报.txt: 「法律服务机构」栏有 8 行空白，页面上显示为空，按 0 计算\n        \
         改法：原件这些格是空白的：数字是 0 的格，公开的报告里应写 0\n    \
         提示 [report.rule-g] rv/2022年报.txt: 第二十条第（一）项 行政规范性文件：「现行有效件数」填的是 9，但 2021 年的 4 + 本年制发 1 − 本年废止 0 = 5\n        \
         改法：这只是提示：文件也可能到期失效而没有废止\n\
         \n\
         合计：1 份有错误，0 份有警告或提示，0 份没有问题，0 家单位缺报告\n"
    );
}
