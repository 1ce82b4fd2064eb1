//! `TestApp`: the site as a test wants it — a key, a content source, a store, classroom
//! mode, live reload — built through the same `AppState::build_full` the binary uses.

use cookie_course::AppState;
use cookie_course::classroom::Classroom;
use cookie_course::session::clock::Clock;
use cookie_course::site::source::Source;
use cookie_course::state::Extras;
use cookie_course::store::Store;

pub struct TestApp {
    key: Vec<u8>,
    source: Source,
    store: Option<Store>,
    extras: Extras,
    clock: Clock,
}

impl TestApp {
    /// The built-in content, signing with `key`, an embedded store on the state's clock.
    pub fn new(key: impl AsRef<[u8]>) -> Self {
        TestApp {
            key: key.as_ref().to_vec(),
            source: Source::Embedded,
            store: None,
            extras: Extras::default(),
            clock: Clock::default(),
        }
    }

    /// Every request sees `unix` (until the test advances the clock): byte-stable answers.
    pub fn frozen_at(mut self, unix: f64) -> Self {
        self.clock = Clock::frozen(unix);
        self
    }

    /// Content from `source` (a `Tree` in a temporary folder, say).
    pub fn source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    pub fn store(mut self, store: Store) -> Self {
        self.store = Some(store);
        self
    }

    /// Classroom mode, the instructor proving themselves with `token`.
    pub fn classroom(mut self, token: &str) -> Self {
        self.extras.classroom = Some(Classroom::new(token));
        self
    }

    pub fn live_reload(mut self) -> Self {
        self.extras.live_reload = true;
        self
    }

    pub fn limits(mut self, limits: cookie_course::web::limits::Limits) -> Self {
        self.extras.limits = limits;
        self
    }

    pub fn state(mut self) -> AppState {
        let clock = self.clock.clone();
        let store = self.store.take().unwrap_or_else(|| Store::embedded(&clock));
        self.extras.clock = clock;
        AppState::build_full(&self.key, &self.source, store, self.extras)
            .expect("the test site loads")
    }

    /// The state and its router.
    pub fn build(self) -> (AppState, axum::Router) {
        let state = self.state();
        (state.clone(), cookie_course::app(state))
    }
}
