//! Pages rendered once with *holes* where the learner shows through, and filled per request.
//!
//! A skeleton is a whole page rendered with a marker in place of each learner-dependent
//! part; splitting on the markers leaves the fixed text. A request supplies the holes' text
//! and gets the page back plain or gzipped. The gzip body costs no compression of the fixed
//! text per request: each piece of it was deflated once, ending on a byte boundary, and the
//! learner's small fragments go between them as stored (uncompressed) deflate blocks.

use axum::body::Bytes;
use flate2::{Compress, Compression, Crc, FlushCompress};

/// A place in a page where the learner shows through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hole {
    /// `data-theme` on `<html>`.
    Theme,
    /// The theme switcher's options (which one is selected).
    ThemeOptions,
    /// The classroom bar (the instructor's differs from a student's).
    Classroom,
    /// The quiz with the learner's answers.
    Quiz,
    /// The sandbox's state panel.
    Panel,
}

impl Hole {
    pub const ALL: [Hole; 5] = [
        Hole::Theme,
        Hole::ThemeOptions,
        Hole::Classroom,
        Hole::Quiz,
        Hole::Panel,
    ];

    /// The name templates use (`holes.<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Hole::Theme => "theme",
            Hole::ThemeOptions => "theme_options",
            Hole::Classroom => "classroom",
            Hole::Quiz => "quiz",
            Hole::Panel => "panel",
        }
    }

    /// What the skeleton render writes in the hole's place. A NUL is in no page's text (the
    /// course is text, and no learner input reaches a skeleton), so it cannot be mistaken.
    pub fn marker(self) -> String {
        format!("\0hole:{}\0", self.name())
    }

    fn from_name(name: &str) -> Option<Hole> {
        Hole::ALL.into_iter().find(|h| h.name() == name)
    }
}

/// The `holes` value a skeleton render gets: each hole's name → its marker.
pub fn markers() -> std::collections::BTreeMap<&'static str, String> {
    Hole::ALL.iter().map(|h| (h.name(), h.marker())).collect()
}

/// A page's fixed text around its holes, plain and deflated.
#[derive(Debug)]
pub struct Skeleton {
    /// The fixed pieces; a hole follows every piece but the last.
    texts: Vec<Bytes>,
    holes: Vec<Hole>,
    /// Each piece as raw deflate ending on a byte boundary, and its CRC-32.
    deflated: Vec<(Bytes, Crc)>,
    fixed_len: usize,
}

impl Skeleton {
    /// Split a skeleton render at its markers.
    pub fn split(html: &str) -> anyhow::Result<Skeleton> {
        let mut texts = Vec::new();
        let mut holes = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find("\0hole:") {
            let after = &rest[start + "\0hole:".len()..];
            let end = after
                .find('\0')
                .ok_or_else(|| anyhow::anyhow!("an unterminated hole marker"))?;
            let hole = Hole::from_name(&after[..end])
                .ok_or_else(|| anyhow::anyhow!("an unknown hole {:?}", &after[..end]))?;
            texts.push(Bytes::copy_from_slice(&rest.as_bytes()[..start]));
            holes.push(hole);
            rest = &after[end + 1..];
        }
        texts.push(Bytes::copy_from_slice(rest.as_bytes()));
        let deflated = texts
            .iter()
            .map(|t| {
                let mut crc = Crc::new();
                crc.update(t);
                (Bytes::from(deflate_aligned(t)), crc)
            })
            .collect();
        Ok(Skeleton {
            fixed_len: texts.iter().map(Bytes::len).sum(),
            texts,
            holes,
            deflated,
        })
    }

    /// The holes this page has, in order.
    pub fn holes(&self) -> &[Hole] {
        &self.holes
    }

    /// The page with each hole filled by `fill`.
    pub fn fill<'a>(&self, fill: impl Fn(Hole) -> &'a str) -> Bytes {
        let fills: Vec<&str> = self.holes.iter().map(|h| fill(*h)).collect();
        let mut out =
            Vec::with_capacity(self.fixed_len + fills.iter().map(|f| f.len()).sum::<usize>());
        for (i, text) in self.texts.iter().enumerate() {
            out.extend_from_slice(text);
            if let Some(f) = fills.get(i) {
                out.extend_from_slice(f.as_bytes());
            }
        }
        Bytes::from(out)
    }

    /// The same page as a gzip member: the fixed text's deflate as prepared, each hole's text
    /// as stored blocks, then an empty final block and the trailer.
    pub fn fill_gzip<'a>(&self, fill: impl Fn(Hole) -> &'a str) -> Bytes {
        let fills: Vec<&str> = self.holes.iter().map(|h| fill(*h)).collect();
        let mut out = Vec::with_capacity(
            GZIP_HEADER.len()
                + self.deflated.iter().map(|(d, _)| d.len()).sum::<usize>()
                + fills.iter().map(|f| f.len() + 5).sum::<usize>()
                + 10,
        );
        out.extend_from_slice(&GZIP_HEADER);
        let mut crc = Crc::new();
        for (i, (deflated, piece_crc)) in self.deflated.iter().enumerate() {
            out.extend_from_slice(deflated);
            crc.combine(piece_crc);
            if let Some(f) = fills.get(i) {
                stored_blocks(f.as_bytes(), &mut out);
                crc.update(f.as_bytes());
            }
        }
        // An empty final block with fixed codes: its three header bits and the end-of-block
        // code, padded to a byte.
        out.extend_from_slice(&[0x03, 0x00]);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&crc.amount().to_le_bytes());
        Bytes::from(out)
    }
}

