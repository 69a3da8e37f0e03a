//! The preview's HTTP side: the router and the handler that answers a path
//! from the in-memory site. HTML responses get the live-reload script;
//! unknown paths get the site's own 404 page with status 404; files read
//! from disk (attachments, static files) must lie inside the site's folder.

use super::guard::{Hosts, check_host};
use super::reload::{self, EVENTS_PATH, LiveStatus, SCRIPT_PATH};
use super::resolve::{Target, content_type, resolve};
use super::site::{Body, SiteOutput};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use tokio::sync::watch;

/// What every handler shares. No globals: the server owns this.
#[derive(Debug, Clone)]
pub(crate) struct AppState {
    /// The last good build.
    pub(crate) site: Arc<RwLock<SiteOutput>>,
    /// The build status for open pages.
    pub(crate) status: watch::Receiver<LiveStatus>,
    /// Turns true when the server is stopping.
    pub(crate) shutdown: watch::Receiver<bool>,
    /// The site's folder, canonical: files read from disk must be in it.
    pub(crate) root: Arc<PathBuf>,
}

/// The preview server's routes, each behind the `Host` check.
pub(crate) fn router(state: AppState, hosts: Hosts) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(reload::events))
        .route(SCRIPT_PATH, get(reload::script))
        .fallback(page)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(hosts),
            check_host,
        ))
        .with_state(state)
}

/// What a lookup in the site found, taken out of the lock.
enum Lookup {
    Redirect(String),
    File {
        path: String,
        body: Body,
        generation: u64,
        /// The search index's generation, on the search page.
        index: Option<u64>,
    },
    NotFound {
        page: Option<Bytes>,
        generation: u64,
    },
    NotBuilt {
        generation: u64,
    },
}

async fn page(State(app): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let found = {
        let site = app.site.read().unwrap_or_else(PoisonError::into_inner);
        lookup(&site, uri.path())
    };
    match found {
        Lookup::Redirect(to) => redirect(&to),
        Lookup::File {
            path,
            body,
            generation,
            index,
        } => match read(&app, body).await {
            Some(bytes) => respond(StatusCode::OK, &path, bytes, generation, index),
            None => not_found(&app),
        },
        Lookup::NotFound { page, generation } => match page {
            Some(html) => respond(StatusCode::NOT_FOUND, "404.html", html, generation, None),
            None => (StatusCode::NOT_FOUND, "404 not found\n").into_response(),
        },
        Lookup::NotBuilt { generation } => {
            // Shown until the first build succeeds; the script overlays the
            // errors and reloads once the site builds.
            let page = Bytes::from(crate::t!(
                "serve-not-built-page",
                lang = crate::i18n::current().tag()
            ));
            respond(
                StatusCode::SERVICE_UNAVAILABLE,
                "index.html",
                page,
                generation,
                None,
            )
        }
    }
}

fn lookup(site: &SiteOutput, raw: &str) -> Lookup {
    let generation = site.generation;
    if !site.built {
        return Lookup::NotBuilt { generation };
    }
    let not_found = || Lookup::NotFound {
        page: memory(site.get("404.html")),
        generation,
    };
    match resolve(&site.base_path, raw) {
        Target::Redirect(to) => Lookup::Redirect(to),
        Target::NotFound => not_found(),
        Target::File(path) => match site.get(&path) {
            Some(body) => Lookup::File {
                index: is_search_page(&path).then_some(site.index_generation),
                path,
                body: body.clone(),
                generation,
            },
            // A folder asked for without its slash: add it, so the page's
            // relative links resolve from inside the folder.
            None if site.get(&format!("{path}/index.html")).is_some() => {
                Lookup::Redirect(format!("{raw}/"))
            }
            None => not_found(),
        },
    }
}

fn memory(body: Option<&Body>) -> Option<Bytes> {
    match body {
        Some(Body::Memory(b)) => Some(b.clone()),
        _ => None,
    }
}

/// The bytes of a file; `None` when it is gone or, through a symbolic
/// link, lies outside the site's folder.
async fn read(app: &AppState, body: Body) -> Option<Bytes> {
    match body {
        Body::Memory(b) => Some(b),
        Body::File(path) => {
            let real = tokio::fs::canonicalize(&path).await.ok()?;
            if !real.starts_with(app.root.as_path()) {
                return None;
            }
            tokio::fs::read(&real).await.ok().map(Bytes::from)
        }
    }
}

fn not_found(app: &AppState) -> Response {
    let site = app.site.read().unwrap_or_else(PoisonError::into_inner);
    match memory(site.get("404.html")) {
        Some(html) => respond(
            StatusCode::NOT_FOUND,
            "404.html",
            html,
            site.generation,
            None,
        ),
        None => (StatusCode::NOT_FOUND, "404 not found\n").into_response(),
    }
}

fn redirect(to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(location) => (StatusCode::FOUND, [(header::LOCATION, location)]).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// True for the search page and its 长者模式 copy.
fn is_search_page(path: &str) -> bool {
    let page = crate::render::SEARCH_PAGE;
    path == page
        || (crate::render::is_mirror_page(path)
            && path.split_once('/').is_some_and(|(_, rest)| rest == page))
}

fn respond(
    status: StatusCode,
    path: &str,
    bytes: Bytes,
    generation: u64,
    index: Option<u64>,
) -> Response {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        reload::inject(&bytes, generation, index)
    } else {
        bytes
    };
    (
        status,
        [
            (header::CONTENT_TYPE, kind),
            // A preview must never show a cached page after a rebuild.
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}
