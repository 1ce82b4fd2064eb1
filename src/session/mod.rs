//! Flask's default session cookie, byte for byte (see `docs/flask-cookie.md`):
//! values and tags, Python-exact JSON, signing and verification, and Werkzeug's
//! `Set-Cookie` formatting. Pure: no web framework types in here.

pub mod b64;
pub mod clock;
pub mod codec;
pub mod flask;
pub mod httpdate;
pub mod json;
pub mod msgpack;
pub mod set_cookie;
pub mod tagged;
pub mod value;
pub mod versions;

pub use codec::{ErrorKind, Inspection, Keys, Reason, dumps, inspect, loads};
pub use flask::{Session, SessionConfig};
pub use value::{DateTime, Dict, Json, Value};
