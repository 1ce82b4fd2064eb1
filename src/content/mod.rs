//! The course: lessons from `content/<lang>/<slug>.md`, validated strictly and rendered once
//! for every page language. English is the source; a translation records the hash of the
//! English text it was made from, so a stale one can say so.

mod front_matter;
mod library;
mod quiz;
pub mod search;

pub use front_matter::{FrontMatter, SandboxAction, split_front_matter};
pub use library::{Library, Page, Summary, source_hash};
pub use quiz::{Choice, Question, Quiz};
