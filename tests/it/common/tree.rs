//! Throwaway content trees for start-up and fallback tests: the real locales and examples,
//! plus the lesson files a test writes.

use cookie_course::site::source::Source;
use std::path::{Path, PathBuf};

pub struct Tree(pub PathBuf);

impl Tree {
    /// A fresh tree with a copy of the repository's `locales/` and `content/examples/`.
    pub fn new(name: &str) -> Tree {
        // Unique per call: tests in one binary run in parallel.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let root =
            std::env::temp_dir().join(format!("cookie-course-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("locales"), &root.join("locales"));
        copy_dir(
            &repo.join("content/examples"),
            &root.join("content/examples"),
        );
        Tree(root)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.0.join(rel)).unwrap();
        self
    }

    pub fn source(&self) -> Source {
        Source::Dir(self.0.clone())
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}

/// A minimal valid lesson file.
pub fn lesson(title: &str, order: u32, source_hash: Option<&str>, body: &str) -> String {
    let hash = source_hash
        .map(|h| format!("source_hash = \"{h}\"\n"))
        .unwrap_or_default();
    format!(
        "+++\ntitle = \"{title}\"\norder = {order}\nsummary = \"About {title}\"\nsandbox = [\"read-cookies\"]\n{hash}+++\n{body}"
    )
}
