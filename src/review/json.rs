//! The review for tools: one JSON object, whose keys and `status` and
//! `severity` values are the same in every language. Each finding has the
//! shape of `check --format json`.
//!
//! ```text
//! {"year": 2023, "as_of": "2024-03-01", "blocking": true,
//!  "reports": [{"agency", "year", "edition", "source", "published", "status",
//!               "findings": [{"code", "severity", "message", "file", "line", "col", "column", "fix"}]}],
//!  "sum": null | {"year", "edition", "included": [{"agency", "source", "url", "published"}],
//!                 "left_out": [{"agency", "source", "reason"}], "tables": {…} | null}}
//! ```

use super::{Review, Row, YearSum};
use serde_json::{Value, json};

/// The whole review as pretty-printed JSON, ending with a line break.
pub fn render(review: &Review) -> String {
    let value = json!({
        "year": review.year,
        "as_of": review.as_of.to_string(),
        "blocking": review.blocks(),
        "reports": review.rows.iter().map(row).collect::<Vec<_>>(),
        "sum": review.sum.as_ref().map(sum),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

fn row(r: &Row) -> Value {
    json!({
        "agency": r.agency,
        "year": r.year,
        "edition": r.edition,
        "source": (!r.source.is_empty()).then_some(&r.source),
        "published": r.published.map(|d| d.to_string()),
        "status": r.status.key(),
        "findings": r.findings,
    })
}

fn sum(s: &YearSum) -> Value {
    json!({
        "year": s.year,
        "edition": s.edition,
        "included": s.included.iter().map(|e| json!({
            "agency": e.agency,
            "source": e.source,
            "url": e.page_url,
            "published": e.published,
        })).collect::<Vec<_>>(),
        "left_out": s.left_out.iter().map(|e| json!({
            "agency": e.agency,
            "source": e.source,
            "reason": e.reason,
        })).collect::<Vec<_>>(),
        "tables": s.data.as_ref().map(crate::report::tables_json),
    })
}
