//! Live preview: `gongkai serve` and the rebuild loop `build --watch`
//! shares. A thin adapter over the shared pipeline, in small parts:
//!
//! - `watch`: notify events → debounced batches → a pure `classify`;
//! - `rebuild`: full rebuilds through `pipeline::run`, and single-item edits
//!   through the content and render stages' incremental entry points;
//! - `session`: the thread that ties the two together;
//! - `site`, `resolve`, `http`: the last good build in memory, served over
//!   HTTP with safe path handling;
//! - `reload`: Server-Sent Events, the injected script and its error overlay;
//! - `listen`: choosing the port and opening the browser.
//!
//! Nothing here writes the output folder: `serve` serves from memory, so it
//! leaves no temporary folders behind.

mod http;
mod listen;
mod rebuild;
mod reload;
mod resolve;
mod session;
mod site;
mod watch;

pub(crate) use rebuild::{FileSet, Rebuild, Rebuilder};
pub(crate) use session::Session;
pub(crate) use watch::ChangeKind;

use crate::config::CONFIG_FILE;
use crate::pipeline::PipelineOptions;
use reload::{LiveStatus, ShownError};
use site::SiteOutput;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch as channel;

/// How long open connections get to finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What `gongkai serve` was asked for.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    /// The pipeline's options (root, drafts, no minifying).
    pub(crate) pipeline: PipelineOptions,
    /// Address to listen on.
    pub(crate) bind: IpAddr,
    /// Port to listen on; 0 for any free port.
    pub(crate) port: u16,
    /// Open the preview in the web browser.
    pub(crate) open: bool,
}

/// Why the preview could not run.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ServeError {
    /// The folder has no site to serve.
    #[error("there is no site.yaml in `{0}`")]
    NoSite(PathBuf),
    /// Listening failed.
    #[error(transparent)]
    Listen(#[from] listen::ListenError),
    /// The file watcher or rebuild thread could not start.
    #[error("{0}")]
    Watch(String),
    /// The async runtime or server failed.
    #[error("the preview server failed: {0}")]
    Server(std::io::Error),
}

/// Hands each rebuild to the server: swaps the site, tells open pages.
struct Publisher {
    site: Arc<RwLock<SiteOutput>>,
    status: channel::Sender<LiveStatus>,
}

impl Publisher {
    fn publish(&self, rebuilder: &Rebuilder, rebuild: Rebuild) {
        rebuild.report();
        let errors: Vec<ShownError> = rebuild.errors().into_iter().map(ShownError::new).collect();
        let (ok, pages, what) = (rebuild.ok(), rebuild.pages(), rebuild.what.clone());
        let incremental = rebuild.incremental;
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
        self.status.send_replace(LiveStatus { generation, errors });
        let ms = started.elapsed().as_millis();
        if ok {
            println!(
                "{what}: rendered {} in {ms} ms",
                pages_rendered(pages, incremental)
            );
        } else {
            eprintln!("{what}: not published, still serving the last good build");
        }
    }
}

/// `all 120 pages` or `6 changed pages`, for the rebuild line.
pub(crate) fn pages_rendered(pages: usize, incremental: bool) -> String {
    let s = if pages == 1 { "" } else { "s" };
    if incremental {
        format!("{pages} changed page{s}")
    } else {
        format!("all {pages} page{s}")
    }
}

/// Runs the preview until Ctrl-C.
pub(crate) fn run(opts: ServeOptions) -> Result<(), ServeError> {
    let root = opts
        .pipeline
        .root
        .canonicalize()
        .map_err(|_| ServeError::NoSite(opts.pipeline.root.clone()))?;
    let pipeline = PipelineOptions {
        root: root.clone(),
        ..opts.pipeline.clone()
    };
    let mut rebuilder = Rebuilder::new(pipeline);
    let first = rebuilder.rebuild(&ChangeKind::Full(Vec::new()));
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
        errors: Vec::new(),
    });
    let publisher = Publisher {
        site: Arc::new(RwLock::new(SiteOutput::new(seed))),
        status: status_tx,
    };
    let site = Arc::clone(&publisher.site);
    let url = listen::url(
        &listener,
        rebuilder
            .site()
            .map_or("/", |s| s.config.base_path.as_str()),
    );
    println!("serving {} at {url} (Ctrl-C to stop)", root.display());
    listen::warn_if_public(opts.bind);
    publisher.publish(&rebuilder, first);
    let output = output_dir(&root, &rebuilder);
    let session = Session::start(rebuilder, output, move |r, b| publisher.publish(r, b))
        .map_err(ServeError::Watch)?;
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
    let served = serve(listener, http::router(state), shutdown_tx);
    session.stop();
    println!("stopped");
    served
}

/// Blocks until Ctrl-C (or SIGTERM), for `build --watch`.
pub(crate) fn wait_for_stop() {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(listen::stop_signal()),
        // Without a runtime there is no handler, and Ctrl-C ends the process.
        Err(_) => loop {
            std::thread::park();
        },
    }
}

/// The output folder, whose changes the watcher ignores.
fn output_dir(root: &Path, rebuilder: &Rebuilder) -> PathBuf {
    let out = rebuilder
        .site()
        .map_or_else(|| PathBuf::from("public"), |s| s.config.output.clone());
    root.join(out)
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
        let mut stopping = shutdown.subscribe();
        let server = axum::serve(listener, app).with_graceful_shutdown(async move {
            listen::stop_signal().await;
            let _ = shutdown.send(true);
        });
        let deadline = async move {
            let _ = stopping.wait_for(|s| *s).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        };
        tokio::select! {
            r = server => r.map_err(ServeError::Server),
            () = deadline => Ok(()),
        }
    })
}
