//! The column page's chart: applications received and their results, year
//! by year, drawn at build time as inline SVG (no JavaScript), with a title,
//! a description and a data table as its text alternative.
//!
//! The SVG holds no colours: its bars, legend swatches, grid lines and text
//! carry classes (`chart-received`, `chart-k1` … `chart-k6` for the result
//! kinds in the form's order, `chart-grid`, `chart-label`) that the theme's
//! style sheet colours.

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

/// The class of the bars and swatch of 本年新收.
const RECEIVED: &str = "chart-received";

/// The class of the bars and swatch of a result kind: `chart-k1` for the first.
fn kind_class(kind: ResultKind) -> String {
    format!("chart-k{}", kind.index() + 1)
}

const W: i64 = 720;
const H: i64 = 340;
const LEFT: i64 = 56;
const RIGHT: i64 = 16;
const TOP: i64 = 64;
const BOTTOM: i64 = 40;

/// The smallest 1, 2 or 5 × 10ⁿ at least `max` (and at least 5), for the axis.
fn nice_max(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(5) {
                return m * step;
            }
        }
        step *= 10;
    }
}

/// The SVG for `points` (any order; drawn oldest first).
pub(super) fn svg(points: &[Point]) -> String {
    let mut pts = points.to_vec();
    pts.sort_by_key(|p| p.year);
    let top = nice_max(
        pts.iter()
            .map(|p| p.received.max(p.results.iter().sum()))
            .max()
            .unwrap_or(0),
    );
    let plot_h = H - TOP - BOTTOM;
    let y = |v: i64| TOP + plot_h - v * plot_h / top;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" class=\"report-chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\
         <title id=\"chart-title\">历年政府信息公开申请数量及办理结果</title><desc id=\"chart-desc\">{}</desc>",
        esc(&describe(&pts))
    );
    legend(&mut s);
    grid(&mut s, top, &y);
    let n = pts.len().max(1) as i64;
    let slot = (W - LEFT - RIGHT) / n;
    let bar = (slot / 4).min(48);
    for (i, p) in pts.iter().enumerate() {
        let x0 = LEFT + slot * i as i64 + slot / 2 - bar - 4;
        rect(
            &mut s,
            x0,
            y(p.received),
            bar,
            y(0) - y(p.received),
            RECEIVED,
        );
        value(&mut s, x0 + bar / 2, y(p.received) - 4, p.received);
        let x1 = x0 + bar + 8;
        let mut acc = 0;
        for (kind, v) in ResultKind::ALL.into_iter().zip(p.results) {
            rect(
                &mut s,
                x1,
                y(acc + v),
                bar,
                y(acc) - y(acc + v),
                &kind_class(kind),
            );
            acc += v;
        }
        value(&mut s, x1 + bar / 2, y(acc) - 4, acc);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" class=\"chart-label\">{}年</text>",
            x0 + bar + 4,
            H - BOTTOM + 20,
            p.year
        );
    }
    s.push_str("</svg>");
    s
}

/// Horizontal lines with their values, at whole-number steps: the axis top
/// is 1, 2 or 5 × 10ⁿ, so a fifth (or a quarter of a 2) is a round number.
fn grid(s: &mut String, top: i64, y: &dyn Fn(i64) -> i64) {
    let mut lead = top;
    while lead >= 10 {
        lead /= 10;
    }
    let steps = if lead == 2 { 4 } else { 5 };
    for i in 0..=steps {
        let v = top * i / steps;
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y0}\" y2=\"{y0}\" class=\"chart-grid\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" class=\"chart-label\">{v}</text>",
            W - RIGHT,
            LEFT - 6,
            y(v) + 4,
            y0 = y(v)
        );
    }
}

fn rect(s: &mut String, x: i64, y: i64, w: i64, h: i64, class: &str) {
    if h > 0 {
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" class=\"{class}\"/>"
        );
    }
}

fn value(s: &mut String, x: i64, y: i64, v: i64) {
    let _ = write!(
        s,
        "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"12\" class=\"chart-label\">{v}</text>"
    );
}

fn legend(s: &mut String) {
    let entries = std::iter::once(("本年新收", RECEIVED.to_string())).chain(
        ResultKind::ALL
            .into_iter()
            .map(|k| (k.short_name(), kind_class(k))),
    );
    for (i, (name, class)) in entries.enumerate() {
        let i = i as i64;
        let (x, y) = (LEFT + (i % 4) * 150, 16 + (i / 4) * 22);
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" class=\"{class}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" class=\"chart-label\">{name}</text>",
            x + 18,
            y + 11
        );
    }
}

/// One sentence per year, for `<desc>`.
fn describe(pts: &[Point]) -> String {
    let mut s = String::from("每年两根柱：左为本年新收申请数量，右为办理结果按类型堆叠。");
    for p in pts {
        let _ = write!(s, "{}年新收{}件，办理结果", p.year, p.received);
        let parts: Vec<String> = ResultKind::ALL
            .iter()
            .zip(p.results)
            .filter(|(_, v)| *v > 0)
            .map(|(k, v)| format!("{}{v}件", k.short_name()))
            .collect();
        if parts.is_empty() {
            s.push_str("0件。");
        } else {
            let _ = write!(s, "{}。", parts.join("、"));
        }
    }
    s
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

    #[test]
    fn axis_and_zero_years() {
        assert_eq!(nice_max(0), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(12), 20);
        let p = Point {
            year: 2020,
            received: 0,
            results: [0; 6],
        };
        let svg = svg(&[p]);
        assert!(svg.contains("<title id=\"chart-title\">"));
        assert!(svg.contains("2020年新收0件"));
    }

    #[test]
    fn colours_come_from_classes_not_from_the_svg() {
        let p = Point {
            year: 2021,
            received: 9,
            results: [1, 2, 3, 1, 1, 1],
        };
        let svg = svg(&[p]);
        for banned in ["fill=", "stroke=", "style=", "#"] {
            assert!(!svg.contains(banned), "{banned} in {svg}");
        }
        // Legend swatch and bar of each series.
        for class in ["chart-received", "chart-k1", "chart-k3", "chart-k6"] {
            assert_eq!(
                svg.matches(&format!("class=\"{class}\"")).count(),
                2,
                "{class}"
            );
        }
        assert_eq!(
            svg.matches("<line ").count(),
            svg.matches("class=\"chart-grid\"").count()
        );
        assert_eq!(
            svg.matches("<text ").count(),
            svg.matches("class=\"chart-label\"").count()
        );
    }
}
