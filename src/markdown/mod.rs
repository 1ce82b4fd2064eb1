//! Lesson markdown → HTML blocks, once at start-up: pulldown-cmark with tables, footnotes and
//! heading anchors, code fences highlighted by syntect, and the course's directives:
//!
//! - `:::sandbox` — where the live sandbox widget goes (a block of its own);
//! - `:::example PATH` — a runnable example from `content/examples/`, highlighted;
//! - `:::diagram NAME` — an inline SVG whose labels come from the page's language;
//! - `:::note`, `:::warning`, `:::misconception` … `:::` — callouts;
//! - `:::notes` … `:::` — speaker notes for the section they are in, kept out of the page
//!   and shown only in the instructor's notes window.
//!
//! Pure: labels, examples and diagrams come in through [`Directives`].

pub mod diagrams;
mod directives;
pub mod highlight;
mod render;

pub use directives::{Directive, split_directives};
pub use render::{
    Block, Directives, ExerciseFiles, RenderError, Rendered, Section, inline, render, slugify,
};
