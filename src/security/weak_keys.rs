//! Secret keys an attacker tries first: keys copied from Flask tutorials, then the most
//! common passwords (`data/weak-keys.txt`; sources and licence in `data/weak-keys.LICENSE`).

const LIST: &str = include_str!("../../data/weak-keys.txt");

/// Every candidate, most likely first.
pub fn candidates() -> impl Iterator<Item = &'static str> {
    LIST.lines().filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tutorial_keys_come_first() {
        let first: Vec<&str> = candidates().take(3).collect();
        assert_eq!(
            first,
            ["your_secret_key", "your-secret-key", "yoursecretkey"]
        );
        assert!(candidates().any(|k| k == "supersecretkey"));
        assert!(candidates().any(|k| k == "super_secret_key_123"));
        assert!(candidates().any(|k| k == "changeme"));
        assert!(candidates().count() >= 4000);
    }
}
