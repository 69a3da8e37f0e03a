//! The column page's chart: applications received and their results, year
//! by year, newest first, as horizontal bars drawn at build time (no
//! JavaScript), with a data table as its text alternative.
//!
//! Every word and number of the chart is HTML text beside its bar, not SVG
//! text: it keeps the page's type size at any screen width, grows with
//! 长者模式 and the browser's text size, and wraps on a narrow phone, where
//! the labels of a picture scaled down to the column would be specks. Each
//! bar is a small SVG without text, stretched to the width of the column
//! (`preserveAspectRatio="none"`); all bars share one scale, so their
//! lengths compare across years. A results bar is stacked by kind, named
//! by its `<title>` for screen readers and explained by the legend above.
//!
//! The SVGs hold no colours: bars and legend swatches carry classes
//! (`chart-received`, `chart-k1` … `chart-k6` for the result kinds in the
//! form's order) that the theme's style sheet colours.

use crate::render::escape::escape as esc;
use crate::report::edition::ResultKind;
use std::fmt::Write as _;

/// One year's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Point {
    /// The year.
    pub(super) year: i32,
    /// 一、本年新收 总计.
    pub(super) received: i64,
    /// Results by kind, in [`ResultKind::ALL`] order.
    pub(super) results: [i64; 6],
}

/// The class of the bars of 本年新收.
const RECEIVED: &str = "chart-received";

/// The class of the bars and swatch of a result kind: `chart-k1` for the first.
fn kind_class(kind: ResultKind) -> String {
    format!("chart-k{}", kind.index() + 1)
}

/// The chart's HTML for `points` (any order; listed newest first): the
/// legend of the result kinds, then for each year its 本年新收 and its
/// 办理结果, each a line of text and a bar.
pub(super) fn html(points: &[Point]) -> String {
    let mut pts = points.to_vec();
    pts.sort_by_key(|p| std::cmp::Reverse(p.year));
    // The common scale: the longest bar fills the column.
    let scale = pts
        .iter()
        .map(|p| p.received.max(p.results.iter().sum()))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut s = String::from(
        "<p class=\"chart-lead\">每年两条：上条为本年新收申请，下条为办理结果，按类型分色如下：</p>\
         <ul class=\"chart-legend\">",
    );
    for kind in ResultKind::ALL {
        let _ = write!(
            s,
            "<li><svg class=\"chart-key\" viewBox=\"0 0 1 1\" aria-hidden=\"true\">\
             <rect width=\"1\" height=\"1\" class=\"{}\"/></svg>{}</li>",
            kind_class(kind),
            kind.short_name()
        );
    }
    s.push_str("</ul><dl class=\"chart-bars\">");
    for p in &pts {
        let _ = write!(s, "<dt>{}年</dt>", p.year);
        row(
            &mut s,
            "本年新收",
            p.received,
            scale,
            None,
            &[(RECEIVED.to_string(), p.received)],
        );
        let total: i64 = p.results.iter().sum();
        let parts: Vec<String> = ResultKind::ALL
            .iter()
            .zip(p.results)
            .filter(|(_, v)| *v > 0)
            .map(|(k, v)| format!("{}{v}件", k.short_name()))
            .collect();
        let segments: Vec<(String, i64)> = ResultKind::ALL
            .into_iter()
            .zip(p.results)
            .map(|(k, v)| (kind_class(k), v))
            .collect();
        row(
            &mut s,
            "办理结果",
            total,
            scale,
            Some(&parts.join("、")),
            &segments,
        );
    }
    s.push_str("</dl>");
    s
}

/// One line of a year: `label：total件` and a bar of `segments` (class and
/// value each, left to right) on `scale`. A bar with a `title` (the parts
/// in words) is an image of that name; any other is decoration, since the
/// text beside it says all it shows.
fn row(
    s: &mut String,
    label: &str,
    total: i64,
    scale: i64,
    title: Option<&str>,
    segments: &[(String, i64)],
) {
    let _ = write!(
        s,
        "<dd><span class=\"chart-what\">{label}：<span class=\"num\">{total}</span>件</span>\
         <svg class=\"chart-bar\" viewBox=\"0 0 {scale} 1\" preserveAspectRatio=\"none\""
    );
    match title.filter(|t| !t.is_empty()) {
        Some(t) => {
            let _ = write!(s, " role=\"img\"><title>{}</title>", esc(t));
        }
        None => s.push_str(" aria-hidden=\"true\">"),
    }
    let mut x = 0;
    for (class, v) in segments {
        if *v > 0 {
            let _ = write!(
                s,
                "<rect x=\"{x}\" width=\"{v}\" height=\"1\" class=\"{class}\"/>"
            );
            x += v;
        }
    }
    s.push_str("</svg></dd>");
}

