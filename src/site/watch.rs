//! `--content DIR --watch`: re-render the whole site (content, locales and templates, all four
//! languages) when a file under DIR changes, and swap it in. A site that fails to load is
//! not swapped in: its error is kept for the pages to show, and the last good one stays.

use crate::site::source::Source;
use crate::site::{Site, SiteCell};
use notify::{RecursiveMode, Watcher};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Edits come in bursts (an editor writes a temporary file, renames it, touches the folder);
/// wait this long after the last event before rendering.
const SETTLE: Duration = Duration::from_millis(120);

/// Keeps the watch alive; dropping it stops watching.
pub struct Watching {
    _watcher: Arc<Mutex<notify::RecommendedWatcher>>,
}

impl std::fmt::Debug for Watching {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watching")
    }
}

/// Watch `source`'s folders and reload `cell` on every change, on a thread of its own
/// (rendering is blocking work).
pub fn spawn(source: Source, cell: Arc<SiteCell>) -> anyhow::Result<Watching> {
    let Source::Dir(root) = &source else {
        anyhow::bail!("--watch needs --content DIR");
    };
    let root = root.clone();
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let relevant = event.is_ok_and(|e| !e.kind.is_access());
        if relevant {
            let _ = tx.send(());
        }
    })?;
    // The folder itself (not recursively), to notice a `templates/` made later.
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    let watcher = Arc::new(Mutex::new(watcher));
    let mut watched: Vec<PathBuf> = Vec::new();
    watch_new_dirs(&source, &watcher, &mut watched)?;
    let keep = watcher.clone();
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                while rx.recv_timeout(SETTLE).is_ok() {}
                if let Err(e) = watch_new_dirs(&source, &watcher, &mut watched) {
                    tracing::warn!(error = %e, "cannot watch a new folder");
                }
                let started = std::time::Instant::now();
                let site = Site::load(&source);
                match &site {
                    Ok(_) => tracing::info!(
                        millis = started.elapsed().as_millis() as u64,
                        "content changed: site re-rendered"
                    ),
                    Err(e) => tracing::warn!(
                        error = %format!("{e:#}"),
                        "content changed but does not load; still serving the last good version"
                    ),
                }
                cell.replace(site);
            }
        })?;
    Ok(Watching { _watcher: keep })
}

/// Start watching whichever of `content/`, `locales/` and `templates/` exist and are not
/// watched yet.
fn watch_new_dirs(
    source: &Source,
    watcher: &Mutex<notify::RecommendedWatcher>,
    watched: &mut Vec<PathBuf>,
) -> notify::Result<()> {
    for dir in source.watched_dirs() {
        if !watched.contains(&dir) {
            watcher
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .watch(&dir, RecursiveMode::Recursive)?;
            watched.push(dir);
        }
    }
    Ok(())
}
