## Site chrome

site-title = Cookies & Flask sessions
site-tagline = An interactive course on how websites remember you
skip-to-content = Skip to the lesson
nav-course = Course
nav-lessons = Lessons
nav-decoder = Cookie decoder
footer-note = Everything on this site works offline: no fonts, scripts or trackers from anywhere else.
footer-session = This site keeps your language in a real Flask session cookie — the same kind the lessons take apart.

## Language and theme switchers

lang-switcher-label = Language
lang-switch-button = Switch language
# Language names are written in their own language everywhere (autonyms).
lang-en = English
lang-ru = Русский
lang-uk = Українська
lang-bn = বাংলা
theme-label = Colour theme
theme-auto = Follow the system
theme-light = Light
theme-dark = Dark
theme-apply = Apply

## Course home

home-heading = How websites remember you
home-intro = HTTP forgets every visitor between two requests. Cookies and sessions are how a Flask app remembers who you are, what is in your cart and which language you read. Each lesson lets you set real cookies in this browser and watch your own session cookie being taken apart.
home-lessons-heading = The lessons
# $count: number of lessons in the course
lessons-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
home-start = Start with the first lesson
home-translated = { $translated } of { $total } lessons are written in this language; the rest are shown in English for now.

## Lesson page

# $number: this lesson's position, $total: number of lessons
lesson-position = Lesson { $number } of { $total }
# $minutes: estimated reading time
reading-time = { $minutes ->
    [one] { $minutes } minute read
   *[other] { $minutes } minutes read
}
lesson-prev = Previous lesson
lesson-next = Next lesson
lesson-contents = All lessons
lesson-keyboard-hint = Tip: the ← and → keys move between lessons.
notice-untranslated = This lesson has not been translated into English yet, so you are reading the English original.
notice-stale = The English original of this lesson has changed since this translation was written, so some details may be out of date.
notice-stale-link = Read the English original
callout-note = Note
callout-warning = Warning
callout-misconception = Common misconception
example-caption = Complete example: { $path }
example-run = Save it as app.py and run it with:
heading-anchor = Link to this section

## Diagram: the cookie exchange

diagram-exchange-title = How a cookie travels between the browser and the server
diagram-browser = Browser
diagram-server = Flask server
diagram-first-request = 1. First request: no cookie yet
diagram-response = 2. Response: Set-Cookie asks the browser to keep it
diagram-next-request = 3. Every later request sends it back in Cookie
diagram-stored = The browser stores the cookie

## Sandbox (the live widget embedded in lessons)

sandbox-heading = Try it: your real cookies
sandbox-intro = These buttons make this site do exactly what a Flask view would do. The cookies land in this browser for real.
sandbox-received = The Cookie header your browser sent with this page
sandbox-no-cookies = Your browser sent no cookies with this request.
sandbox-js-sees = What JavaScript sees (document.cookie)
sandbox-js-off = Turn on JavaScript to compare: HttpOnly cookies are missing from document.cookie.
sandbox-js-empty = document.cookie is empty: JavaScript sees no cookies at all.
sandbox-cookie-name = Name
sandbox-cookie-value = Value
sandbox-set-cookie = Set the cookie
sandbox-delete-cookie = Delete the cookie
sandbox-read-cookies = Read the cookies again
sandbox-attr-max-age = Max-Age (seconds)
sandbox-attr-expires = Expires
sandbox-attr-path = Path
sandbox-attr-domain = Domain
sandbox-attr-secure = Secure (HTTPS only)
sandbox-attr-httponly = HttpOnly (hidden from JavaScript)
sandbox-attr-samesite = SameSite
sandbox-samesite-unset = not set
sandbox-session-heading = Your session cookie, decoded
sandbox-session-none = You have no session cookie yet.
sandbox-session-valid = The signature is valid: this server made this cookie and nobody changed it.
sandbox-session-invalid = This cookie is not valid, so Flask would start an empty session. Why: { $reason }
sandbox-part-payload = payload
sandbox-part-timestamp = timestamp
sandbox-part-signature = signature
sandbox-signed-at = Signed at
sandbox-signed-not-encrypted = Signed, not encrypted: anyone holding this cookie can read the payload. Only changing it is impossible without the secret key.

