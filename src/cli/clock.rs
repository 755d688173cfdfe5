//! The one clock the command line and the servers read: today's date in the system time
//! zone (the engine reads no clock; it is handed the date).

/// The date the run takes as "today", in the system time zone: the engine reads no
/// clock, so the front ends read it (the CLI once per run).
pub(crate) fn today() -> jiff::civil::Date {
    local_time_zone().to_datetime(jiff::Timestamp::now()).date()
}

/// The system time zone, read once per process (the service and the language server ask
/// for "today" on every check and must not touch the file system for it). Without `TZ`,
/// `/etc/localtime` is read as it stands: a date needs no zone name, and finding the name
/// makes jiff list the whole zoneinfo tree (hundreds of directory reads, a millisecond or
/// more of a one-article run).
fn local_time_zone() -> &'static jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        #[cfg(unix)]
        if std::env::var_os("TZ").is_none()
            && let Ok(data) = std::fs::read("/etc/localtime")
            && let Ok(zone) = jiff::tz::TimeZone::tzif("localtime", &data)
        {
            return zone;
        }
        jiff::tz::TimeZone::system()
    })
}
