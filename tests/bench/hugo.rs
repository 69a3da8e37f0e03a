//! The same portal as a Hugo site: the generated items, page columns and
//! reports as Hugo content, with templates equivalent to gongkai's default
//! theme (a frame with the column navigation, paginated lists of 20 with a
//! ten-page pager window, the item page with its 信息索引 table, a home page
//! with the latest seven items of each column, 404 and 网站地图 pages).
//!
//! Taxonomies are off; feeds are the site's and the list columns' (50
//! entries, as gongkai writes), plus `sitemap.xml`: the two generators write
//! the same pages.

use crate::synth::{self, Item, LIST_COLUMNS, PAGE_COLUMNS, PER_PAGE, REPORTS};
use std::fmt::Write as _;
use std::path::Path;

fn config() -> String {
    let mut c = format!(
        "# Synthetic portal for `cargo bench --bench portal`; written by tests/bench/hugo.rs.
baseURL = \"https://www.jiangchuan.example.gov.cn/xxgk/djjd/\"
languageCode = \"zh-CN\"
title = \"大街街道政府信息公开\"
timeZone = \"Asia/Shanghai\"
uglyURLs = true
paginate = {PER_PAGE}
rssLimit = 50
disableKinds = [\"taxonomy\", \"term\"]
enableRobotsTXT = false

[outputs]
home = [\"HTML\", \"RSS\"]
section = [\"HTML\", \"RSS\"]
page = [\"HTML\"]

[params]
organization = \"大街街道办事处\"
address = \"江川区大街路188号\"
phone = \"0000-12345678\"
email = \"dajie@example.gov.cn\"
site_code = \"0000000001\"
icp = \"示ICP备00000000号\"
police = \"示公网安备00000000000000号\"
"
    );
    // The navigation, in site.yaml's order.
    let order = [
        "jggk", "yjsgk", "zcjd", "ndbg", "tzgg", "jdgz", "gzjd", "gkzn",
    ];
    for (w, slug) in order.iter().enumerate() {
        let title = LIST_COLUMNS
            .iter()
            .map(|&(s, t, _)| (s, t))
            .chain(PAGE_COLUMNS.iter().copied())
            .chain([REPORTS])
            .find(|(s, _)| s == slug)
            .map_or("", |(_, t)| t);
        let _ = write!(
            c,
            "\n[[menu.main]]\nidentifier = \"{slug}\"\nname = \"{title}\"\nurl = \"/{slug}/\"\nweight = {}\n",
            w + 1
        );
    }
    c
}

const BASEOF: &str = r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
<meta name="SiteName" content="{{ site.Title }}">
<meta name="SiteIDCode" content="{{ site.Params.site_code }}">
{{ with .Section }}{{ with site.GetPage (printf "/%s" .) }}<meta name="ColumnName" content="{{ .Title }}">{{ end }}{{ end }}
{{ if .IsPage }}<meta name="ArticleTitle" content="{{ .Title }}">
<meta name="PubDate" content="{{ .Date.Format "2006-01-02 15:04" }}">
<meta name="ContentSource" content="{{ .Params.publisher }}">
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ "index.xml" | relURL }}">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="masthead"><div class="wrap">
<p class="site-title"><a href="{{ "" | relURL }}">{{ site.Title }}</a></p>
<p class="site-org">主办单位：{{ site.Params.organization }}</p>
</div></header>
<nav class="columns" aria-label="栏目导航">
<ul class="wrap">
<li><a href="{{ "" | relURL }}"{{ if .IsHome }} aria-current="page"{{ end }}>首页</a></li>
{{ $cur := .Section }}{{ range site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if eq .Identifier $cur }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ul>
</nav>
<div class="wrap">
{{ if not .IsHome }}<nav class="breadcrumb" aria-label="当前位置">当前位置：<a href="{{ "" | relURL }}">首页</a>{{ if .IsPage }}{{ with .Parent }} &gt; <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} &gt; <span aria-current="page">正文</span>{{ else }} &gt; <span aria-current="page">{{ .Title }}</span>{{ end }}</nav>{{ end }}
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer"><div class="wrap">
<p><a href="{{ "sitemap.html" | relURL }}">网站地图</a></p>
<p>主办单位：{{ site.Params.organization }}</p>
<p>联系方式：地址：{{ site.Params.address }} 电话：{{ site.Params.phone }} 邮箱：<a href="mailto:{{ site.Params.email }}">{{ site.Params.email }}</a></p>
<p class="ids"><span>网站标识码：{{ site.Params.site_code }}</span> <span>{{ site.Params.icp }}</span> <span>{{ site.Params.police }}</span></p>
</div></footer>
</body>
</html>
"##;

const LIST: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Params.kind "page" }}<article class="article"><div class="body">{{ .Content }}</div></article>
{{ else if eq .Params.kind "reports" }}<table class="report-table report-years">
<caption>历年报告</caption>
<thead><tr><th scope="col">年度</th><th scope="col">报告</th><th scope="col">发布日期</th></tr></thead>
<tbody>
{{ range .Pages }}<tr><th scope="row">{{ .Params.year }}年</th><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td class="date">{{ .Date.Format "2006-01-02" }}</td></tr>
{{ end }}</tbody>
</table>
{{ else }}{{ $pag := .Paginate .Pages }}
{{ if $pag.Pages }}<ul class="item-list">
{{ range $pag.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="date">{{ .Date.Format "2006-01-02" }}</span></li>
{{ end }}</ul>{{ else }}<p class="empty">本栏目暂无信息。</p>{{ end }}
{{ if gt $pag.TotalPages 1 }}<nav class="pager" aria-label="分页">
<p>共 {{ $pag.TotalNumberOfElements }} 条，第 {{ $pag.PageNumber }}/{{ $pag.TotalPages }} 页</p>
{{ $start := sub $pag.PageNumber 4 }}{{ if gt $start (sub $pag.TotalPages 9) }}{{ $start = sub $pag.TotalPages 9 }}{{ end }}{{ if lt $start 1 }}{{ $start = 1 }}{{ end }}
{{ $end := add $start 9 }}{{ if gt $end $pag.TotalPages }}{{ $end = $pag.TotalPages }}{{ end }}
<ul>
<li><a href="{{ $pag.First.URL }}">首页</a></li>
<li>{{ if $pag.HasPrev }}<a href="{{ $pag.Prev.URL }}" rel="prev">上一页</a>{{ else }}<span class="disabled">上一页</span>{{ end }}</li>
{{ range seq $start $end }}{{ $p := index $pag.Pagers (sub . 1) }}<li><a href="{{ $p.URL }}"{{ if eq . $pag.PageNumber }} aria-current="page"{{ end }}>{{ . }}</a></li>
{{ end }}<li>{{ if $pag.HasNext }}<a href="{{ $pag.Next.URL }}" rel="next">下一页</a>{{ else }}<span class="disabled">下一页</span>{{ end }}</li>
<li><a href="{{ $pag.Last.URL }}">尾页</a></li>
</ul>
</nav>{{ end }}{{ end }}
{{ end }}
"##;

const SINGLE: &str = r##"{{ define "main" }}
<article class="article">
{{ if .Params.index_no }}<table class="catalog">
<caption>信息索引</caption>
<tbody>
<tr><th scope="row">索引号</th><td>{{ .Params.index_no }}</td><th scope="row">主题分类</th><td>{{ .Params.topic }}</td></tr>
<tr><th scope="row">发布机构</th><td>{{ .Params.publisher }}</td><th scope="row">成文日期</th><td>{{ .Params.written }}</td></tr>
<tr><th scope="row">文号</th><td>{{ .Params.doc_no }}</td><th scope="row">发布日期</th><td>{{ .Date.Format "2006-01-02" }}</td></tr>
<tr><th scope="row">名称</th><td colspan="3">{{ .Title }}</td></tr>
{{ with .Params.validity }}<tr><th scope="row">有效性</th><td colspan="3">{{ . }}</td></tr>{{ end }}
</tbody>
</table>{{ end }}
<h1>{{ .Title }}</h1>
<p class="byline"><span>发布日期：{{ .Date.Format "2006-01-02 15:04" }}</span> <span>来源：{{ .Params.publisher }}</span></p>
<div class="body">{{ .Content }}</div>
{{ with .Params.attachments }}<section class="attachments" aria-labelledby="attachments-h">
<h2 id="attachments-h">附件</h2>
<ul>
{{ range $i, $name := . }}{{ with $.Resources.GetMatch $name }}<li>附件{{ add $i 1 }}：<a href="{{ .RelPermalink }}" download="{{ $name }}">{{ $name }}</a>（PDF，{{ len .Content }} 字节）</li>{{ end }}
{{ end }}</ul>
</section>{{ end }}
</article>
{{ end }}
"##;

const HOME: &str = r##"{{ define "main" }}
<h1 class="visually-hidden">{{ site.Title }}</h1>
{{ with site.GetPage "/ndbg" }}{{ range first 1 .Pages.ByDate.Reverse }}<section class="report-banner">
<h2>政府信息公开工作年度报告</h2>
<p><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="date">{{ .Date.Format "2006-01-02" }}</span></p>
</section>{{ end }}{{ end }}
<div class="home-grid">
{{ range site.Menus.main }}{{ $col := site.GetPage (printf "/%s" .Identifier) }}<section class="home-column">
<h2><a href="{{ $col.RelPermalink }}">{{ $col.Title }}</a></h2>
{{ if $col.Pages }}<ul class="item-list">
{{ range first 7 $col.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="date">{{ .Date.Format "2006-01-02" }}</span></li>
{{ end }}</ul>{{ else }}<p>{{ $col.Summary }}</p>{{ end }}
<p class="more"><a href="{{ $col.RelPermalink }}">更多</a></p>
</section>
{{ end }}</div>
{{ end }}
"##;

const NOT_FOUND: &str = r##"{{ define "main" }}
<h1>页面未找到</h1>
<p>您访问的页面不存在或已被移除。</p>
<p>请返回<a href="{{ "" | relURL }}">首页</a>，或查看<a href="{{ "sitemap.html" | relURL }}">网站地图</a>。</p>
{{ end }}
"##;

const SITEMAP_PAGE: &str = r##"{{ define "main" }}
<h1>网站地图</h1>
<ul class="sitemap">
<li><a href="{{ "" | relURL }}">首页</a></li>
{{ range site.Menus.main }}<li><a href="{{ .URL | relURL }}">{{ .Name }}</a></li>
{{ end }}</ul>
{{ end }}
"##;

const CSS: &str = "body{font-family:sans-serif;margin:0;line-height:1.7}.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}\
nav.columns ul{display:flex;flex-wrap:wrap;list-style:none;padding:0}nav.columns li{margin-right:1rem}\
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2rem .5rem}.date{color:#666}\
.visually-hidden{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}\n";

fn front_matter_item(it: &Item) -> String {
    let mut fm = format!(
        "---\ntitle: {}\ndate: {}T{:02}:{:02}:00+08:00\nsummary: {}\nindex_no: {}\ndoc_no: {}\npublisher: {}\nwritten: \"{}\"\ntopic: {}\nvalidity: {}\n",
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
    if let Some(a) = &it.attachment {
        let _ = write!(fm, "attachments:\n  - {a}\n");
    }
    fm.push_str("---\n\n");
    fm
}

/// Writes the Hugo site for `items` into `dir`.
pub(crate) fn write_site(dir: &Path, items: &[Item], seed: u64) -> anyhow::Result<()> {
    let content = dir.join("content");
    let layouts = dir.join("layouts").join("_default");
    std::fs::create_dir_all(&layouts)?;
    std::fs::create_dir_all(dir.join("static"))?;
    std::fs::write(dir.join("config.toml"), config())?;
    std::fs::write(layouts.join("baseof.html"), BASEOF)?;
    std::fs::write(layouts.join("list.html"), LIST)?;
    std::fs::write(layouts.join("single.html"), SINGLE)?;
    std::fs::write(layouts.join("sitemap-page.html"), SITEMAP_PAGE)?;
    std::fs::write(dir.join("layouts").join("index.html"), HOME)?;
    std::fs::write(dir.join("layouts").join("404.html"), NOT_FOUND)?;
    std::fs::write(dir.join("static").join("style.css"), CSS)?;
    std::fs::create_dir_all(&content)?;
    std::fs::write(
        content.join("wzdt.md"),
        "---\ntitle: 网站地图\nlayout: sitemap-page\nurl: /sitemap.html\n---\n",
    )?;
    for (slug, title, _) in LIST_COLUMNS {
        std::fs::create_dir_all(content.join(slug))?;
        std::fs::write(
            content.join(slug).join("_index.md"),
            format!("---\ntitle: {title}\nkind: list\n---\n"),
        )?;
    }
    for p in synth::pages(seed) {
        std::fs::create_dir_all(content.join(p.slug))?;
        std::fs::write(
            content.join(p.slug).join("_index.md"),
            format!(
                "---\ntitle: {}\nkind: page\noutputs: [HTML]\n---\n\n{}",
                p.title, p.body
            ),
        )?;
    }
    for it in items {
        let col = content.join(it.column);
        let text = front_matter_item(it) + &it.body;
        if let Some(a) = &it.attachment {
            let bundle = col.join(&it.slug);
            std::fs::create_dir_all(&bundle)?;
            std::fs::write(bundle.join(a), synth::attachment_bytes(it))?;
            std::fs::write(bundle.join("index.md"), text)?;
        } else {
            std::fs::write(col.join(format!("{}.md", it.slug)), text)?;
        }
    }
    Ok(())
}

/// (Re)writes the reports column from gongkai's report files: each report
/// becomes a page with its headings, text and one table per part.
pub(crate) fn write_reports(dir: &Path, reports: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let folder = dir.join("content").join(REPORTS.0);
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    std::fs::write(
        folder.join("_index.md"),
        format!(
            "---\ntitle: {}\nkind: reports\noutputs: [HTML]\n---\n",
            REPORTS.1
        ),
    )?;
    for path in reports {
        let yaml = std::fs::read_to_string(path)?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("report");
        std::fs::write(folder.join(format!("{stem}.md")), report_markdown(&yaml))?;
    }
    Ok(())
}

/// A report file as Markdown: top-level keys become headings, `|` blocks
/// paragraphs, and rows of figures a GFM table under their heading.
fn report_markdown(yaml: &str) -> String {
    let (mut year, mut published) = (String::new(), String::new());
    let mut body = String::new();
    let mut table_open = false;
    for line in yaml.lines() {
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let top = trimmed.len() == line.len();
        let (key, value) = match trimmed.split_once(':') {
            Some((k, v)) if !k.contains('，') && !k.contains('。') => (k.trim(), v.trim()),
            _ => ("", trimmed),
        };
        if top && key == "year" {
            year = value.to_owned();
        } else if top && key == "published" {
            published = value.to_owned();
        } else if top && matches!(key, "edition" | "agency" | "title") {
        } else if top {
            table_open = false;
            let _ = write!(body, "\n## {key}\n\n");
            if value != "|" && !value.is_empty() {
                let _ = writeln!(body, "{value}");
            }
        } else if value == "|" {
            table_open = false;
            let _ = write!(body, "\n### {key}\n\n");
        } else if key.is_empty() {
            table_open = false;
            let _ = writeln!(body, "{value}\n");
        } else {
            if !table_open {
                body.push_str(
                    "\n| 项目 | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n|---|---|---|---|---|---|---|---|\n",
                );
                table_open = true;
            }
            let cells = value
                .trim_start_matches('[')
                .trim_end_matches(']')
                .replace(", ", " | ");
            let _ = writeln!(body, "| {key} | {cells} |");
        }
    }
    format!(
        "---\ntitle: 大街街道{year}年政府信息公开工作年度报告\ndate: {published}\nyear: {year}\n---\n{body}"
    )
}