## Error pages

not-found-title = Page not found
not-found-body = There is no page at this address. The lesson may have moved, or the link has a typo.
not-found-home = Back to the course

## Why a session cookie was not accepted (shown in the state panel)

reason-no-key = no secret key was given, so the signature could not be checked (the payload is readable anyway).
reason-no-separator = the value has no dot, so it is not a signed Flask value at all.
reason-signature-mismatch = the signature does not match: the cookie was changed, or it was signed with a different secret key.
reason-timestamp-missing = the signature is fine but the timestamp part is missing.
reason-timestamp-malformed = the timestamp part cannot be decoded.
# $age and $max are seconds
reason-too-old = it was signed { $age } seconds ago, longer than the allowed { $max } seconds (PERMANENT_SESSION_LIFETIME).
reason-from-the-future = its timestamp lies { $ahead } seconds in the future.
reason-timestamp-out-of-range = the signature is valid but the timestamp is after the year 9999; real Flask would crash with an HTTP 500 here.
reason-payload-base64 = the signature is valid but the payload is not base64; real Flask would crash with an HTTP 500 here.
reason-payload-zlib = the payload is marked as compressed but is not zlib data; real Flask would crash with an HTTP 500 here.
reason-payload-utf8 = the payload is not UTF-8 text; real Flask would crash with an HTTP 500 here.
reason-payload-json = the payload is not valid JSON; real Flask would crash with an HTTP 500 here.
reason-payload-tag = a tagged value in the payload cannot be converted back; real Flask would crash with an HTTP 500 here.
reason-not-a-dict = the payload is not a dictionary; real Flask would crash with an HTTP 500 here.

## Flash messages of the demo login (stored in the session until shown)

flash-logged-in = Logged in as { $user }.
flash-login-failed = Wrong username or password.
flash-logged-out = You have been logged out.

## Sandbox controls and panel

sandbox-session-key = Key
sandbox-session-value = Value
sandbox-permanent-label = Lifetime in seconds (30 or more)
sandbox-cart-item = Item
sandbox-cart-add-buggy = Add in place (no session.modified)
sandbox-cart-add-fixed = Add and set session.modified = True
sandbox-login-username = Username
sandbox-login-password = Password
sandbox-login-hint = Demo account: student, password cookies.
sandbox-login = Log in
sandbox-logout = Log out
sandbox-show-flashes = Show the messages (get_flashed_messages)
sandbox-flashed = Messages shown (now gone from the session):
sandbox-no-flashes = There were no messages to show.
sandbox-grow = Grow the session by 256 random characters
# $size and $limit are bytes
sandbox-size = Cookie size: { $size } of { $limit } bytes
sandbox-decoder-link = Open the cookie decoder
sandbox-sent-heading = Set-Cookie headers the last action sent
sandbox-sent-none = This response sent no Set-Cookie header.
sandbox-permanent-yes = Permanent: the cookie carries Expires and survives a browser restart.
sandbox-permanent-no = Not permanent: no Expires, so the browser forgets it when it closes.
sandbox-expires-at = Flask stops accepting it at
sandbox-expired-now = Expired: the server now rejects this cookie.
sandbox-error-field = Please check this field: { $field }
sandbox-error-too-large = Refused: the session cookie would be { $size } bytes, more than the { $limit } bytes a browser keeps. Nothing was changed.
sandbox-copy = Copy the cookie
sandbox-copied = Copied!
sandbox-payload-heading = The payload as Python sees it

## The cookie decoder page

