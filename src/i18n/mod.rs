//! The four languages, Fluent messages and language negotiation. Pure: no web types.

mod lang;
mod localizer;
mod negotiate;

pub use lang::Lang;
pub use localizer::{Arg, Localizer, to_bengali_digits};
pub use negotiate::from_accept_language;
