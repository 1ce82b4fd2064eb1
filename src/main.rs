use clap::Parser;
use cookie_course::config::{Command, Config};
use cookie_course::{AppState, app};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    let state = AppState::load(&config)?;
    if let Some(Command::Check) = config.command {
        return check(&state);
    }
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await?;
    let addr = listener.local_addr()?;
    println!("Serving on http://{addr}");
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}

/// `cargo run -- check`: start-up already validated front matter, locales and directives;
/// report what loads but still needs an author's attention, and fail if there is any.
fn check(state: &AppState) -> anyhow::Result<()> {
    let library = &state.site.library;
    let mut problems = 0;
    for (path, lang) in library.unknown_fences() {
        println!("{path}: code fence language {lang:?} is unknown to the highlighter");
        problems += 1;
    }
    for (path, recorded, current) in library.stale() {
        println!(
            "{path}: translated from English {recorded}, but the English text is now {current}"
        );
        problems += 1;
    }
    for lang in cookie_course::i18n::Lang::ALL {
        for page in library.lessons(lang) {
            if page.text_lang != lang {
                println!(
                    "content/{lang}/{}.md: not translated yet (English is shown)",
                    page.slug
                );
                problems += 1;
            }
            if page.quiz.is_none() {
                println!(
                    "content/{lang}/{}.quiz.toml: the lesson has no quiz",
                    page.slug
                );
                problems += 1;
            }
        }
    }
    let lessons = library.lessons(cookie_course::i18n::Lang::En).len();
    if problems > 0 {
        anyhow::bail!("{problems} problem(s) in the content");
    }
    println!(
        "check: {lessons} lessons in 4 languages, every locale complete, every fence known, every translation and quiz present and current"
    );
    Ok(())
}
