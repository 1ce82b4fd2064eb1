//! The room in classroom mode (`--classroom`): the instructor's secret token, where the
//! presenter is (lesson and section), and how many learners follow. No web types: the HTTP
//! layer (`web::classroom`) turns this into cookies, pages and server-sent events.

use crate::i18n::Lang;
use std::sync::Arc;
use tokio::sync::watch;

/// What followers follow: a lesson and a section key (shared by every language), in the
/// language the instructor presents in (the notes window uses it; learners keep their own).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub lang: Lang,
    pub slug: String,
    /// A `{#key}` of the lesson's `##` headings, or `""` for its introduction.
    pub section: String,
    /// Bumped on every move, so a client can tell a new position from a repeated one.
    pub seq: u64,
}

#[derive(Debug)]
pub struct Classroom {
    token: String,
    position: watch::Sender<Option<Position>>,
    followers: Arc<watch::Sender<usize>>,
    /// The address announced to students at start-up.
    join_url: std::sync::OnceLock<String>,
    /// Plain cookies the instructor's browser set with a narrower `Path` or a `Domain`:
    /// such a cookie is not sent to the reset, so the reset must repeat its scope.
    scoped: std::sync::Mutex<Vec<Scoped>>,
}

/// A cookie's name with the scope it was set with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scoped {
    pub name: String,
    pub path: Option<String>,
    pub domain: Option<String>,
}

/// At most this many scoped cookies are remembered (a demo sets a handful).
const MAX_SCOPED: usize = 64;

