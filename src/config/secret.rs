//! The Flask `SECRET_KEY`: from the environment, else a random key generated once and kept
//! in a file only its owner can read, so a restart does not log every learner out. There is
//! never a key written in the source.

use anyhow::{Context, bail};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Where the key came from, for the start-up log (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    Environment,
    ExistingFile,
    NewFile,
}

/// `SECRET_KEY` if set (non-empty), else the key in `file`, created if missing.
pub fn load(env_value: Option<String>, file: &Path) -> anyhow::Result<(Vec<u8>, KeySource)> {
    if let Some(key) = env_value.filter(|k| !k.is_empty()) {
        return Ok((key.into_bytes(), KeySource::Environment));
    }
    match fs::read_to_string(file) {
        Ok(text) => {
            let key = text.trim_end_matches(['\n', '\r']);
            if key.is_empty() {
                bail!(
                    "secret key file {} is empty; delete it to generate a new key",
                    file.display()
                );
            }
            let mode = fs::metadata(file)?.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                tracing::warn!(path = %file.display(), mode = format!("{mode:o}"), "secret key file is readable by others; chmod 600 it");
            }
            Ok((key.as_bytes().to_vec(), KeySource::ExistingFile))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = generate();
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(file)
                .with_context(|| format!("creating secret key file {}", file.display()))?;
            writeln!(f, "{key}").with_context(|| format!("writing {}", file.display()))?;
            Ok((key.into_bytes(), KeySource::NewFile))
        }
        Err(e) => Err(e).with_context(|| format!("reading secret key file {}", file.display())),
    }
}

/// Earlier versions kept the key in `.secret-key` in the working directory. If that file is
/// here and `default` is not yet, copy it there (mode 0600), so upgrading logs nobody out.
pub fn adopt_legacy(default: &Path) -> anyhow::Result<bool> {
    let legacy = Path::new(".secret-key");
    if default.exists() || !legacy.is_file() {
        return Ok(false);
    }
    let key = fs::read(legacy).with_context(|| format!("reading {}", legacy.display()))?;
    if let Some(dir) = default.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(default)
        .with_context(|| format!("creating secret key file {}", default.display()))?;
    f.write_all(&key)
        .with_context(|| format!("writing {}", default.display()))?;
    Ok(true)
}

/// 32 random bytes as hex, like `python -c "import secrets; print(secrets.token_hex())"`.
fn generate() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_path(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "cookie-course-secret-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        dir.join("nested").join("key")
    }

    #[test]
    fn environment_key_wins_over_the_file() {
        let path = temp_path("env");
        let (key, src) = load(Some("from-env".into()), &path).unwrap();
        assert_eq!(
            (key.as_slice(), src),
            (&b"from-env"[..], KeySource::Environment)
        );
        assert!(
            !path.exists(),
            "no file is written when the environment has a key"
        );
    }

    #[test]
    fn generated_key_is_private_and_survives_a_restart() {
        let path = temp_path("file");
        let (first, src) = load(None, &path).unwrap();
        assert_eq!(src, KeySource::NewFile);
        assert_eq!(first.len(), 64);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let (second, src) = load(Some(String::new()), &path).unwrap();
        assert_eq!((second, src), (first, KeySource::ExistingFile));
    }
}
