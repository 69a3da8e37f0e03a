//! The synthetic portal: a seeded generator of list items, page columns and
//! annual reports, written as a gongkai site (`site.yaml`, `content/`).
//!
//! Everything comes from one seed through [`Rng`], and each item from its own
//! stream (the seed mixed with the item's number), so item 17 reads the same
//! whichever N is generated and two runs with the same N and seed write
//! byte-identical trees. The text is assembled from a small fixed vocabulary
//! of Chinese administrative phrases.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// SplitMix64: tiny, fast and good enough to vary synthetic content.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() - 1)]
    }

    /// True once in `n`.
    pub(crate) fn one_in(&mut self, n: usize) -> bool {
        self.range(0, n - 1) == 0
    }
}

const SUBJECTS: &[&str] = &[
    "街道办事处",
    "各社区居委会",
    "综合管理办公室",
    "平安建设办公室",
    "社区服务中心",
    "城市管理执法队",
    "社会事务科",
    "经济发展办公室",
    "网格员队伍",
    "志愿服务队",
    "辖区物业服务企业",
    "辖区各单位",
    "退役军人服务站",
    "社区卫生服务中心",
    "党群服务中心",
];
const ADVERBS: &[&str] = &[
    "认真",
    "及时",
    "持续",
    "全面",
    "深入",
    "扎实",
    "稳步",
    "严格",
    "统筹",
    "积极",
    "逐步",
    "进一步",
];
const VERBS: &[&str] = &[
    "推进", "开展", "落实", "组织", "完善", "加强", "部署", "督促", "排查", "整治", "宣传", "优化",
    "规范", "检查", "协调",
];
const OBJECTS: &[&str] = &[
    "垃圾分类工作",
    "老旧小区改造",
    "消防安全检查",
    "政务公开工作",
    "便民服务事项",
    "防汛准备工作",
    "社区网格化管理",
    "困难群众救助",
    "食品安全监管",
    "文明城市创建",
    "人口普查登记",
    "环境卫生整治",
    "安全生产大检查",
    "养老服务体系建设",
    "就业援助行动",
    "预算执行管理",
    "传染病防控措施",
    "矛盾纠纷排查",
    "背街小巷整治",
    "电动自行车充电管理",
];
const TAILS: &[&str] = &[
    "确保各项措施落到实处",
    "切实维护辖区群众合法权益",
    "逐步形成长效管理机制",
    "取得了阶段性成效",
    "群众满意度明显提升",
    "做到底数清、情况明",
    "为辖区发展营造良好环境",
    "按时完成年度目标任务",
    "及时回应群众关切",
    "推动各项工作提质增效",
];
const OPENERS: &[&str] = &[
    "同时，",
    "此外，",
    "在此基础上，",
    "下一步，",
    "截至目前，",
    "据统计，",
    "",
    "",
    "",
];
const UNITS: &[&str] = &["户", "人次", "处", "家", "件", "场"];
const TOPICS: &[&str] = &[
    "安全生产监管",
    "城乡建设",
    "民政、扶贫、救灾",
    "财政、审计",
    "卫生、体育",
    "综合政务",
    "劳动、人事、监察",
    "环境监测、保护与治理",
];
const VALIDITY: &[&str] = &["有效", "有效", "有效", "失效", "废止"];
const PUBLISHERS: &[&str] = &["大街街道办事处", "大街街道办事处", "大街街道党工委"];
const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八"];

/// The list columns with their share of the items (out of 20).
pub(crate) const LIST_COLUMNS: &[(&str, &str, usize)] = &[
    ("yjsgk", "预决算公开", 3),
    ("zcjd", "政策解读", 3),
    ("tzgg", "通知公告", 7),
    ("jdgz", "街道工作", 7),
];
/// The page columns.
pub(crate) const PAGE_COLUMNS: &[(&str, &str)] = &[
    ("jggk", "机构概况"),
    ("gzjd", "公众监督"),
    ("gkzn", "公开指南"),
];
/// The reports column.
pub(crate) const REPORTS: (&str, &str) = ("ndbg", "政府信息公开年度报告");
/// The reported years, each in the edition due for it (the 2019 form up to
/// 2020, the 2021 form from 2021): a report on another year's form is a
/// build warning, and a site with warnings never takes the no-change fast
/// path, so the rebuild cases would measure a full render.
pub(crate) const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2005..=2024;
/// The first year written in the 2021 edition.
const FIRST_2021_EDITION: i32 = 2021;
/// Items per list page, as in the example site.
pub(crate) const PER_PAGE: usize = 20;

