//! An interactive course on cookies and Flask sessions. The library builds the whole site;
//! `main.rs` only configures and serves it.

pub mod session;
