//! An interactive course on cookies and Flask sessions, in four languages. The library builds
//! the whole site (`app(state)`); `main.rs` only configures and serves it.

pub mod assets;
pub mod classroom;
pub mod clock;
pub mod config;
pub mod content;
pub mod diagrams;
pub mod error;
pub mod highlight;
pub mod i18n;
pub mod markdown;
pub mod password;
pub mod secret;
pub mod session;
pub mod site;
pub mod source;
pub mod store;
pub mod watch;
pub mod weak_keys;
pub mod web;

pub use web::app;
pub use web::state;
pub use web::state::AppState;