/// The chart's data as an HTML table, newest year first.
pub(super) fn table(points: &[Point]) -> String {
    let mut pts = points.to_vec();
    pts.sort_by_key(|p| std::cmp::Reverse(p.year));
    let mut s = String::from(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"chart-data-cap\" tabindex=\"0\">\
         <table class=\"report-table chart-data\"><caption id=\"chart-data-cap\">历年政府信息公开申请情况（件）</caption>\
         <thead><tr><th scope=\"col\">年度</th><th scope=\"col\">本年新收</th>",
    );
    for k in ResultKind::ALL {
        let _ = write!(s, "<th scope=\"col\">{}</th>", k.short_name());
    }
    s.push_str("</tr></thead><tbody>");
    for p in &pts {
        let _ = write!(
            s,
            "<tr><th scope=\"row\">{}年</th><td class=\"num\">{}</td>",
            p.year, p.received
        );
        for v in p.results {
            let _ = write!(s, "<td class=\"num\">{v}</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: i32, received: i64, results: [i64; 6]) -> Point {
        Point {
            year,
            received,
            results,
        }
    }

    #[test]
    fn every_label_and_number_is_html_text_newest_year_first() {
        let html = html(&[
            point(2021, 9, [1, 2, 3, 1, 1, 1]),
            point(2022, 4, [4, 0, 0, 0, 0, 0]),
        ]);
        // No SVG text: every word is outside the bars.
        assert!(!html.contains("<text"), "{html}");
        let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("<dt>2022年</dt>") < at("<dt>2021年</dt>"));
        assert!(html.contains(
            "<dt>2022年</dt><dd><span class=\"chart-what\">本年新收：<span class=\"num\">4</span>件</span>"
        ));
        assert!(html.contains("办理结果：<span class=\"num\">9</span>件</span>"));
        // The results bar is named by its parts; the received bar is
        // decoration beside its text.
        assert!(html.contains(
            "role=\"img\"><title>予以公开1件、部分公开2件、不予公开3件、无法提供1件、不予处理1件、其他处理1件</title>"
        ));
        assert_eq!(html.matches("aria-hidden=\"true\"").count(), 6 + 2);
        // One scale for all: the longest bar (9) fills its box.
        assert_eq!(html.matches("viewBox=\"0 0 9 1\"").count(), 4);
        assert!(html.contains("<rect x=\"0\" width=\"9\" height=\"1\" class=\"chart-received\"/>"));
        assert!(html.contains("<rect x=\"6\" width=\"1\" height=\"1\" class=\"chart-k4\"/>"));
    }

    #[test]
    fn a_year_of_zeros_has_empty_bars_on_a_scale_of_one() {
        let html = html(&[point(2020, 0, [0; 6])]);
        assert!(html.contains("本年新收：<span class=\"num\">0</span>件"));
        assert!(html.contains("办理结果：<span class=\"num\">0</span>件"));
        assert_eq!(html.matches("viewBox=\"0 0 1 1\"").count(), 6 + 2);
        // Nothing to name: both bars are decoration, and neither has a bar.
        assert!(!html.contains("role=\"img\""));
        assert!(!html.contains("class=\"chart-received\""));
    }

    #[test]
    fn colours_come_from_classes_not_from_the_svg() {
        let html = html(&[point(2021, 9, [1, 2, 3, 1, 1, 1])]);
        for banned in ["fill=", "stroke=", "style=", "#"] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
        // The received bar; the legend swatch and bar segment of each kind.
        assert_eq!(html.matches("class=\"chart-received\"").count(), 1);
        for class in ["chart-k1", "chart-k3", "chart-k6"] {
            assert_eq!(
                html.matches(&format!("class=\"{class}\"")).count(),
                2,
                "{class}"
            );
        }
    }
}