decoder-title = Session cookie decoder
decoder-intro = Paste any Flask session cookie. You can read it without any key, because Flask signs the session but does not encrypt it. Add the secret key to check the signature.
decoder-cookie = Cookie value
decoder-keys = Secret keys, one per line: the first is SECRET_KEY, the others are fallbacks
decoder-max-age = Maximum age in seconds (optional)
decoder-decode = Decode
decoder-tamper = Tamper: set "admin" to true
decoder-crack = Try common weak keys
decoder-tampered = The same cookie with its payload changed but the old signature:
# $key: the secret found; $tried: guesses made; $ms: milliseconds taken
decoder-crack-found = Weak key found: “{ $key }”, after { $tried } guesses in { $ms } ms. With it anyone can forge cookies this server will trust.
decoder-crack-none = None of { $tried } common keys signed this cookie ({ $ms } ms). That alone does not make a key strong: only a long random key is.
decoder-result = What the cookie says
decoder-no-key = No key given: the payload is readable anyway, but nothing is verified.
decoder-verified = The signature is valid under key number { $index } of the list.
decoder-use-mine = Use my own session cookie

## Check your understanding (quizzes) and course progress

quiz-heading = Check your understanding
quiz-intro = Pick one answer per question. The server grades them and remembers your answers in a signed cookie of their own.
quiz-submit = Check my answers
# $correct: right answers, $total: questions
quiz-score = { $correct } of { $total } answers are right.
quiz-right = Right.
quiz-wrong = Not quite.
quiz-correct-answer = The right answer:
quiz-completed = Lesson completed: every answer is right.
progress-heading = Your progress
# $done: completed lessons, $total: all lessons
progress-summary = { $total ->
    [one] { $done } of { $total } lesson completed
   *[other] { $done } of { $total } lessons completed
}
# $count: lessons opened at least once
progress-visited = { $count ->
    [one] { $count } lesson opened
   *[other] { $count } lessons opened
}
progress-continue = Continue where you left off:
progress-start = You have not started yet: begin with the first lesson.
progress-reset = Reset my progress
progress-note = Your progress lives in its own signed cookie, so clearing the sandbox session does not erase it.
lesson-done = completed
lesson-visited = opened

## More diagrams

diagram-anatomy-title = The three parts of a Flask session cookie
diagram-anatomy-payload = payload
diagram-anatomy-payload-note = your data: base64url JSON (zlib when shorter)
diagram-anatomy-timestamp = timestamp
diagram-anatomy-timestamp-note = when it was signed
diagram-anatomy-signature = signature
diagram-anatomy-signature-note = HMAC-SHA1 of the first two parts
diagram-anatomy-readable = Anyone can decode these two parts.
diagram-anatomy-protected = Only the secret key can make this one.
diagram-store-title = Where the session data lives
diagram-store-client = Flask's default session
diagram-store-server = Flask-Session (server-side)
diagram-store-cookie-data = The cookie carries all the data, signed.
diagram-store-cookie-id = The cookie carries only a random id.
diagram-store-store = Redis or a database
diagram-timeline-title = The life of a permanent session
diagram-timeline-signed = signed
diagram-timeline-refresh = request: re-sent
diagram-timeline-last = last request
diagram-timeline-expires = expires
diagram-timeline-browser-session = Not permanent: no Expires, the cookie is gone when the browser closes.
diagram-timeline-permanent = Permanent: Expires is a lifetime after the last request, and Flask rejects older signatures.

## Server-side sessions in the sandbox

sandbox-store-heading = Where your demo session lives
sandbox-store-to-server = Move it to the server (Flask-Session)
sandbox-store-to-cookie = Move it back into the cookie
sandbox-store-cookie-mode = In the cookie: your browser carries all the data, signed.
sandbox-store-server-mode = On the server: the cookie carries only a random id, and the data below stays in the store.
sandbox-store-key = Store key
# $ttl: seconds
sandbox-store-ttl = Expires from the store in { $ttl } s
sandbox-store-record = The stored record

