//! Diagrams as inline SVG. The drawing is code; every word on it comes from the page's
//! language, so nothing is baked into an image.

use crate::markdown::highlight::escape;

/// The diagrams lessons can embed with `:::diagram NAME`.
pub const NAMES: [&str; 4] = [
    "cookie-exchange",
    "session-anatomy",
    "client-vs-server",
    "permanent-timeline",
];

/// The SVG of diagram `name`, labelled through `label`.
pub fn render(name: &str, label: &dyn Fn(&str) -> String) -> Option<String> {
    match name {
        "cookie-exchange" => Some(cookie_exchange(label)),
        "session-anatomy" => Some(session_anatomy(label)),
        "client-vs-server" => Some(client_vs_server(label)),
        "permanent-timeline" => Some(permanent_timeline(label)),
        _ => None,
    }
}

fn cookie_exchange(label: &dyn Fn(&str) -> String) -> String {
    let t = |id: &str| escape(&label(id));
    let arrow = |y: u32, to_right: bool, text: String, code: &str, class: &str| {
        let (x1, x2) = if to_right { (170, 550) } else { (550, 170) };
        format!(
            "<line x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" class=\"dg-arrow {class}\" marker-end=\"url(#dg-head)\"/>\
             <text x=\"360\" y=\"{ty}\" class=\"dg-label\" text-anchor=\"middle\">{text}</text>\
             <text x=\"360\" y=\"{cy}\" class=\"dg-code\" text-anchor=\"middle\">{code}</text>",
            ty = y - 26,
            cy = y - 8,
        )
    };
    format!(
        "<figure class=\"diagram\"><svg viewBox=\"0 0 720 330\" role=\"img\" aria-labelledby=\"dg-exchange-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"dg-exchange-title\">{title}</title>\
         <defs><marker id=\"dg-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"dg-head\"/></marker></defs>\
         <rect x=\"10\" y=\"20\" width=\"160\" height=\"270\" rx=\"10\" class=\"dg-box\"/>\
         <text x=\"90\" y=\"52\" class=\"dg-title\" text-anchor=\"middle\">{browser}</text>\
         <rect x=\"550\" y=\"20\" width=\"160\" height=\"270\" rx=\"10\" class=\"dg-box\"/>\
         <text x=\"630\" y=\"52\" class=\"dg-title\" text-anchor=\"middle\">{server}</text>\
         {a1}{a2}{a3}\
         <text x=\"90\" y=\"228\" class=\"dg-note\" text-anchor=\"middle\" aria-hidden=\"true\">🍪</text>\
         <text x=\"14\" y=\"318\" class=\"dg-note\">🍪 {stored}</text>\
         </svg><figcaption>{title}</figcaption></figure>",
        title = t("diagram-exchange-title"),
        browser = t("diagram-browser"),
        server = t("diagram-server"),
        stored = t("diagram-stored"),
        a1 = arrow(110, true, t("diagram-first-request"), "GET /", "dg-request"),
        a2 = arrow(
            190,
            false,
            t("diagram-response"),
            "Set-Cookie: visits=1",
            "dg-response"
        ),
        a3 = arrow(
            270,
            true,
            t("diagram-next-request"),
            "Cookie: visits=1",
            "dg-request"
        ),
    )
}

