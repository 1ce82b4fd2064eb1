//! A lesson page for a learner who holds cookies: the whole-template render (the reference),
//! and the fast path that fills the lesson's pre-rendered skeleton with the learner's parts.
//!
//! Only four parts of a lesson page depend on the learner: the theme, the classroom bar, the
//! quiz and the sandbox's panel. Each is a template of its own that `lesson.html` includes,
//! so the fast path renders exactly those templates with exactly those values; the
//! equivalence test holds the two paths to the same bytes.

use crate::content::Page;
use crate::i18n::Lang;
use crate::site::Site;
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::login_demos::LoginDemosView;
use crate::web::progress::Progress;
use crate::web::skeleton::{Hole, LessonSkeleton, Parts, Skeleton, THEMES};
use crate::web::state::AppState;
use crate::web::view::{SandboxView, is_instructor, sandbox_view, shared_base_view, view_context};
use axum::body::Bytes;
use serde::Serialize;
use serde_json::json;

/// A lesson page (`templates/lesson.html`): what every learner sees, beside the base view.
#[derive(Debug, Serialize)]
struct LessonView<'a> {
    page: &'a Page,
    lessons: &'a [crate::content::Summary],
    /// 1-based position in the course, and the course's length.
    position: usize,
    total: usize,
    prev: Option<&'a crate::content::Summary>,
    next: Option<&'a crate::content::Summary>,
    runs_code: bool,
}

/// The learner's parts of a lesson page, as their templates see them.
#[derive(Debug)]
pub struct Learner {
    /// `light`, `dark` or `auto`.
    theme: &'static str,
    instructor: bool,
    /// The sandbox panel as the server renders it.
    sb: Option<SandboxView>,
    /// The remember-me and replay demos' state, beside the panel.
    demos: LoginDemosView,
    /// The quiz with this learner's answers; `None` when they answered nothing here.
    quiz: Option<serde_json::Value>,
    completed: bool,
}

impl Learner {
    /// What this request's cookies say; `sent` is a redirect's action headers.
    pub fn read(
        state: &AppState,
        site: &Site,
        exchange: &Exchange,
        lang: Lang,
        page: &Page,
        sent: Option<Vec<String>>,
        progress: &Progress,
    ) -> Learner {
        let answers = progress.answers.get(&page.slug).filter(|a| !a.is_empty());
        Learner {
            theme: crate::web::view::theme(exchange),
            instructor: is_instructor(state, exchange),
            sb: sandbox_view(state, exchange, lang, sent),
            demos: crate::web::login_demos::view(state, exchange, &page.sandbox),
            quiz: answers.map(|a| quiz_view(page, Some(a))),
            completed: progress.completed(&site.library, &page.slug),
        }
    }
}

/// Everything on the page that is the same for every learner.
fn shared_context(
    state: &AppState,
    site: &Site,
    lang: Lang,
    page: &Page,
    path: &str,
) -> tera::Context {
    let slug = page.slug.as_str();
    let lessons = site.library.lessons(lang);
    let index = lessons.iter().position(|p| p.slug == slug).unwrap_or(0);
    let mut ctx = view_context(&shared_base_view(state, lang, path, |l| {
        format!("/{l}/lessons/{slug}")
    }));
    if page.text_lang != lang {
        // The English text is the original; point search engines at it.
        ctx.insert("canonical", &format!("/en/lessons/{slug}"));
    }
    let summaries = site.library.summaries(lang);
    ctx.extend(view_context(&LessonView {
        page,
        lessons: summaries,
        position: index + 1,
        total: lessons.len(),
        prev: index.checked_sub(1).and_then(|i| summaries.get(i)),
        next: summaries.get(index + 1),
        runs_code: page.runnable,
    }));
    ctx
}

/// The whole page, every template run for this learner: the reference the fast path matches.
pub fn render_full(
    state: &AppState,
    site: &Site,
    lang: Lang,
    page: &Page,
    path: &str,
    learner: &Learner,
) -> Result<String, AppError> {
    let mut ctx = shared_context(state, site, lang, page, path);
    ctx.insert("theme", learner.theme);
    ctx.insert("instructor", &learner.instructor);
    ctx.insert("sb", &learner.sb);
    ctx.insert("demos", &learner.demos);
    ctx.insert(
        "quiz",
        &learner
            .quiz
            .clone()
            .unwrap_or_else(|| quiz_view(page, None)),
    );
    ctx.insert("completed", &learner.completed);
    render(site, "lesson.html", &ctx)
}

/// Render a lesson once with holes, and its learner parts with few values for each value.
pub fn build_skeleton(
    state: &AppState,
    site: &Site,
    lang: Lang,
    page: &Page,
    path: &str,
) -> Result<LessonSkeleton, AppError> {
    let mut ctx = shared_context(state, site, lang, page, path);
    ctx.insert("holes", &crate::web::skeleton::markers());
    ctx.insert("quiz", &quiz_view(page, None));
    let skeleton = Skeleton::split(&render(site, "lesson.html", &ctx)?)
        .map_err(|e| AppError::Internal(e.context("splitting lesson.html")))?;
    let themes = THEMES.map(|theme| {
        render_view(
            site,
            "theme_options.html",
            &json!({"lang": lang, "theme": theme}),
        )
    });
    let [auto, light, dark] = themes;
    let classroom = [false, true].map(|instructor| {
        render_view(
            site,
            "classroom_bar.html",
            &json!({"lang": lang, "instructor": instructor}),
        )
    });
    let [student, instructor] = classroom;
    Ok(LessonSkeleton {
        skeleton,
        theme_options: [auto?, light?, dark?],
        classroom: [student?, instructor?],
        quiz_unanswered: match page.quiz {
            Some(_) => quiz_fragment(site, lang, page, &quiz_view(page, None), false)?,
            None => String::new(),
        },
    })
}

