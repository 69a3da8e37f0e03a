//! Live reload: the build status as Server-Sent Events, the small script
//! that listens to them, and the tag that adds the script to HTML responses.
//! Only the preview server uses any of this; the pages `build` writes never
//! contain the script.

use super::http::AppState;
use crate::diag::Diagnostic;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt, stream};
use std::convert::Infallible;

/// URL of the event stream.
pub(crate) const EVENTS_PATH: &str = "/__gongkai/events";
/// URL of the script.
pub(crate) const SCRIPT_PATH: &str = "/__gongkai/live.js";

const SCRIPT: &str = include_str!("live.js");

/// The build status sent to every open page.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct LiveStatus {
    /// The generation of the site being served.
    pub(crate) generation: u64,
    /// The generation of its search index, which comes after the pages.
    pub(crate) index: u64,
    /// The errors of the last rebuild; empty when it succeeded.
    pub(crate) errors: Vec<ShownError>,
}

/// One error as the overlay lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct ShownError {
    /// The terminal's line for it: `path:line:col: error: message`.
    pub(crate) text: String,
    /// The finding itself, for scripts that want the parts.
    #[serde(flatten)]
    pub(crate) diagnostic: Diagnostic,
}

impl ShownError {
    /// The overlay's entry for `d`.
    pub(crate) fn new(d: Diagnostic) -> Self {
        Self {
            text: d.to_string(),
            diagnostic: d,
        }
    }
}

/// `GET /__gongkai/events`: the current status at once, then each new one.
/// The stream ends when the server shuts down, so open tabs do not hold up
/// Ctrl-C.
pub(crate) async fn events(
    State(app): State<AppState>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut status = app.status.clone();
    status.mark_changed();
    let updates = stream::unfold(status, |mut rx| async move {
        rx.changed().await.ok()?;
        let json = serde_json::to_string(&*rx.borrow_and_update()).ok()?;
        Some((Ok(Event::default().data(json)), rx))
    });
    let mut shutdown = app.shutdown.clone();
    let stopped = async move {
        // An error means the sender is gone: the server is stopping too.
        let _ = shutdown.wait_for(|stop| *stop).await;
    };
    Sse::new(updates.take_until(Box::pin(stopped))).keep_alive(KeepAlive::default())
}

/// `GET /__gongkai/live.js`.
pub(crate) async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        script_text(),
    )
        .into_response()
}

/// The script with the overlay's words in the current language.
fn script_text() -> String {
    let text = serde_json::json!({
        "lang": crate::i18n::current().tag(),
        "failed": crate::t!("serve-overlay-failed", count = "{n}"),
        "close": crate::t!("serve-overlay-close"),
        "fix": crate::t!("check-fix", fix = "{fix}"),
    });
    SCRIPT.replace("__GONGKAI_TEXT__", &text.to_string())
}

/// Adds the script tag to an HTML page, just before its last `</body>`
/// (at the end when it has none). `index` is the search index's generation
/// on the search page, which reloads when its index is new too.
pub(crate) fn inject(html: &[u8], generation: u64, index: Option<u64>) -> Bytes {
    let index = index.map_or(String::new(), |n| format!(" data-index=\"{n}\""));
    let tag =
        format!("<script src=\"{SCRIPT_PATH}\" data-generation=\"{generation}\"{index}></script>");
    let at = rfind_ascii_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    Bytes::from(out)
}

fn rfind_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", 7, None);
        assert_eq!(
            &page[..],
            b"<html><body><p>x</p><script src=\"/__gongkai/live.js\" data-generation=\"7\"></script></BODY></html>"
        );
        let search = inject(b"<body></body>", 3, Some(2));
        assert_eq!(
            search,
            Bytes::from_static(
                b"<body><script src=\"/__gongkai/live.js\" data-generation=\"3\" data-index=\"2\"></script></body>"
            )
        );
        let bare = inject(b"<p>x", 1, None);
        assert!(bare.ends_with(b"data-generation=\"1\"></script>"));
        assert_eq!(rfind_ascii_ci(b"ab", b"abc"), None);
    }

    #[test]
    fn the_script_carries_the_overlays_words() {
        let js = script_text();
        assert!(!js.contains("__GONGKAI_TEXT__"));
        let start = js.find("var TEXT = ").expect("TEXT") + "var TEXT = ".len();
        let end = start + js[start..].find(";\n").expect("end");
        let text: serde_json::Value = serde_json::from_str(&js[start..end]).expect("json");
        assert_eq!(text["lang"], "zh-CN");
        assert_eq!(
            text["failed"],
            "生成失败，共 {n} 处错误。下面仍是上一次成功生成的页面；改正并保存后会自动刷新。"
        );
        assert_eq!(text["close"], "暂时关闭");
        assert_eq!(text["fix"], "改法：{fix}");
    }

    #[test]
    fn status_json_lists_errors_with_their_position() {
        let d = Diagnostic::new(
            &crate::diag::codes::FRONT_MATTER,
            "content/tzgg/a.md",
            "bad date",
        )
        .at(3, 7);
        let status = LiveStatus {
            generation: 2,
            index: 1,
            errors: vec![ShownError::new(d)],
        };
        let json = serde_json::to_string(&status).unwrap_or_default();
        let fix =
            serde_json::to_string(&crate::diag::codes::FRONT_MATTER.fix()).unwrap_or_default();
        assert_eq!(
            json,
            format!(
                r#"{{"generation":2,"index":1,"errors":[{{"text":"content/tzgg/a.md:3:7: 错误: bad date","code":"front-matter","severity":"error","message":"bad date","file":"content/tzgg/a.md","line":3,"col":7,"column":null,"fix":{fix}}}]}}"#
            )
        );
    }
}