impl Classroom {
    /// A room whose instructor proves themselves with `token`.
    pub fn new(token: impl Into<String>) -> Self {
        Classroom {
            token: token.into(),
            position: watch::channel(None).0,
            followers: Arc::new(watch::channel(0).0),
            join_url: std::sync::OnceLock::new(),
            scoped: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Remember the address students were told to open (first call wins).
    pub fn set_join_url(&self, url: String) {
        let _ = self.join_url.set(url);
    }

    pub fn join_url(&self) -> Option<&str> {
        self.join_url.get().map(String::as_str)
    }

    /// A room with a fresh random token (128 bits, hex).
    pub fn random() -> Self {
        Self::new(format!("{:032x}", rand::random::<u128>()))
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// Does `presented` prove the bearer is the instructor? Compared in constant time: the
    /// token is the only thing standing between a learner and the projector.
    pub fn is_instructor(&self, presented: Option<&str>) -> bool {
        let Some(presented) = presented else {
            return false;
        };
        // Lengths are public (every token is 32 hex digits); the bytes are compared in
        // constant time.
        subtle::ConstantTimeEq::ct_eq(presented.as_bytes(), self.token.as_bytes()).into()
    }

    /// Remember that the instructor's browser holds `cookie` with this scope.
    pub fn remember_scoped(&self, cookie: Scoped) {
        let mut scoped = self.scoped.lock().unwrap_or_else(|e| e.into_inner());
        if !scoped.contains(&cookie) {
            if scoped.len() >= MAX_SCOPED {
                scoped.remove(0);
            }
            scoped.push(cookie);
        }
    }

    /// Every scoped cookie remembered, forgetting them (the reset deletes them).
    pub fn take_scoped(&self) -> Vec<Scoped> {
        std::mem::take(&mut *self.scoped.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The presenter moved. Repeating the current position changes nothing.
    pub fn present(&self, lang: Lang, slug: &str, section: &str) {
        self.position.send_if_modified(|current| {
            if current
                .as_ref()
                .is_some_and(|p| p.lang == lang && p.slug == slug && p.section == section)
            {
                return false;
            }
            let seq = current.as_ref().map_or(1, |p| p.seq + 1);
            *current = Some(Position {
                lang,
                slug: slug.to_owned(),
                section: section.to_owned(),
                seq,
            });
            true
        });
    }

    /// Where the presenter is, if they have started.
    pub fn position(&self) -> Option<Position> {
        self.position.borrow().clone()
    }

    /// Every move from now on (the current position counts as unseen).
    pub fn watch_position(&self) -> watch::Receiver<Option<Position>> {
        let mut rx = self.position.subscribe();
        rx.mark_changed();
        rx
    }

    pub fn followers(&self) -> usize {
        *self.followers.borrow()
    }

    /// The follower count as it changes (the current count counts as unseen).
    pub fn watch_followers(&self) -> watch::Receiver<usize> {
        let mut rx = self.followers.subscribe();
        rx.mark_changed();
        rx
    }

    /// Count one more follower until the guard is dropped (the learner left or closed the
    /// page).
    pub fn follow(&self) -> Follower {
        self.followers.send_modify(|n| *n += 1);
        Follower(self.followers.clone())
    }
}

/// One follower, counted while it lives.
#[derive(Debug)]
pub struct Follower(Arc<watch::Sender<usize>>);

impl Drop for Follower {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

/// The address students can reach: the first private IPv4 address of an interface that is
/// up, else any non-loopback one. `None` on a machine with no network at all.
pub fn lan_address() -> Option<std::net::IpAddr> {
    let addrs: Vec<_> = if_addrs::get_if_addrs()
        .ok()?
        .into_iter()
        .filter(|i| !i.is_loopback())
        .map(|i| i.ip())
        .collect();
    let private = |ip: &std::net::IpAddr| match ip {
        std::net::IpAddr::V4(v4) => v4.is_private(),
        std::net::IpAddr::V6(_) => false,
    };
    addrs
        .iter()
        .find(|ip| private(ip))
        .or_else(|| addrs.iter().find(|ip| ip.is_ipv4()))
        .or_else(|| addrs.first())
        .copied()
}

/// `url` as a QR code drawn with half-block characters, two rows of modules per line, with
/// the quiet zone a phone camera needs; dark modules are printed light-on-dark terminals
/// read best inverted, so the code is drawn as spaces on a block background.
pub fn qr_terminal(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

/// `url` as an SVG QR code for the projector (black on white, whatever the theme).
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_token_is_the_instructor() {
        let room = Classroom::new("0123456789abcdef");
        assert!(room.is_instructor(Some("0123456789abcdef")));
        assert!(!room.is_instructor(Some("0123456789abcdee")));
        assert!(!room.is_instructor(Some("0123456789abcdef0")));
        assert!(!room.is_instructor(Some("")));
        assert!(!room.is_instructor(None));
        assert_eq!(Classroom::random().token().len(), 32);
        assert_ne!(Classroom::random().token(), Classroom::random().token());
    }

    #[test]
    fn moves_are_numbered_and_repeats_are_not_moves() {
        let room = Classroom::new("t");
        assert_eq!(room.position(), None);
        room.present(Lang::Ru, "cookies", "");
        room.present(Lang::Ru, "cookies", "");
        room.present(Lang::Ru, "cookies", "setting-a-cookie");
        let p = room.position().unwrap();
        assert_eq!(
            (p.slug.as_str(), p.section.as_str(), p.seq),
            ("cookies", "setting-a-cookie", 2)
        );
    }

    #[test]
    fn qr_codes_are_drawn_for_the_terminal_and_the_projector() {
        let text = qr_terminal("http://192.168.1.20:3000/join").unwrap();
        assert!(text.lines().count() > 10);
        assert!(text.contains('█') || text.contains('▀') || text.contains('▄'));
        let svg = qr_svg("http://192.168.1.20:3000/join").unwrap();
        assert!(svg.contains("<svg") && svg.contains("#000000"));
    }

    #[test]
    fn followers_are_counted_while_they_follow() {
        let room = Classroom::new("t");
        let a = room.follow();
        let b = room.follow();
        assert_eq!(room.followers(), 2);
        drop(a);
        assert_eq!(room.followers(), 1);
        drop(b);
        assert_eq!(room.followers(), 0);
    }
}
