//! The cookies the site keeps for itself, beside the Flask session and the sandbox's plain
//! cookies. The sandbox refuses to set or delete these names: a learner who could write
//! `classroom_instructor` could take the projector, and one who could write `progress` or
//! `site_theme` would only confuse themselves.

/// The instructor's token in classroom mode (HttpOnly, SameSite=Strict). Taken out of the
/// request's cookies before anything can display it.
pub const INSTRUCTOR: &str = "classroom_instructor";
/// The signed list of lessons visited and quizzes passed.
pub const PROGRESS: &str = "progress";
/// The itsdangerous salt the progress cookie is signed with (same secret as the session,
/// its own salt, so neither can pass for the other).
pub const PROGRESS_SALT: &[u8] = b"course-progress";
/// The colour theme the learner chose (`light` or `dark`). Not `theme`: that is the name
/// the lessons use for their example cookie.
pub const THEME: &str = "site_theme";

/// Where this learner's demo session lives: `server` when it is in the store.
pub const STORE_COOKIE: &str = "sandbox_store";
/// The learner's chosen `PERMANENT_SESSION_LIFETIME`, in seconds.
pub const LIFETIME_COOKIE: &str = "sandbox_lifetime";
/// Shortest lifetime the sandbox accepts: short enough to watch a session expire live.
pub const MIN_LIFETIME: i64 = 30;

/// Names the sandbox will not set, delete or shadow.
pub const RESERVED: [&str; 3] = [INSTRUCTOR, PROGRESS, THEME];

/// Is `name` one of the site's own cookies? Cookie names are case-sensitive, so only the
/// exact name would reach (or shadow) the site's cookie.
pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}
