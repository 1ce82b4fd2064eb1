//! An interactive course on cookies and Flask sessions, in four languages. The library builds
//! the whole site (`app(state)`); `main.rs` only configures and serves it.
//!
//! The pure core has no web types: `session` (Flask's cookie, byte for byte), `store`
//! (server-side records), `content` and `markdown` (lessons, highlighting, diagrams), `i18n`
//! (Fluent), `security` (password hashes, weak keys), `classroom` (the room's state) and `site`
//! (everything loaded once). `web` is the HTTP edge: state, extractors, middleware, handlers.
//! `docs/ARCHITECTURE.md` walks through it.

pub mod classroom;
pub mod config;
pub mod content;
pub mod i18n;
pub mod markdown;
pub mod security;
pub mod session;
pub mod site;
pub mod store;
pub mod web;

pub use web::app;
pub use web::state;
pub use web::state::AppState;