/// The colour themes, in the order [`LessonSkeleton::theme_options`] keeps them.
pub const THEMES: [&str; 3] = ["auto", "light", "dark"];

/// A lesson page rendered once with holes, and the learner parts that take few enough values
/// to be rendered for each in advance (`web::lesson_page` builds it).
#[derive(Debug)]
pub struct LessonSkeleton {
    pub skeleton: Skeleton,
    /// The theme switcher's options with each of [`THEMES`] selected.
    pub theme_options: [String; 3],
    /// The classroom bar for a student and for the instructor.
    pub classroom: [String; 2],
    /// The quiz before any answer.
    pub quiz_unanswered: String,
}

/// One learner's parts of a lesson page.
#[derive(Debug)]
pub struct Parts<'a> {
    /// One of [`THEMES`].
    pub theme: &'a str,
    pub instructor: bool,
    /// The quiz with their answers; `None` for the unanswered quiz.
    pub quiz: Option<&'a str>,
    pub panel: &'a str,
}

impl LessonSkeleton {
    pub fn holes(&self) -> &[Hole] {
        self.skeleton.holes()
    }

    /// The page with `parts` in its holes, gzipped when `gzip`.
    pub fn fill(&self, parts: &Parts, gzip: bool) -> Bytes {
        let theme = THEMES.iter().position(|t| *t == parts.theme).unwrap_or(0);
        let text = |hole: Hole| -> &str {
            match hole {
                Hole::Theme => THEMES[theme],
                Hole::ThemeOptions => &self.theme_options[theme],
                Hole::Classroom => &self.classroom[usize::from(parts.instructor)],
                Hole::Quiz => parts.quiz.unwrap_or(&self.quiz_unanswered),
                Hole::Panel => parts.panel,
            }
        };
        if gzip {
            self.skeleton.fill_gzip(text)
        } else {
            self.skeleton.fill(text)
        }
    }
}

/// A gzip header: deflate, no name, no time, unknown OS.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];

/// Raw deflate of `data` at level 6, ended with a sync flush: no final block, and the next
/// block starts on a byte boundary, so pieces can be concatenated.
fn deflate_aligned(data: &[u8]) -> Vec<u8> {
    let mut z = Compress::new(Compression::new(6), false);
    // More room than deflate's worst case, so one call consumes and flushes everything.
    let mut out = Vec::with_capacity(data.len() + data.len() / 100 + 1024);
    let complete = z.compress_vec(data, &mut out, FlushCompress::Sync).is_ok()
        && usize::try_from(z.total_in()).ok() == Some(data.len())
        && out.len() < out.capacity();
    if !complete {
        // Stored blocks are always a valid piece.
        out.clear();
        stored_blocks(data, &mut out);
    }
    out
}

/// `data` as non-final stored deflate blocks (at most 65,535 bytes each), byte-aligned.
fn stored_blocks(data: &[u8], out: &mut Vec<u8>) {
    for chunk in data.chunks(0xffff) {
        let len = u16::try_from(chunk.len()).unwrap_or(u16::MAX);
        out.push(0x00);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> String {
        let mut out = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut out)
            .expect("a valid gzip member");
        out
    }

    #[test]
    fn a_filled_skeleton_is_the_page_with_its_holes_filled_plain_and_gzipped() {
        let fixed = "<p>fixed text, long enough to be worth compressing. </p>".repeat(50);
        let html = format!(
            "<html data-theme=\"{}\">{fixed}{}<footer>{fixed}</footer>{}",
            Hole::Theme.marker(),
            Hole::Panel.marker(),
            Hole::Quiz.marker()
        );
        let skeleton = Skeleton::split(&html).unwrap();
        assert_eq!(skeleton.holes(), [Hole::Theme, Hole::Panel, Hole::Quiz]);
        let big = "x".repeat(70_000);
        let fill = |h: Hole| match h {
            Hole::Theme => "dark",
            Hole::Panel => "<div>&lt;learner&gt;</div>",
            _ => big.as_str(),
        };
        let expected = format!(
            "<html data-theme=\"dark\">{fixed}<div>&lt;learner&gt;</div><footer>{fixed}</footer>{big}"
        );
        assert_eq!(skeleton.fill(fill), expected.as_bytes());
        let gz = skeleton.fill_gzip(fill);
        assert_eq!(gunzip(&gz), expected);
        // The learner's 70 kB are stored as they are; the 5.6 kB of fixed text shrink.
        assert!(
            gz.len() < big.len() + 1024,
            "the fixed text is compressed: {} bytes",
            gz.len()
        );
    }

    #[test]
    fn a_page_without_holes_is_one_piece_and_an_empty_fill_is_valid_gzip() {
        let skeleton = Skeleton::split("").unwrap();
        assert!(skeleton.holes().is_empty());
        assert_eq!(gunzip(&skeleton.fill_gzip(|_| "")), "");
        assert!(Skeleton::split("a\0hole:nope\0b").is_err());
        assert!(Skeleton::split("a\0hole:panel").is_err());
    }
}