## Classroom mode: the bar on every page, the presenter view and the notes window
classroom-invite = Your instructor is presenting this course.
classroom-follow = Follow the instructor
classroom-leave = Stop following
classroom-following = Following the instructor: this page moves with the projector.
classroom-waiting = Following the instructor: waiting for the presentation to start…
classroom-goto = Go to the instructor's lesson
classroom-present = Presenter view
classroom-forbidden-title = For the instructor only
classroom-forbidden-body = This page needs the instructor link that the server printed when it started in classroom mode.
present-title = Presenter view
present-join-heading = Join the class
present-join-body = Open this address on your phone or laptop, or scan the code. Each of you reads in your own language; press “Follow the instructor” to stay on the lesson shown here.
present-qr-label = QR code for { $url }
present-lessons = Lessons
present-section-position = Section { $number } of { $total }
present-prev = Back
present-next = Next
present-intro = Introduction
present-followers = { $count ->
    [0] Nobody is following yet
    [one] { $count } student is following
   *[other] { $count } students are following
}
present-notes-open = Speaker notes
present-join-link = Join slide
present-reset = Reset demo
present-reset-hint = Clears this browser's sandbox cookies, session and quiz answers before the next class.
present-reset-done = { $count ->
    [one] Demo reset: { $count } cookie cleared.
   *[other] Demo reset: { $count } cookies cleared.
}
present-exit = Leave presenter view
notes-title = Speaker notes
notes-following = This window follows the presenter: keep it on your own screen.
notes-none = No notes for this section.
live-error-heading = This edit does not load, so the last good version is shown. Fix it and the page reloads by itself.

## A server-side record the store no longer has, and refusals that keep the learner's data
sandbox-store-lost-expired = The store no longer has a record for this session id: its time to live ran out. Your next change starts a new, empty session with a new id.
sandbox-store-lost-evicted = The store no longer has a record for this session id: the server was full and let it go (records nobody came back for go first). Your next change starts a new, empty session with a new id.
sandbox-store-lost-unknown = The store has no record for this session id: it expired or was deleted, or the store restarted (the embedded store keeps records in memory only). Your next change starts a new, empty session with a new id.
error-store-title = The session store is not answering
error-store-body = This demo session lives in a store that did not answer just now. Nothing was changed and your session id is kept: reload the page in a few seconds.
error-rate-title = Too many new sessions
error-rate-body = Your address has created { $per_minute } new server-side sessions in the last minute, the limit. Nothing was changed: try again in { $retry } s.

## A refused form, explained to a browser (the field named, what was typed kept)
error-page-title = That did not go through
error-field = Check the field “{ $field }”:
error-kept = Nothing was changed. What you typed is below: correct it and send it again.
error-resend = Send again
error-back = Back to where you were

## Search
search-title = Search the course
search-label = Search the course
search-placeholder = Search: SameSite, signature…
search-button = Search
search-count = { $count ->
    [0] No section matches.
    [one] One section matches.
   *[other] { $count } sections match.
}
search-none = Try another word, or a shorter one: a word finds its other forms too.
search-quiz = quiz

## Dates the server writes (without JavaScript)
date-time = { $day } { $month } { $year }, { $time } UTC
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Running an example in the browser (Flask in WebAssembly)
runner-code = Your copy of the app (edit it, then run; Ctrl+Enter runs too)
runner-method = Method
runner-path = Path
runner-form = Form fields
runner-run = Run
runner-reset = Reset the code
runner-loading = Starting Python and Flask in your browser… (the first run takes a few seconds)
runner-error = Python stopped with an error:
runner-jar = The test client's cookie jar:
runner-session = Session cookie:
runner-invalid = does not verify
runner-nojs = This example runs in your browser when JavaScript and WebAssembly are on; otherwise run it on your computer as shown below.

## Exercises (graded in the learner's browser)
exercise-label = Exercise:
exercise-check = Check
exercise-solution = Show a solution
exercise-passed = Passed: every check holds. It is recorded in your progress.
exercise-failed = Not yet: this check fails:
exercise-nojs = This exercise runs and checks your code in your browser when JavaScript and WebAssembly are on. Without them, copy the app above, fix it on your computer and compare with the lesson.
exercise-done = exercise passed
# $done: exercises passed, $total: all exercises
progress-exercises = { $total ->
    [one] { $done } of { $total } exercise passed
   *[other] { $done } of { $total } exercises passed
}
home-part-core = Part 1: how Flask sessions work
home-part-production = Part 2: logins for production