/// `site.yaml`: the example's shape, eight columns in the same order.
pub(crate) const SITE_YAML: &str = "\
# Synthetic portal for `cargo bench --bench portal`; written by tests/bench/synth.rs.
title: 大街街道政府信息公开
base_url: https://www.jiangchuan.example.gov.cn/xxgk/djjd/
organization: 大街街道办事处
contact:
  address: 江川区大街路188号
  phone: 0000-12345678
  email: dajie@example.gov.cn
identifiers:
  site_code: \"0000000001\"
  icp: 示ICP备00000000号
  police: 示公网安备00000000000000号
report_deadline: \"02-20\"
columns:
  - { slug: jggk, title: 机构概况, kind: page }
  - { slug: yjsgk, title: 预决算公开, kind: list, per_page: 20, update_within: 1y }
  - { slug: zcjd, title: 政策解读, kind: list, per_page: 20, update_within: 6m }
  - { slug: ndbg, title: 政府信息公开年度报告, kind: reports, update_within: 1y }
  - { slug: tzgg, title: 通知公告, kind: list, per_page: 20, update_within: 6m, require: [index_no, publisher] }
  - { slug: jdgz, title: 街道工作, kind: list, per_page: 20, update_within: 14d }
  - { slug: gzjd, title: 公众监督, kind: page }
  - { slug: gkzn, title: 公开指南, kind: page }
";

/// Writes `site.yaml` into the site at `dir`, with site search on (the
/// default) or turned off with `search: false`, so the benchmark can build
/// both from the same content.
pub(crate) fn write_site_yaml(dir: &Path, search: bool) -> std::io::Result<()> {
    let yaml = if search {
        SITE_YAML.to_owned()
    } else {
        format!("{SITE_YAML}search: false\n")
    };
    std::fs::write(dir.join("site.yaml"), yaml)
}

/// A calendar date and time of day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateTime {
    pub(crate) y: i32,
    pub(crate) m: u32,
    pub(crate) d: u32,
    pub(crate) hh: u32,
    pub(crate) mm: u32,
}

impl DateTime {
    /// The date `days` after 1970-01-01 (the usual civil-from-days).
    fn from_days(days: i64, hh: u32, mm: u32) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Self { y, m, d, hh, mm }
    }

    pub(crate) fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// One generated list item, as both generators need it.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) column: &'static str,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) date: DateTime,
    pub(crate) written: DateTime,
    pub(crate) summary: String,
    pub(crate) index_no: String,
    pub(crate) doc_no: String,
    pub(crate) publisher: &'static str,
    pub(crate) topic: &'static str,
    pub(crate) validity: &'static str,
    /// The attachment's file name, for folder items.
    pub(crate) attachment: Option<String>,
    pub(crate) body: String,
}

/// A page column's `_index.md` content.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) slug: &'static str,
    pub(crate) title: &'static str,
    pub(crate) body: String,
}

