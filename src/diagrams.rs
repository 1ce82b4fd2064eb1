//! Diagrams as inline SVG. The drawing is code; every word on it comes from the page's
//! language, so nothing is baked into an image.

use crate::highlight::escape;

/// The diagrams lessons can embed with `:::diagram NAME`.
pub const NAMES: [&str; 1] = ["cookie-exchange"];

/// The SVG of diagram `name`, labelled through `label`.
pub fn render(name: &str, label: &dyn Fn(&str) -> String) -> Option<String> {
    match name {
        "cookie-exchange" => Some(cookie_exchange(label)),
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
