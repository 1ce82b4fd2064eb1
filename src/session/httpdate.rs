//! Dates the way Werkzeug writes them (`Wed, 21 Oct 2015 07:28:00 GMT`) and the way Python's
//! `email.utils.parsedate_to_datetime` reads them back for the `" d"` tag.

use time::macros::format_description;
use time::{Date, Month, OffsetDateTime};

/// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: Python's datetime range.
pub const MIN_UNIX: i64 = -62_135_596_800;
pub const MAX_UNIX: i64 = 253_402_300_799;

/// An aware datetime with whole seconds, as Flask decodes them (`" d"` tag).
#[derive(Debug, Clone, Copy)]
pub struct DateTime {
    /// Seconds since the Unix epoch (the instant, independent of the offset).
    pub unix: i64,
    /// The UTC offset the text carried, in seconds east of UTC.
    pub offset: i32,
}

impl PartialEq for DateTime {
    // Python compares aware datetimes by instant, whatever their offsets.
    fn eq(&self, other: &Self) -> bool {
        self.unix == other.unix
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date; `None` for a date that does not
/// exist (31 February), as Python's `datetime` refuses it.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Option<i64> {
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date =
        Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(d).ok()?).ok()?;
    Some(i64::from(date.to_julian_day()) - i64::from(OffsetDateTime::UNIX_EPOCH.to_julian_day()))
}

/// ((year, month, day), (hour, minute, second)) of a Unix time in Python's datetime range.
pub fn civil(unix: i64) -> ((i64, u32, u32), (u32, u32, u32)) {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    (
        (
            i64::from(t.year()),
            u32::from(u8::from(t.month())),
            u32::from(t.day()),
        ),
        (
            u32::from(t.hour()),
            u32::from(t.minute()),
            u32::from(t.second()),
        ),
    )
}

/// Werkzeug's `http_date`: `Www, DD Mmm YYYY HH:MM:SS GMT` with a four-digit year.
/// `None` outside Python's datetime range (where Python raises).
pub fn http_date(unix: i64) -> Option<String> {
    if !(MIN_UNIX..=MAX_UNIX).contains(&unix) {
        return None;
    }
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()?
        .format(format_description!(
            "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
        ))
        .ok()
}

/// RFC 3339 in UTC (`2023-11-14T22:13:20Z`), for the state document.
pub fn rfc3339(unix: i64) -> Option<String> {
    if !(MIN_UNIX..=MAX_UNIX).contains(&unix) {
        return None;
    }
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()?
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}

const MONTH_NAMES: [&str; 24] = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn named_zone(tz: &str) -> Option<i64> {
    Some(match tz {
        "UT" | "UTC" | "GMT" | "Z" => 0,
        "AST" => -400,
        "ADT" => -300,
        "EST" => -500,
        "EDT" => -400,
        "CST" => -600,
        "CDT" => -500,
        "MST" => -700,
        "MDT" => -600,
        "PST" => -800,
        "PDT" => -700,
        _ => return None,
    })
}

// Python's int() on a short field: surrounding whitespace, one optional sign, ASCII digits
// with single underscores between them.
fn python_int(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let mut n: i64 = 0;
    for c in body.chars() {
        match c {
            '_' => {}
            '0'..='9' => n = n.checked_mul(10)?.checked_add(i64::from(c as u8 - b'0'))?,
            _ => return None,
        }
    }
    Some(if neg { -n } else { n })
}

