//! The `:::` lines of a lesson, found before markdown parsing.

/// One piece of a lesson source: markdown, or a directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive<'a> {
    Markdown(String),
    Sandbox,
    Example(&'a str),
    Diagram(&'a str),
    /// A callout: its kind and its inner markdown.
    Callout {
        kind: &'a str,
        body: String,
    },
    /// Speaker notes for the section they are written in: markdown only the instructor sees.
    Notes(String),
    /// A graded exercise (`content/exercises/ID/`) with its task, in the page's language.
    Exercise {
        id: &'a str,
        body: String,
    },
}

pub const CALLOUTS: [&str; 3] = ["note", "warning", "misconception"];

/// `:::notes` opens like a callout but never reaches the learner's page.
pub const NOTES: &str = "notes";

/// `:::exercise ID` opens like a callout; its body is the task.
pub const EXERCISE: &str = "exercise";

/// An open block: its kind, its argument (an exercise's id), its body and its first line.
type Open<'a> = Option<(&'a str, Option<&'a str>, String, usize)>;

/// Split `src` at directive lines. Errors carry the 1-based line number.
pub fn split_directives(src: &str) -> Result<Vec<Directive<'_>>, (usize, String)> {
    let mut out = Vec::new();
    let mut md = String::new();
    let mut callout: Open<'_> = None;
    let mut in_fence: Option<&str> = None;
    for (i, line) in src.lines().enumerate() {
        let trimmed = line.trim();
        // Directives inside code fences are code.
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence)
                && trimmed
                    .trim_start_matches(fence.chars().next().unwrap_or('`'))
                    .is_empty()
            {
                in_fence = None;
            }
            push_line(&mut callout, &mut md, line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(&trimmed[..3]);
            push_line(&mut callout, &mut md, line);
            continue;
        }
        let Some(rest) = trimmed.strip_prefix(":::") else {
            push_line(&mut callout, &mut md, line);
            continue;
        };
        let mut words = rest.split_whitespace();
        let name = words.next().unwrap_or("");
        let arg = words.next();
        let lineno = i + 1;
        if name.is_empty() {
            let Some((kind, arg, body, _)) = callout.take() else {
                return Err((lineno, "':::' closes nothing".into()));
            };
            out.push(match (kind, arg) {
                (NOTES, _) => Directive::Notes(body),
                (EXERCISE, Some(id)) => Directive::Exercise { id, body },
                _ => Directive::Callout { kind, body },
            });
            continue;
        }
        if callout.is_some() {
            return Err((
                lineno,
                format!("':::{name}' inside a callout (close it with ':::' first)"),
            ));
        }
        if !md.trim().is_empty() {
            out.push(Directive::Markdown(std::mem::take(&mut md)));
        }
        md.clear();
        match (name, arg) {
            ("sandbox", None) => out.push(Directive::Sandbox),
            ("example", Some(path)) => out.push(Directive::Example(path)),
            ("diagram", Some(d)) => out.push(Directive::Diagram(d)),
            (kind, None) if CALLOUTS.contains(&kind) => {
                let kind = CALLOUTS
                    .iter()
                    .find(|k| **k == kind)
                    .copied()
                    .unwrap_or("note");
                callout = Some((kind, None, String::new(), lineno));
            }
            (NOTES, None) => callout = Some((NOTES, None, String::new(), lineno)),
            (EXERCISE, Some(id)) => callout = Some((EXERCISE, Some(id), String::new(), lineno)),
            _ => return Err((lineno, format!("unknown directive ':::{}'", rest.trim()))),
        }
    }
    if let Some((kind, _, _, line)) = callout {
        return Err((line, format!("':::{kind}' is never closed with ':::'")));
    }
    if !md.trim().is_empty() {
        out.push(Directive::Markdown(md));
    }
    Ok(out)
}

fn push_line(callout: &mut Open<'_>, md: &mut String, line: &str) {
    let target = match callout {
        Some((_, _, body, _)) => body,
        None => md,
    };
    target.push_str(line);
    target.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_split_the_source_and_fences_are_left_alone() {
        let src = "Intro\n\n:::note\nInside **bold**\n:::\n\n```text\n:::sandbox\n```\n\n:::sandbox\n\n:::example cookies/app.py\n";
        let parts = split_directives(src).unwrap();
        assert_eq!(parts[0], Directive::Markdown("Intro\n\n".into()));
        assert_eq!(
            parts[1],
            Directive::Callout {
                kind: "note",
                body: "Inside **bold**\n".into()
            }
        );
        assert!(matches!(&parts[2], Directive::Markdown(m) if m.contains(":::sandbox")));
        assert_eq!(parts[3], Directive::Sandbox);
        assert_eq!(parts[4], Directive::Example("cookies/app.py"));
    }

    #[test]
    fn notes_are_their_own_directive() {
        let parts = split_directives("## A\n\n:::notes\n- say *this*\n:::\n").unwrap();
        assert_eq!(parts[1], Directive::Notes("- say *this*\n".into()));
        assert_eq!(split_directives(":::notes\n:::note\n").unwrap_err().0, 2);
    }

    #[test]
    fn an_exercise_carries_its_id_and_its_task() {
        let parts = split_directives(":::exercise cookies-theme\nFix *it*.\n:::\n").unwrap();
        assert_eq!(
            parts[0],
            Directive::Exercise {
                id: "cookies-theme",
                body: "Fix *it*.\n".into()
            }
        );
        assert_eq!(split_directives(":::exercise a\n").unwrap_err().0, 1);
    }

    #[test]
    fn bad_directives_name_their_line() {
        assert_eq!(split_directives("a\n:::nonsense\n").unwrap_err().0, 2);
        assert_eq!(split_directives(":::warning\nx\n").unwrap_err().0, 1);
        assert_eq!(split_directives("x\n:::\n").unwrap_err().0, 2);
    }
}
