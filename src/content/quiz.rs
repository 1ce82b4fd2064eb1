//! "Check your understanding": multiple-choice questions in `content/<lang>/<slug>.quiz.toml`,
//! graded by the server. Question and choice ids are shared by every language, so an answer
//! given in Bengali is graded against the same key as one given in English.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    pub question: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub choice: Vec<Choice>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Why this choice is right, or exactly why it is wrong.
    pub explain: String,
}

impl Quiz {
    /// Parse and check the shape: 2–4 questions, 2–5 choices each, exactly one correct,
    /// unique ids, nothing empty.
    pub fn parse(text: &str) -> Result<Quiz, String> {
        let quiz: Quiz = toml::from_str(text).map_err(|e| e.to_string())?;
        if !(2..=4).contains(&quiz.question.len()) {
            return Err(format!(
                "{} questions; a lesson has 2 to 4",
                quiz.question.len()
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for q in &quiz.question {
            if !ids.insert(&q.id) {
                return Err(format!("question id {:?} is used twice", q.id));
            }
            if q.prompt.trim().is_empty() {
                return Err(format!("question {:?} has an empty prompt", q.id));
            }
            if !(2..=5).contains(&q.choice.len()) {
                return Err(format!(
                    "question {:?} has {} choices; 2 to 5 expected",
                    q.id,
                    q.choice.len()
                ));
            }
            if q.choice.iter().filter(|c| c.correct).count() != 1 {
                return Err(format!(
                    "question {:?} must have exactly one correct choice",
                    q.id
                ));
            }
            let mut choice_ids = std::collections::BTreeSet::new();
            for c in &q.choice {
                if !choice_ids.insert(&c.id)
                    || c.text.trim().is_empty()
                    || c.explain.trim().is_empty()
                {
                    return Err(format!(
                        "question {:?}: choice {:?} is repeated or has no text or explanation",
                        q.id, c.id
                    ));
                }
            }
        }
        Ok(quiz)
    }

    /// The answer key: (question id, correct choice id), in order.
    pub fn key(&self) -> Vec<(&str, &str)> {
        self.question
            .iter()
            .map(|q| {
                (
                    q.id.as_str(),
                    q.choice
                        .iter()
                        .find(|c| c.correct)
                        .map_or("", |c| c.id.as_str()),
                )
            })
            .collect()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question.iter().find(|q| q.id == id)
    }

    /// Whether `answers` (question id → choice id) gets every question right.
    pub fn all_correct<'a>(&self, answer: impl Fn(&str) -> Option<&'a str>) -> bool {
        self.key()
            .into_iter()
            .all(|(q, right)| answer(q) == Some(right))
    }
}

impl Question {
    /// Display order: stable, but not the file's order, so the right answer is not always
    /// first (the files keep it first so translations stay in step).
    pub fn shuffled(&self) -> Vec<&Choice> {
        let mut choices: Vec<&Choice> = self.choice.iter().collect();
        choices.sort_by_key(|c| fnv(&format!("{}/{}", self.id, c.id)));
        choices
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "[[question]]\nid = \"q1\"\nprompt = \"P\"\n[[question.choice]]\nid = \"a\"\ntext = \"A\"\ncorrect = true\nexplain = \"yes\"\n[[question.choice]]\nid = \"b\"\ntext = \"B\"\nexplain = \"no\"\n";

    #[test]
    fn quizzes_need_two_questions_and_one_right_answer_each() {
        let two = format!("{OK}{}", OK.replace("q1", "q2"));
        let quiz = Quiz::parse(&two).unwrap();
        assert_eq!(quiz.key(), [("q1", "a"), ("q2", "a")]);
        assert!(Quiz::parse(OK).unwrap_err().contains("1 questions"));
        assert!(
            Quiz::parse(&two.replace("correct = true\n", ""))
                .unwrap_err()
                .contains("exactly one correct")
        );
        assert!(Quiz::parse(&format!("{two}\nhint = 1\n")).is_err());
        assert!(quiz.all_correct(|_| Some("a")));
        assert!(!quiz.all_correct(|q| (q == "q1").then_some("a")));
    }
}