/// `learner`'s page from the lesson's skeleton, gzipped when `gzip`: only the panel, and the
/// quiz if they answered it, are rendered now.
pub fn fill(
    skeleton: &LessonSkeleton,
    site: &Site,
    lang: Lang,
    page: &Page,
    learner: &Learner,
    gzip: bool,
) -> Result<Bytes, AppError> {
    let holes = skeleton.holes();
    let panel = if holes.contains(&Hole::Panel) {
        render_view(
            site,
            &crate::site::localized_name("sandbox_panel.html", lang),
            &PanelView {
                lang,
                page: PanelPage {
                    sandbox: &page.sandbox,
                },
                sb: &learner.sb,
                demos: &learner.demos,
            },
        )?
    } else {
        String::new()
    };
    let quiz = match (&learner.quiz, holes.contains(&Hole::Quiz)) {
        (Some(quiz), true) => Some(quiz_fragment(site, lang, page, quiz, learner.completed)?),
        _ => None,
    };
    Ok(skeleton.fill(
        &Parts {
            theme: learner.theme,
            instructor: learner.instructor,
            quiz: quiz.as_deref(),
            panel: &panel,
        },
        gzip,
    ))
}

/// `sandbox_panel.html`'s values.
#[derive(Serialize)]
struct PanelView<'a> {
    lang: Lang,
    page: PanelPage<'a>,
    sb: &'a Option<SandboxView>,
    demos: &'a LoginDemosView,
}

#[derive(Serialize)]
struct PanelPage<'a> {
    sandbox: &'a [crate::content::SandboxAction],
}

fn quiz_fragment(
    site: &Site,
    lang: Lang,
    page: &Page,
    quiz: &serde_json::Value,
    completed: bool,
) -> Result<String, AppError> {
    render_view(
        site,
        &crate::site::localized_name("quiz.html", lang),
        &json!({"lang": lang, "page": {"slug": page.slug}, "quiz": quiz, "completed": completed}),
    )
}

fn render_view(site: &Site, template: &str, view: &impl Serialize) -> Result<String, AppError> {
    render(site, template, &view_context(view))
}

fn render(site: &Site, template: &str, ctx: &tera::Context) -> Result<String, AppError> {
    // The request's own site, not `view::render`'s current one: a skeleton is stored under
    // the version this site was read with, so both must come from the same site.
    site.tera
        .render(template, ctx)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {template}: {e:?}")))
}

/// The quiz as the template shows it: choices in display order, and once answered, which
/// choice was picked, whether it was right, and the explanations.
fn quiz_view(
    page: &Page,
    answers: Option<&std::collections::BTreeMap<String, String>>,
) -> serde_json::Value {
    let Some(quiz) = &page.quiz else {
        return serde_json::Value::Null;
    };
    let mut right = 0;
    let questions: Vec<_> = quiz
        .question
        .iter()
        .map(|q| {
            let chosen = answers.and_then(|a| a.get(&q.id));
            let correct = q.choice.iter().find(|c| c.correct).map(|c| c.id.clone());
            if chosen.is_some() && chosen == correct.as_ref() {
                right += 1;
            }
            let choices: Vec<_> = q
                .shuffled()
                .into_iter()
                .map(|c| json!({"id": c.id, "text": c.text, "explain": c.explain, "correct": c.correct, "chosen": chosen == Some(&c.id)}))
                .collect();
            json!({"id": q.id, "prompt": q.prompt, "choices": choices, "answered": chosen.is_some(), "right": chosen.is_some() && chosen == correct.as_ref()})
        })
        .collect();
    json!({"questions": questions, "answered": answers.is_some_and(|a| !a.is_empty()), "right": right, "total": quiz.question.len()})
}

/// Build every lesson's skeleton for the site being served, so that no learner waits for
/// one; run at start-up and after every `--watch` reload.
pub fn prerender(state: &AppState) -> Result<usize, AppError> {
    let version = state.site_cell.version();
    let site = state.site();
    let mut built = 0;
    for lang in Lang::ALL {
        for page in site.library.lessons(lang) {
            let path = format!("/{lang}/lessons/{}", page.slug);
            state.skeletons.get_or_build(version, &path, || {
                build_skeleton(state, &site, lang, page, &path)
            })?;
            built += 1;
        }
    }
    Ok(built)
}

/// Keep the skeletons current: build them now, off the request threads, and again after
/// each reload of the site.
pub fn keep_prerendered(state: AppState) {
    tokio::spawn(async move {
        let mut versions = state.site_cell.watch_version();
        loop {
            let s = state.clone();
            match tokio::task::spawn_blocking(move || prerender(&s)).await {
                Ok(Ok(n)) => tracing::debug!(pages = n, "lesson skeletons ready"),
                Ok(Err(e)) => tracing::warn!(error = ?e, "a lesson skeleton did not render"),
                Err(e) => tracing::warn!(error = %e, "prerendering stopped"),
            }
            if versions.changed().await.is_err() {
                break;
            }
        }
    });
}
