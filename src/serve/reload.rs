//! Reloading the settings on SIGHUP or when one of their files changes. A reload that
//! fails (a broken pack, a config with a typo) keeps the last good settings and says so in
//! the log; requests in flight finish with the settings they started with.
//!
//! Changes are found by polling the files' size and modification time: a handful of
//! `stat` calls a second, which also sees files that editors and deploy tools replace by
//! renaming (where a watch on the old file would go quiet). A change is acted on once the
//! files have stood still for one more poll, so a file caught halfway through being
//! written (truncated, not yet filled) is never loaded.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use tokio::signal::unix::Signal;

use super::App;
use super::engine::Settings;
use super::guard::log_event;
use crate::cli::args::ConfigArgs;

/// What a watched file looks like: absent, or its size and modification time.
pub type Fingerprint = Vec<(PathBuf, Option<(u64, SystemTime)>)>;

/// The fingerprint of the files of `settings`, taken right after they were loaded.
pub fn fingerprint_of(settings: &Settings) -> Fingerprint {
    fingerprint(&settings.watched_paths())
}

fn fingerprint(paths: &[PathBuf]) -> Fingerprint {
    paths
        .iter()
        .map(|path| {
            let seen = std::fs::metadata(path)
                .ok()
                .and_then(|m| Some((m.len(), m.modified().ok()?)));
            (path.clone(), seen)
        })
        .collect()
}

/// Watch for SIGHUP and for changed files until the process ends. `loaded` is the files'
/// fingerprint taken when the settings were loaded at start: taken here instead, once the
/// task first runs, a file changed in between (while the runtime started, or while the
/// first requests were served) would be the baseline and never be reloaded.
pub async fn watch(
    app: Arc<App>,
    config: ConfigArgs,
    mut hangups: Signal,
    every: Duration,
    loaded: Fingerprint,
) {
    let mut watched = app.settings().watched_paths();
    let mut last = loaded;
    // A change seen at the last poll, waiting to stand still.
    let mut settling: Option<Fingerprint> = None;
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let trigger = tokio::select! {
            _ = hangups.recv() => "SIGHUP",
            _ = ticks.tick() => {
                let now = fingerprint(&watched);
                if now == last {
                    settling = None;
                    continue;
                }
                if settling.as_ref() != Some(&now) {
                    settling = Some(now);
                    continue;
                }
                "file change"
            }
        };
        settling = None;
        // Taken before loading, so a change made while the load runs is seen next tick.
        let before = fingerprint(&watched);
        let args = config.clone();
        let loaded = tokio::task::spawn_blocking(move || Settings::load(&args)).await;
        match loaded {
            Ok(Ok(settings)) => {
                log_event(serde_json::json!({
                    "event": "reload",
                    "trigger": trigger,
                    "ok": true,
                    "settings": settings.source(),
                    "rules": settings.rule_count(),
                }));
                let now_watched = settings.watched_paths();
                last = if now_watched == watched {
                    before
                } else {
                    fingerprint(&now_watched)
                };
                watched = now_watched;
                app.replace_settings(settings);
                continue;
            }
            Ok(Err(errors)) => {
                let kept = app.settings();
                log_event(serde_json::json!({
                    "event": "reload",
                    "trigger": trigger,
                    "ok": false,
                    "errors": errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "kept": format!("the last good settings ({}, {} rules)", kept.source(), kept.rule_count()),
                }));
            }
            Err(join) => log_event(serde_json::json!({
                "event": "reload",
                "trigger": trigger,
                "ok": false,
                "errors": [join.to_string()],
                "kept": "the last good settings",
            })),
        }
        // A broken file is not retried until it changes again (or SIGHUP asks).
        last = before;
    }
}
