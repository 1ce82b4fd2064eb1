use clap::Parser;
use cookie_course::AppState;
use cookie_course::config::{Command, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    let state = AppState::load(&config).await?;
    if let Some(Command::Check) = config.command {
        return check(&state);
    }
    let _watching = match (&config.content, config.watch) {
        (Some(dir), true) => Some(cookie_course::site::watch::spawn(
            cookie_course::site::source::Source::Dir(dir.clone()),
            state.site_cell.clone(),
        )?),
        _ => None,
    };
    let listener = tokio::net::TcpListener::bind((config.bind_host(), config.port)).await?;
    // Pages first: the search index and the lessons' skeletons are built while it serves.
    state.site_cell.index_in_background();
    cookie_course::web::lesson_page::keep_prerendered(state.clone());
    let addr = listener.local_addr()?;
    println!("Serving on http://{addr}");
    if let Some(room) = &state.classroom {
        announce_classroom(room, addr);
    }
    cookie_course::web::server::serve(listener, state, shutdown()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Print what the room needs: the address students open (and its QR code, for phones) and
/// the instructor's link with its token.
fn announce_classroom(room: &cookie_course::classroom::Classroom, addr: std::net::SocketAddr) {
    let host = if addr.ip().is_unspecified() {
        cookie_course::classroom::lan_address().unwrap_or(addr.ip())
    } else {
        addr.ip()
    };
    let base = match host {
        std::net::IpAddr::V6(v6) => format!("http://[{v6}]:{}", addr.port()),
        std::net::IpAddr::V4(v4) => format!("http://{v4}:{}", addr.port()),
    };
    let join = format!("{base}/join");
    room.set_join_url(join.clone());
    println!();
    println!("Classroom: students open {join}");
    if let Some(qr) = cookie_course::classroom::qr_terminal(&join) {
        println!("{qr}");
    }
    println!(
        "Instructor (keep this link to yourself): {base}/classroom/instructor?token={}",
        room.token()
    );
    println!();
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
    let library = &state.site().library;
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