/// `email.utils.parsedate_to_datetime` as Werkzeug's `parse_date` uses it: `None` where
/// Python would give `None` (unparseable text, a date out of range); a missing zone is UTC.
pub fn parse_rfc2822(data: &str) -> Option<DateTime> {
    let mut parts: Vec<String> = data.split_whitespace().map(str::to_owned).collect();
    if parts.is_empty() {
        return None;
    }
    if parts[0].ends_with(',') || DAY_NAMES.contains(&parts[0].to_lowercase().as_str()) {
        parts.remove(0);
    } else if let Some(i) = parts[0].rfind(',') {
        parts[0] = parts[0][i + 1..].to_owned();
    }
    if parts.len() == 3 {
        let stuff: Vec<String> = parts[0].split('-').map(str::to_owned).collect();
        if stuff.len() == 3 {
            let rest = parts.split_off(1);
            parts = stuff.into_iter().chain(rest).collect();
        }
    }
    if parts.len() == 4 {
        let s = parts[3].clone();
        let i = s.find('+').or_else(|| s.find('-'));
        match i {
            Some(i) if i > 0 => {
                parts.truncate(3);
                parts.push(s[..i].to_owned());
                parts.push(s[i..].to_owned());
            }
            _ => parts.push(String::new()),
        }
    }
    if parts.len() < 5 {
        return None;
    }
    parts.truncate(5);
    let [mut dd, mut mm, mut yy, mut tm, mut tz]: [String; 5] = parts.try_into().ok()?;
    if dd.is_empty() || mm.is_empty() || yy.is_empty() {
        return None;
    }
    mm = mm.to_lowercase();
    if !MONTH_NAMES.contains(&mm.as_str()) {
        let lower = dd.to_lowercase();
        dd = mm;
        mm = lower;
        if !MONTH_NAMES.contains(&mm.as_str()) {
            return None;
        }
    }
    let mut month = MONTH_NAMES.iter().position(|n| *n == mm)? as u32 + 1;
    if month > 12 {
        month -= 12;
    }
    if dd.ends_with(',') {
        dd.pop();
    }
    if yy.find(':').is_some_and(|i| i > 0) {
        std::mem::swap(&mut yy, &mut tm);
    }
    if yy.ends_with(',') {
        yy.pop();
        if yy.is_empty() {
            return None;
        }
    }
    if !yy.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        std::mem::swap(&mut yy, &mut tz);
    }
    if tm.ends_with(',') {
        tm.pop();
    }
    let mut fields: Vec<&str> = tm.split(':').collect();
    if fields.len() == 1 && tm.contains('.') {
        fields = tm.split('.').collect();
    }
    let (thh, tmm, tss) = match fields.as_slice() {
        [h, m] => (*h, *m, "0"),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let mut year = python_int(&yy)?;
    let day = python_int(&dd)?;
    let (hour, minute, second) = (python_int(thh)?, python_int(tmm)?, python_int(tss)?);
    if year < 100 {
        year += if year > 68 { 1900 } else { 2000 };
    }
    let tz = tz.to_uppercase();
    let mut offset = named_zone(&tz).or_else(|| python_int(&tz));
    if offset == Some(0) && tz.starts_with('-') {
        offset = None;
    }
    let offset_secs = match offset {
        Some(o) if o != 0 => o.signum() * ((o.abs() / 100) * 3600 + (o.abs() % 100) * 60),
        _ => 0,
    };
    // datetime() and timezone() validate their fields; Python turns the ValueError into None.
    if !(1..=9999).contains(&year)
        || !(0..24).contains(&hour)
        || !(0..60).contains(&minute)
        || !(0..60).contains(&second)
        || offset_secs.abs() >= 86_400
    {
        return None;
    }
    let local = days_from_civil(year, month, u32::try_from(day).ok()?)? * 86_400
        + hour * 3600
        + minute * 60
        + second;
    Some(DateTime {
        unix: local - offset_secs,
        offset: offset_secs as i32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_date_has_english_names_and_a_four_digit_year() {
        assert_eq!(
            http_date(1_445_412_480).unwrap(),
            "Wed, 21 Oct 2015 07:28:00 GMT"
        );
        assert_eq!(http_date(0).unwrap(), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            http_date(MAX_UNIX).unwrap(),
            "Fri, 31 Dec 9999 23:59:59 GMT"
        );
        assert_eq!(
            http_date(-60_589_296_000).unwrap(),
            "Sat, 01 Jan 0050 00:00:00 GMT"
        );
        assert!(http_date(MAX_UNIX + 1).is_none());
    }

    #[test]
    fn rfc2822_parser_follows_python_quirks() {
        let dt = parse_rfc2822("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!((dt.unix, dt.offset), (1_445_412_480, 0));
        let dt = parse_rfc2822("21 Oct 2015 09:28:00 +0200").unwrap();
        assert_eq!((dt.unix, dt.offset), (1_445_412_480, 7200));
        // Flask writes year 50 as 0050 and reads it back as 2050.
        let dt = parse_rfc2822("Sat, 01 Jan 0050 00:00:00 GMT").unwrap();
        assert_eq!(civil(dt.unix).0, (2050, 1, 1));
        assert!(parse_rfc2822("not a date").is_none());
        assert!(parse_rfc2822("").is_none());
        assert!(parse_rfc2822("31 Feb 2015 00:00:00").is_none());
    }
}