fn sentence(rng: &mut Rng) -> String {
    match rng.range(0, 3) {
        0 => format!(
            "{}{}{}{}{}，{}。",
            rng.pick(OPENERS),
            rng.pick(SUBJECTS),
            rng.pick(ADVERBS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        ),
        1 => format!(
            "{}全年共{}{}{}次，涉及{}{}，{}。",
            rng.pick(OPENERS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.range(2, 60),
            rng.range(10, 5000),
            rng.pick(UNITS),
            rng.pick(TAILS)
        ),
        2 => format!(
            "{}围绕{}，{}{}{}，{}。",
            rng.pick(SUBJECTS),
            rng.pick(OBJECTS),
            rng.pick(ADVERBS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        ),
        _ => format!(
            "{}{}月{}日起，{}对{}进行{}，{}。",
            rng.pick(OPENERS),
            rng.range(1, 12),
            rng.range(1, 28),
            rng.pick(SUBJECTS),
            rng.pick(OBJECTS),
            rng.pick(&["专项检查", "集中整治", "督导复查", "入户走访"]),
            rng.pick(TAILS)
        ),
    }
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences).map(|_| sentence(rng)).collect()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Breaks a paragraph into lines of about `width` characters, only ever
/// between two Han characters (the case gongkai joins without a space).
fn hard_wrap(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / width + 1);
    let mut line = 0;
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        line += 1;
        if line >= width && is_han(c) && chars.get(i + 1).is_some_and(|&n| is_han(n)) {
            out.push('\n');
            line = 0;
        }
    }
    out
}

fn push_block(out: &mut String, len: &mut usize, block: &str) {
    *len += block.chars().count();
    out.push_str(block);
    out.push_str("\n\n");
}

/// A Markdown body of about `target` characters: paragraphs (some hard
/// wrapped), headings, one list, and a GFM table when `table` is set.
fn body(rng: &mut Rng, target: usize, table: bool, signer: &str, date: &DateTime) -> String {
    let mut out = String::new();
    let mut len = 0;
    let greeting = rng.pick(&["各社区居委会、辖区各单位", "各有关单位", "辖区居民朋友们"]);
    push_block(&mut out, &mut len, &format!("{greeting}："));
    let k = rng.range(2, 4);
    let first = paragraph(rng, k);
    push_block(&mut out, &mut len, &hard_wrap(&first, rng.range(28, 44)));
    let (list_at, table_at) = (rng.range(1, 2), rng.range(1, 3));
    let (mut paras, mut section) = (0, 0);
    let (mut listed, mut tabled) = (false, !table);
    while len < target || !listed || !tabled {
        if section < NUMERALS.len() && rng.one_in(2) {
            let heading = format!("## {}、{}", NUMERALS[section], rng.pick(OBJECTS));
            push_block(&mut out, &mut len, &heading);
            section += 1;
        }
        let k = rng.range(1, 4);
        let p = paragraph(rng, k);
        let p = if rng.one_in(3) {
            hard_wrap(&p, rng.range(28, 44))
        } else {
            p
        };
        push_block(&mut out, &mut len, &p);
        paras += 1;
        if !listed && paras >= list_at {
            let ordered = rng.one_in(2);
            let list: Vec<String> = (1..=rng.range(3, 6))
                .map(|k| {
                    let s = sentence(rng);
                    if ordered {
                        format!("{k}. {s}")
                    } else {
                        format!("- {s}")
                    }
                })
                .collect();
            push_block(&mut out, &mut len, &list.join("\n"));
            listed = true;
        } else if !tabled && paras >= table_at {
            let mut t = String::from("| 项目 | 数量 | 完成率 |\n|---|---:|---:|\n");
            for _ in 0..rng.range(3, 6) {
                let _ = writeln!(
                    t,
                    "| {} | {} | {}% |",
                    rng.pick(OBJECTS),
                    rng.range(1, 900),
                    rng.range(60, 100)
                );
            }
            push_block(&mut out, &mut len, t.trim_end());
            tabled = true;
        }
    }
    let _ = writeln!(out, "{signer}\n{}年{}月{}日", date.y, date.m, date.d);
    out
}

/// Item `i` (0-based) of the portal made from `seed`.
pub(crate) fn item(seed: u64, i: usize) -> Item {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xD134_2543_DE82_EF95));
    let mut share = rng.range(0, 19);
    let (column, _, _) = *LIST_COLUMNS
        .iter()
        .find(|(_, _, w)| {
            if share < *w {
                true
            } else {
                share -= w;
                false
            }
        })
        .unwrap_or(&LIST_COLUMNS[0]);
    // Ten years: 2015-01-01 (16436 days after the epoch) to 2024-12-31.
    let day = 16_436 + rng.range(0, 3652) as i64;
    let date = DateTime::from_days(day, rng.range(8, 17) as u32, rng.range(0, 59) as u32);
    let written = DateTime::from_days(day - rng.range(0, 10) as i64, 0, 0);
    let object = *rng.pick(OBJECTS);
    let title = match column {
        "yjsgk" => format!(
            "大街街道{}年{}{}",
            date.y,
            object.trim_end_matches("工作"),
            rng.pick(&["部门预算", "部门决算", "专项资金使用情况", "“三公”经费说明"])
        ),
        "zcjd" => format!(
            "《大街街道{}实施办法》政策解读",
            object.trim_end_matches("工作")
        ),
        "tzgg" => format!("关于{}{}的通知", rng.pick(VERBS), object),
        _ => format!("大街街道{}{}{}", rng.pick(ADVERBS), rng.pick(VERBS), object),
    };
    let publisher = *rng.pick(PUBLISHERS);
    let target = rng.range(300, 1300);
    let table = i.is_multiple_of(10);
    let attachment = (i % 50 == 7).then(|| format!("附件{}.pdf", i + 1));
    let body = body(&mut rng, target, table, publisher, &written);
    let summary = sentence(&mut rng);
    let doc_no = format!("大街办发〔{}〕{}号", written.y, rng.range(1, 120));
    let topic = *rng.pick(TOPICS);
    let validity = *rng.pick(VALIDITY);
    Item {
        column,
        slug: format!("n{:06}", i + 1),
        summary,
        index_no: format!("014314799/{}-{:05}", date.y, i + 1),
        doc_no,
        topic,
        validity,
        title,
        date,
        written,
        publisher,
        attachment,
        body,
    }
}