/// `<figure>` + `<svg>` with a title, shared by every diagram.
fn figure(id: &str, width: u32, height: u32, title: &str, body: &str) -> String {
    format!(
        "<figure class=\"diagram\"><svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"dg-{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"dg-{id}-title\">{title}</title>\
         <defs><marker id=\"dg-{id}-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"dg-head\"/></marker></defs>\
         {body}</svg><figcaption>{title}</figcaption></figure>"
    )
}

/// The three parts of a session cookie and what each one is.
fn session_anatomy(label: &dyn Fn(&str) -> String) -> String {
    let t = |id: &str| escape(&label(id));
    let part = |x: u32, w: u32, class: &str, code: &str, name: String, note: String| {
        format!(
            "<rect x=\"{x}\" y=\"40\" width=\"{w}\" height=\"44\" rx=\"6\" class=\"dg-box {class}\"/>\
             <text x=\"{cx}\" y=\"67\" class=\"dg-code\" text-anchor=\"middle\">{code}</text>\
             <line x1=\"{cx}\" y1=\"88\" x2=\"{cx}\" y2=\"128\" class=\"dg-arrow\" marker-end=\"url(#dg-session-anatomy-head)\"/>\
             <text x=\"{cx}\" y=\"152\" class=\"dg-title\" text-anchor=\"middle\">{name}</text>\
             <text x=\"{cx}\" y=\"176\" class=\"dg-label\" text-anchor=\"middle\">{note}</text>",
            cx = x + w / 2
        )
    };
    // A real cookie, so its three parts belong together: `{"user": "ada"}` signed by Flask
    // with SECRET_KEY "change-me" at 2023-11-14T22:13:20Z.
    let (payload, timestamp, signature) = anatomy_cookie();
    let body = format!(
        "{}<text x=\"300\" y=\"67\" class=\"dg-code\" text-anchor=\"middle\">.</text>{}<text x=\"448\" y=\"67\" class=\"dg-code\" text-anchor=\"middle\">.</text>{}\
         <text x=\"160\" y=\"214\" class=\"dg-note\" text-anchor=\"middle\">{}</text>\
         <text x=\"590\" y=\"214\" class=\"dg-note\" text-anchor=\"middle\">{}</text>\
         <text x=\"370\" y=\"24\" class=\"dg-label\" text-anchor=\"middle\">session={}.{}.{}</text>",
        part(
            20,
            276,
            "dg-request",
            &payload,
            t("diagram-anatomy-payload"),
            t("diagram-anatomy-payload-note")
        ),
        part(
            306,
            138,
            "dg-response",
            &timestamp,
            t("diagram-anatomy-timestamp"),
            t("diagram-anatomy-timestamp-note")
        ),
        part(
            456,
            264,
            "dg-signature",
            &signature,
            t("diagram-anatomy-signature"),
            t("diagram-anatomy-signature-note")
        ),
        t("diagram-anatomy-readable"),
        t("diagram-anatomy-protected"),
        payload,
        timestamp,
        signature,
    );
    figure(
        "session-anatomy",
        740,
        230,
        &t("diagram-anatomy-title"),
        &body,
    )
}

/// Flask's default (the data rides in the cookie) beside Flask-Session (only an id does).
fn client_vs_server(label: &dyn Fn(&str) -> String) -> String {
    let t = |id: &str| escape(&label(id));
    let side = |x: u32,
                heading: String,
                cookie: &str,
                note: String,
                store: Option<(String, &str)>| {
        let store = store.map_or(String::new(), |(name, data)| {
            format!(
                "<line x1=\"{a}\" y1=\"170\" x2=\"{a}\" y2=\"206\" class=\"dg-arrow dg-response\" marker-end=\"url(#dg-client-vs-server-head)\"/>\
                 <rect x=\"{x}\" y=\"210\" width=\"330\" height=\"70\" rx=\"8\" class=\"dg-box\"/>\
                 <text x=\"{c}\" y=\"236\" class=\"dg-title\" text-anchor=\"middle\">{name}</text>\
                 <text x=\"{c}\" y=\"262\" class=\"dg-code\" text-anchor=\"middle\">{data}</text>",
                a = x + 165,
                c = x + 165
            )
        });
        format!(
            "<text x=\"{c}\" y=\"30\" class=\"dg-title\" text-anchor=\"middle\">{heading}</text>\
             <rect x=\"{x}\" y=\"50\" width=\"330\" height=\"70\" rx=\"8\" class=\"dg-box\"/>\
             <text x=\"{c}\" y=\"78\" class=\"dg-label\" text-anchor=\"middle\">🍪 {browser}</text>\
             <text x=\"{c}\" y=\"104\" class=\"dg-code\" text-anchor=\"middle\">{cookie}</text>\
             <text x=\"{c}\" y=\"150\" class=\"dg-note\" text-anchor=\"middle\">{note}</text>{store}",
            c = x + 165,
            browser = t("diagram-browser"),
        )
    };
    let body = format!(
        "{}{}",
        side(
            20,
            t("diagram-store-client"),
            "session=eyJ1c2VyIjoiYWRhIiwiY2Fy…",
            t("diagram-store-cookie-data"),
            None
        ),
        side(
            390,
            t("diagram-store-server"),
            "session=9f2c4e1a-7b…",
            t("diagram-store-cookie-id"),
            Some((
                t("diagram-store-store"),
                "session:9f2c4e1a… → {user: ada, cart: [tea]}"
            ))
        ),
    );
    figure(
        "client-vs-server",
        740,
        300,
        &t("diagram-store-title"),
        &body,
    )
}

/// A permanent session's life: signed, refreshed on each request, expiring a lifetime after
/// the last one; a browser-session cookie dies with the browser instead.
fn permanent_timeline(label: &dyn Fn(&str) -> String) -> String {
    let t = |id: &str| escape(&label(id));
    let tick = |x: u32, text: String, anchor: &str| {
        format!(
            "<line x1=\"{x}\" y1=\"92\" x2=\"{x}\" y2=\"112\" class=\"dg-arrow\"/>\
             <text x=\"{x}\" y=\"80\" class=\"dg-label\" text-anchor=\"{anchor}\">{text}</text>"
        )
    };
    let body = format!(
        "<line x1=\"20\" y1=\"102\" x2=\"720\" y2=\"102\" class=\"dg-arrow dg-request\" marker-end=\"url(#dg-permanent-timeline-head)\"/>\
         {}{}{}{}\
         <path d=\"M 260 120 Q 490 170 720 120\" class=\"dg-arrow dg-response\" fill=\"none\"/>\
         <text x=\"490\" y=\"178\" class=\"dg-code\" text-anchor=\"middle\">PERMANENT_SESSION_LIFETIME</text>\
         <text x=\"20\" y=\"222\" class=\"dg-note\">{}</text>\
         <text x=\"20\" y=\"248\" class=\"dg-note\">{}</text>",
        tick(40, t("diagram-timeline-signed"), "start"),
        tick(150, t("diagram-timeline-refresh"), "middle"),
        tick(260, t("diagram-timeline-last"), "middle"),
        tick(700, t("diagram-timeline-expires"), "end"),
        t("diagram-timeline-browser-session"),
        t("diagram-timeline-permanent"),
    );
    figure(
        "permanent-timeline",
        740,
        262,
        &t("diagram-timeline-title"),
        &body,
    )
}

/// The anatomy diagram's cookie, split into payload, timestamp and signature.
fn anatomy_cookie() -> (String, String, String) {
    let mut session = crate::session::Dict::new();
    session.insert("user".into(), crate::session::Value::Str("ada".into()));
    let keys = crate::session::Keys::new(b"change-me", &[]);
    let cookie = crate::session::codec::dumps(&session, &keys, 1_700_000_000)
        .map(|e| e.cookie)
        .unwrap_or_default();
    let mut parts = cookie.splitn(3, '.').map(str::to_owned);
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}
