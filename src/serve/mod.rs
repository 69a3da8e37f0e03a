//! Live preview: `gongkai serve`. A thin adapter over the pipeline's watch
//! loop ([`pipeline::Session`](crate::pipeline::Session)), in small parts:
//!
//! - `site`, `resolve`, `http`: the last good build in memory, served over
//!   HTTP with safe path handling;
//! - `reload`: Server-Sent Events, the injected script and its error overlay;
//! - `listen`: choosing the port and opening the browser;
//! - `guard`, `accept`: answering only requests for the preview itself
//!   (DNS rebinding), with a header-read time limit and a connection cap.
//!
//! Nothing here writes the output folder: `serve` serves from memory, so it
//! leaves no temporary folders behind.

mod accept;
mod guard;
mod http;
mod listen;
mod reload;
mod resolve;
mod site;

pub use listen::ListenError;

use crate::config::CONFIG_FILE;
use crate::diag::Diagnostics;
use crate::pipeline::{
    ChangeKind, Indexed, Options as PipelineOptions, Pipeline, Rebuild, Session,
};
use reload::{LiveStatus, ShownError};
use site::SiteOutput;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch as channel;

/// How long open connections get to finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What `gongkai serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The pipeline's options (root, drafts, no minifying).
    pub pipeline: PipelineOptions,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Port to listen on; 0 for any free port.
    pub port: u16,
    /// Open the preview in the web browser.
    pub open: bool,
}

/// Why the preview could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The folder has no site to serve.
    #[error("{}", crate::t!("serve-no-site", path = .0))]
    NoSite(PathBuf),
    /// Listening failed.
    #[error(transparent)]
    Listen(#[from] listen::ListenError),
    /// The file watcher or rebuild thread could not start.
    #[error("{0}")]
    Watch(String),
    /// The async runtime or server failed.
    #[error("{}", crate::t!("serve-failed", why = crate::i18n::io_error(.0)))]
    Server(std::io::Error),
}

/// Hands each rebuild to the server: swaps the site, tells open pages.
struct Publisher {
    site: Arc<RwLock<SiteOutput>>,
    status: channel::Sender<LiveStatus>,
}

impl Publisher {
    fn publish(&self, rebuilder: &Pipeline, rebuild: Rebuild) {
        rebuild.report();
        let errors: Vec<ShownError> = rebuild.errors().into_iter().map(ShownError::new).collect();
        let (ok, pages, what) = (rebuild.ok(), rebuild.pages_rendered(), rebuild.what.clone());
        let started = rebuild.started;
        let base = rebuilder
            .site()
            .map_or("/", |s| s.config.base_path.as_str());
        let generation = {
            let mut site = self.site.write().unwrap_or_else(PoisonError::into_inner);
            if let Some(update) = rebuild.update {
                site.apply(update, base);
            }
            site.generation
        };
        self.status.send_modify(|status| {
            status.generation = generation;
            status.errors = errors;
        });
        let ms = started.elapsed().as_millis();
        if ok {
            crate::outln!(
                "{}",
                crate::t!(
                    "serve-rendered",
                    what = &what,
                    pages = &pages,
                    ms = ms as u64
                )
            );
        } else {
            crate::errln!("{}", crate::t!("serve-not-published", what = &what));
        }
    }

    /// Publishes a search index made after its pages; open search pages
    /// reload.
    fn publish_index(&self, done: Indexed) {
        let ms = done.started.elapsed().as_millis() as u64;
        let pages = done.pages as u64;
        let mut site = self.site.write().unwrap_or_else(PoisonError::into_inner);
        // Asked under the lock the rebuilds publish under: a rebuild
        // published since superseded this index (and may have turned the
        // search off).
        if !done.is_newest() {
            return;
        }
        match done.result {
            Ok(files) => {
                site.apply_index(files);
                let index = site.index_generation;
                drop(site);
                self.status.send_modify(|status| status.index = index);
                crate::outln!("{}", crate::t!("serve-indexed", pages = pages, ms = ms));
            }
            Err(errors) => {
                drop(site);
                let mut all = Diagnostics::default();
                all.extend(errors);
                all.report();
                crate::errln!("{}", crate::t!("serve-index-not-published"));
            }
        }
    }
}

/// Runs the preview until Ctrl-C.
pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let root = opts
        .pipeline
        .root
        .canonicalize()
        .map_err(|_| ServeError::NoSite(opts.pipeline.root.clone()))?;
    let pipeline = PipelineOptions {
        root: root.clone(),
        ..opts.pipeline.clone()
    };
    let mut rebuilder = Pipeline::new(pipeline);
    // The search index is made after the pages, so the preview opens (and
    // each save shows) without waiting for it.
    let first = Rebuild::run_index_later(&mut rebuilder, &ChangeKind::Full(Vec::new()));
    if !first.ok() && rebuilder.site().is_none() && !root.join(CONFIG_FILE).is_file() {
        first.report();
        return Err(ServeError::NoSite(root));
    }
    let listener = listen::bind(opts.bind, opts.port)?;
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let (status_tx, status_rx) = channel::channel(LiveStatus {
        generation: seed,
        index: seed,
        errors: Vec::new(),
    });
    let publisher = Arc::new(Publisher {
        site: Arc::new(RwLock::new(SiteOutput::new(seed))),
        status: status_tx,
    });
    let site = Arc::clone(&publisher.site);
    let url = listen::url(
        &listener,
        rebuilder
            .site()
            .map_or("/", |s| s.config.base_path.as_str()),
    );
    let output = rebuilder.output_dir();
    let index_publisher = Arc::clone(&publisher);
    let session = Session::start_indexing_later(
        rebuilder,
        output,
        first,
        move |r, b| publisher.publish(r, b),
        move |done| index_publisher.publish_index(done),
    )
    .map_err(ServeError::Watch)?;
    // Said once the watcher runs: a file saved after this line is seen.
    crate::outln!("{}", crate::t!("serve-serving", root = &root, url = &url));
    listen::warn_if_public(opts.bind);
    if opts.open {
        listen::open_browser(&url);
    }
    let (shutdown_tx, shutdown_rx) = channel::channel(false);
    let state = http::AppState {
        site,
        status: status_rx,
        shutdown: shutdown_rx,
        root: Arc::new(root),
    };
    let hosts = guard::Hosts::new(opts.bind);
    let served = serve(listener, http::router(state, hosts), shutdown_tx);
    session.stop();
    crate::outln!("{}", crate::t!("build-stopped"));
    served
}

/// Serves until Ctrl-C (or SIGTERM), then gives open connections a moment.
fn serve(
    listener: std::net::TcpListener,
    app: axum::Router,
    shutdown: channel::Sender<bool>,
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Server)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(ServeError::Server)?;
        let stopping = shutdown.subscribe();
        tokio::spawn(async move {
            crate::pipeline::stop_signal().await;
            let _ = shutdown.send(true);
        });
        accept::serve(listener, app, accept::LIMITS, stopping, SHUTDOWN_GRACE).await;
        Ok(())
    })
}