/// The three page columns.
pub(crate) fn pages(seed: u64) -> Vec<Page> {
    let mut rng = Rng::new(seed ^ 0x5A5A_5A5A);
    PAGE_COLUMNS
        .iter()
        .map(|&(slug, title)| {
            let mut body = String::new();
            for numeral in &NUMERALS[..5] {
                let _ = write!(
                    body,
                    "## {}、{}\n\n{}\n\n",
                    numeral,
                    rng.pick(OBJECTS),
                    paragraph(&mut rng, 4)
                );
            }
            Page { slug, title, body }
        })
        .collect()
}

/// The small file attached to a folder item.
pub(crate) fn attachment_bytes(i: &Item) -> Vec<u8> {
    format!("%PDF-1.4\n% synthetic attachment of {}\n%%EOF\n", i.slug).into_bytes()
}

/// Writes an item's Markdown file for gongkai and returns its path.
fn write_gongkai_item(content: &Path, it: &Item) -> std::io::Result<PathBuf> {
    let mut fm = format!(
        "---\ntitle: {}\ndate: {} {:02}:{:02}\nsummary: {}\nindex_no: {}\ndoc_no: {}\npublisher: {}\nwritten: {}\ntopic: {}\nvalidity: {}\n",
        it.title,
        it.date.date(),
        it.date.hh,
        it.date.mm,
        it.summary,
        it.index_no,
        it.doc_no,
        it.publisher,
        it.written.date(),
        it.topic,
        it.validity
    );
    let col = content.join(it.column);
    let path = if let Some(a) = &it.attachment {
        let _ = write!(fm, "attachments:\n  - {a}\n");
        let dir = col.join(&it.slug);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(a), attachment_bytes(it))?;
        dir.join("index.md")
    } else {
        col.join(format!("{}.md", it.slug))
    };
    fm.push_str("---\n\n");
    fm.push_str(&it.body);
    std::fs::write(&path, fm)?;
    Ok(path)
}

/// Writes the whole gongkai site for `n` items into `dir` (which must not
/// exist yet) and returns the items, so the Hugo side can reuse them.
pub(crate) fn write_gongkai(dir: &Path, n: usize, seed: u64) -> anyhow::Result<Vec<Item>> {
    let content = dir.join("content");
    for (slug, _, _) in LIST_COLUMNS {
        std::fs::create_dir_all(content.join(slug))?;
    }
    write_site_yaml(dir, true)?;
    for p in pages(seed) {
        std::fs::create_dir_all(content.join(p.slug))?;
        std::fs::write(
            content.join(p.slug).join("_index.md"),
            format!("---\ntitle: {}\n---\n\n{}", p.title, p.body),
        )?;
    }
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let it = item(seed, i);
        write_gongkai_item(&content, &it)?;
        items.push(it);
    }
    Ok(items)
}

/// (Re)writes the 20 annual reports with `gongkai new report` (so they follow
/// the binary's own form), then fills in text and consistent figures.
pub(crate) fn write_reports(gongkai: &Path, dir: &Path, seed: u64) -> anyhow::Result<Vec<PathBuf>> {
    let folder = dir.join("content").join(REPORTS.0);
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    let mut rng = Rng::new(seed ^ 0xA11C_E5E5);
    let mut paths = Vec::new();
    for year in REPORT_YEARS {
        let edition = if year < FIRST_2021_EDITION {
            "2019"
        } else {
            "2021"
        };
        let out = Command::new(gongkai)
            .args([
                "new",
                "report",
                &year.to_string(),
                "--edition",
                edition,
                "--root",
            ])
            .arg(dir)
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "`gongkai new report {year}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = folder.join(format!("{year}.yaml"));
        let text = std::fs::read_to_string(&path)?;
        std::fs::write(&path, fill_report(&text, &mut rng))?;
        paths.push(path);
    }
    Ok(paths)
}

/// Replaces a blank form's placeholders with text, and gives the requests
/// received and granted (and so the totals) the same non-zero figures.
fn fill_report(form: &str, rng: &mut Rng) -> String {
    let (a, b) = (rng.range(0, 12), rng.range(0, 4));
    let row = format!("[{a}, {b}, 0, 0, 0, 0, {}]", a + b);
    let mut out = String::with_capacity(form.len() * 2);
    for line in form.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let key = trimmed.split(':').next().unwrap_or("");
        if trimmed.starts_with('（') && trimmed.ends_with('）') && !trimmed.contains(':') {
            out.push_str(indent);
            out.push_str(&paragraph(rng, 3));
        } else if (key.starts_with("一、本年新收")
            || key == "（一）予以公开"
            || key == "（七）总计")
            && trimmed.contains("[0, 0, 0, 0, 0, 0, 0]")
        {
            out.push_str(&line.replacen("[0, 0, 0, 0, 0, 0, 0]", &row, 1));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
