//! TOML front matter between `+++` lines, with no unknown fields.

use serde::Deserialize;

/// What a lesson's sandbox widget offers (its front matter's `sandbox = [...]`; `docs/ARCHITECTURE.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SandboxAction {
    ReadCookies,
    SetCookie,
    DeleteCookie,
    ShowSession,
    SetKey,
    PopKey,
    ClearSession,
    Permanent,
    CartAppend,
    Login,
    Decode,
    ServerStore,
    /// Four `SameSite` cookies and a request from a second site (lesson 12).
    CrossSite,
    /// Flask-Login's `login_user(remember=…)` and its `remember_token` (lesson 13).
    RememberLogin,
    /// A copied session cookie replayed after logging out (lesson 15).
    Replay,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub order: u32,
    pub summary: String,
    #[serde(default)]
    pub sandbox: Vec<SandboxAction>,
    /// Translations only: `source_hash` of the English text this was translated from.
    pub source_hash: Option<String>,
}

/// `(front matter text, body)`, or why the file does not start with front matter.
pub fn split_front_matter(text: &str) -> Result<(&str, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a '+++' line opening the front matter")?;
    let end = rest
        .find("\n+++")
        .ok_or("the front matter is never closed with a '+++' line")?;
    let body = &rest[end + 4..];
    let body = body.strip_prefix('\r').unwrap_or(body);
    let body = body.strip_prefix('\n').unwrap_or(body);
    Ok((&rest[..end + 1], body))
}
