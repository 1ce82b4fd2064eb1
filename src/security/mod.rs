//! What the demos check secrets with: Werkzeug's password hashes for the demo login, and the
//! list of weak secret keys the decoder tries.

pub mod flask_login;
pub mod password;
pub mod weak_keys;
