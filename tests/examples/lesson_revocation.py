# Checks for lesson 15, "Revocation: logging out everywhere" (content/examples/revocation/).
# Run by tests/examples/check_examples.py with its helpers (check, load_app, eq, text, ...).

LOGIN = {"username": "student", "password": "cookies"}


def _logged_in(app):
    client = app.test_client()
    eq(text(client.post("/login", data=LOGIN)), "Logged in as student", "login")
    return client


def _replay(app, cookie):
    """A second browser (the thief's) that presents a copied cookie."""
    thief = app.test_client()
    thief.set_cookie(cookie_name(app), cookie)
    return thief


def _profile(client):
    response = client.get("/profile")
    return response.status_code, text(response)


IN = (200, "Logged in as student")
OUT = (401, "Not logged in")


@check("15 revocation: a copy of the cookie still works after 'log out here' (session.clear())")
def _():
    app = load_app("revocation/app.py")
    laptop = _logged_in(app)
    copy = session_cookie(laptop)
    first, attrs = attributes(one_set_cookie(laptop.post("/logout"), cookie_name(app)))
    eq((first, attrs.get("max-age")), (f"{cookie_name(app)}=", "0"), "logout deletes this browser's cookie")
    eq(_profile(laptop), OUT, "the laptop after logout")
    eq(_profile(_replay(app, copy)), IN, "the copy after a plain logout")


@check("15 revocation: after /logout-everywhere the copy is refused, and the refusal deletes its cookie")
def _():
    app = load_app("revocation/app.py")
    module_users = app.view_functions["login"].__globals__["USERS"]
    laptop = _logged_in(app)
    copy = session_cookie(laptop)
    laptop.post("/logout-everywhere")
    eq(module_users["student"]["ver"], 2, "version after logout-everywhere")
    thief = _replay(app, copy)
    response = thief.get("/profile")
    eq((response.status_code, text(response)), OUT, "the copy after logout-everywhere")
    first, attrs = attributes(one_set_cookie(response, cookie_name(app)))
    eq((first, attrs.get("max-age")), (f"{cookie_name(app)}=", "0"), "refused copy gets a deleting cookie")
    eq(_profile(_logged_in(app)), IN, "a new login (version 2) works")


@check("15 revocation: without the before_request version check, the copy is accepted even after the bump")
def _():
    app = load_app("revocation/app.py")
    app.before_request_funcs[None].clear()
    laptop = _logged_in(app)
    copy = session_cookie(laptop)
    laptop.post("/logout-everywhere")
    eq(_profile(_replay(app, copy)), IN, "a valid signature alone")


@check("15 revocation: change-password needs the current password, keeps this browser in, refuses older copies")
def _():
    app = load_app("revocation/app.py")
    laptop = _logged_in(app)
    phone = _logged_in(app)
    copy = session_cookie(laptop)
    eq(laptop.post("/change-password", data={"current": "wrong", "new": "biscuits"}).status_code, 403,
       "wrong current password")
    eq(text(laptop.post("/change-password", data={"current": "cookies", "new": "biscuits"})),
       "Password changed", "change")
    eq(_profile(laptop), IN, "the browser that changed the password")
    eq(_profile(phone), OUT, "another device")
    eq(_profile(_replay(app, copy)), OUT, "a copy taken before the change")
    eq(app.test_client().post("/login", data=LOGIN).status_code, 403, "old password")
    eq(app.test_client().post("/login", data={"username": "student", "password": "biscuits"}).status_code,
       200, "new password")
    eq(app.test_client().post("/login", data={"username": "nobody", "password": "x"}).status_code, 403,
       "unknown user")


def _cookie_signed_ago(seconds, payload, key=KEY):
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class Past(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - seconds

    return URLSafeTimedSerializer(
        key, salt="cookie-session", serializer=TaggedJSONSerializer(), signer=Past,
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    ).dumps(payload)


@check("15 revocation: a non-permanent copy verifies for PERMANENT_SESSION_LIFETIME (31 days) after signing")
def _():
    app = load_app("revocation/app.py")
    eq(app.permanent_session_lifetime, timedelta(days=31), "default lifetime")
    payload = {"uid": "student", "ver": 1}  # not permanent: no "_permanent" key
    eq(_profile(_replay(app, _cookie_signed_ago(30 * 86400, payload))), IN, "30-day-old copy")
    eq(_profile(_replay(app, _cookie_signed_ago(32 * 86400, payload))), OUT, "32-day-old copy")


@check("15 revocation: a new SECRET_KEY refuses every copy; SECRET_KEY_FALLBACKS keeps them valid")
def _():
    old = load_app("revocation/app.py", SECRET_KEY="old-key")
    copy = session_cookie(_logged_in(old))
    new = load_app("revocation/app.py", SECRET_KEY="new-key")
    eq(_profile(_replay(new, copy)), OUT, "copy under a new key")
    new.config["SECRET_KEY_FALLBACKS"] = ["old-key"]
    eq(_profile(_replay(new, copy)), IN, "copy with the old key as a fallback")


@check("15 revocation: a replayed permanent session gets a freshly signed cookie back; a non-permanent one does not")
def _():
    from flask import Flask, session

    app = Flask(__name__)
    app.secret_key = KEY
    assert app.config["SESSION_REFRESH_EACH_REQUEST"] is True

    @app.route("/login/<kind>")
    def login(kind):
        session.permanent = kind == "permanent"
        session["uid"] = "student"
        return "in"

    @app.route("/read")
    def read():
        return session.get("uid", "-")

    for kind, resent in (("permanent", True), ("plain", False)):
        client = app.test_client()
        client.get(f"/login/{kind}")
        thief = app.test_client()
        thief.set_cookie("session", session_cookie(client, "session"))
        response = thief.get("/read")
        eq(text(response), "student", f"{kind} copy accepted")
        eq(len(set_cookies(response)) == 1, resent, f"{kind} copy gets a new Set-Cookie")


@check("15 revocation: an auth hash (HMAC of the password hash) changes with the password, and with the key")
def _():
    import hashlib
    import hmac

    from werkzeug.security import generate_password_hash

    def auth_hash(secret_key, password_hash):
        return hmac.new(secret_key.encode(), password_hash.encode(), hashlib.sha256).hexdigest()[:16]

    first = generate_password_hash("cookies")
    eq(auth_hash(KEY, first), auth_hash(KEY, first), "same hash, same value")
    assert auth_hash(KEY, first) != auth_hash(KEY, generate_password_hash("cookies")), "new salt, new value"
    assert auth_hash(KEY, first) != auth_hash("new-key", first), "new key, new value"
    eq(len(auth_hash(KEY, first)), 16, "length")


@check("15 revocation: Flask-Login's fresh flag is not a clock: a copied fresh session passes fresh_login_required")
def _():
    from flask import Flask
    from flask_login import LoginManager, UserMixin, fresh_login_required, login_user

    app = Flask(__name__)
    app.secret_key = KEY
    manager = LoginManager(app)

    class User(UserMixin):
        id = "student"

    manager.user_loader(lambda uid: User() if uid == "student" else None)

    @app.route("/login")
    def login():
        login_user(User())
        return "in"

    @app.route("/change-email")
    @fresh_login_required
    def change_email():
        return "changed"

    client = app.test_client()
    client.get("/login")
    with client.session_transaction() as s:
        eq(s.get("_fresh"), True, "_fresh after login_user")
        assert not any("time" in k or "_at" in k for k in s), dict(s)
    eq(text(_replay(app, session_cookie(client, "session")).get("/change-email")), "changed", "copied fresh session")


def _flask_login_app(secret_key=KEY):
    """The lesson's Flask-Login variant: get_id() carries the session version."""
    from flask import Flask, session
    from flask_login import LoginManager, UserMixin, current_user, login_user

    app = Flask(__name__)
    app.secret_key = secret_key
    manager = LoginManager(app)
    versions = {"student": 1}

    class User(UserMixin):
        def __init__(self, uid):
            self.id = uid

        def get_id(self):
            return f"{self.id}:{versions[self.id]}"

    @manager.user_loader
    def load_user(user_id):
        uid, _, ver = user_id.partition(":")
        if uid not in versions or str(versions[uid]) != ver:
            return None
        return User(uid)

    @app.route("/login")
    def login():
        login_user(User("student"), remember=True)
        return "in"

    @app.route("/me")
    def me():
        return current_user.id if current_user.is_authenticated else "anonymous"

    @app.route("/bump")
    def bump():
        versions["student"] += 1
        session.clear()
        return "bumped"

    return app, versions


@check("15 revocation: Flask-Login with a versioned get_id(): a bump refuses copied session and remember cookies")
def _():
    app, versions = _flask_login_app()
    laptop = app.test_client()
    laptop.get("/login")
    session_copy = session_cookie(laptop, "session")
    remember_copy = laptop.get_cookie("remember_token").value
    eq(remember_copy.split("|")[0], "student:1", "the remember cookie carries get_id()")
    only_remember = app.test_client()
    only_remember.set_cookie("remember_token", remember_copy)
    eq(text(only_remember.get("/me")), "student", "remember cookie alone, before the bump")
    with only_remember.session_transaction() as restored:
        eq(restored.get("_fresh"), False, "a session restored from the remember cookie is not fresh")
    laptop.get("/bump")
    eq(versions["student"], 2, "version")
    for name, value in (("session", session_copy), ("remember_token", remember_copy)):
        thief = app.test_client()
        thief.set_cookie(name, value)
        eq(text(thief.get("/me")), "anonymous", f"copied {name} after the bump")


@check("15 revocation: a new SECRET_KEY also kills Flask-Login remember cookies, even with SECRET_KEY_FALLBACKS")
def _():
    old, _ = _flask_login_app("old-key")
    client = old.test_client()
    client.get("/login")
    remember = client.get_cookie("remember_token").value
    same = old.test_client()
    same.set_cookie("remember_token", remember)
    eq(text(same.get("/me")), "student", "the remember cookie under its own key")
    new, _ = _flask_login_app("new-key")
    new.config["SECRET_KEY_FALLBACKS"] = ["old-key"]
    thief = new.test_client()
    thief.set_cookie("remember_token", remember)
    eq(text(thief.get("/me")), "anonymous", "old remember cookie under a new key with the old one as fallback")


@check("15 revocation: a Flask-WTF CSRF token signed with the old key fails under a new key, fallbacks or not")
def _():
    from flask import Flask, session
    from flask_wtf.csrf import generate_csrf, validate_csrf
    from wtforms.validators import ValidationError

    def make(secret, fallbacks=()):
        app = Flask(__name__)
        app.secret_key = secret
        app.config["SECRET_KEY_FALLBACKS"] = list(fallbacks)
        return app

    with make("old-key").test_request_context():
        token = generate_csrf()
        raw = session["csrf_token"]
    for app, valid in ((make("old-key"), True), (make("new-key", ["old-key"]), False)):
        with app.test_request_context():
            session["csrf_token"] = raw
            try:
                validate_csrf(token)
            except ValidationError as error:
                eq((valid, str(error)), (False, "The CSRF token is invalid."), "validation")
            else:
                assert valid, "an old-key token passed under a new key"


# timeouts.py: a controlled clock ---------------------------------------------------------------


def _timeouts():
    app = load_app("revocation/timeouts.py")
    clock = [1_000_000.0]
    app.view_functions["login"].__globals__["now"] = lambda: clock[0]
    return app, clock


@check("15 revocation: idle timeout: 16 idle minutes log a copy out, while the active browser stays in")
def _():
    app, clock = _timeouts()
    laptop = _logged_in(app)
    copy = session_cookie(laptop)
    for _minute in range(10, 70, 10):  # the owner clicks every 10 minutes for an hour
        clock[0] += 10 * 60
        response = laptop.get("/profile")
        eq((response.status_code, text(response)), IN, "active browser")
        one_set_cookie(response, cookie_name(app))  # last_seen changed: a new cookie every time
    eq(_profile(_replay(app, copy)), OUT, "copy idle for an hour")
    clock[0] += 16 * 60
    eq(_profile(laptop), OUT, "the laptop after 16 idle minutes")
    app, clock = _timeouts()
    laptop = _logged_in(app)
    clock[0] += 14 * 60
    eq(_profile(laptop), IN, "14 idle minutes")


@check("15 revocation: absolute timeout: a request every 10 minutes does not get past 8 hours after login")
def _():
    app, clock = _timeouts()
    thief = _replay(app, session_cookie(_logged_in(app)))
    start = clock[0]
    while clock[0] - start <= 8 * 3600 - 600:
        clock[0] += 10 * 60
        eq(_profile(thief), IN, f"{(clock[0] - start) / 60:.0f} minutes after login")
    clock[0] += 10 * 60
    eq(_profile(thief), OUT, "past 8 hours")


@check("15 revocation: re-auth: change-email asks for the password after 5 minutes; login_at never moves")
def _():
    app, clock = _timeouts()
    client = _logged_in(app)
    eq(text(client.post("/change-email", data={"email": "a@example.com"})), "Email changed to a@example.com",
       "right after login")
    with client.session_transaction() as s:
        login_at = s["login_at"]
    clock[0] += 6 * 60
    response = client.post("/change-email", data={"email": "b@example.com"})
    eq((response.status_code, text(response)), (403, "Confirm your password first"), "6 minutes later")
    eq(client.post("/change-email", data={"email": "b@example.com", "password": "wrong"}).status_code, 403,
       "wrong password")
    eq(text(client.post("/change-email", data={"email": "b@example.com", "password": "cookies"})),
       "Email changed to b@example.com", "with the password")
    clock[0] += 4 * 60
    eq(client.post("/change-email", data={"email": "c@example.com"}).status_code, 200, "4 minutes after re-auth")
    with client.session_transaction() as s:
        eq(s["login_at"], login_at, "login_at after re-auth")
        eq((s["reauth_at"], s["last_seen"]), (clock[0] - 4 * 60, clock[0]), "reauth_at and last_seen")
    eq(app.test_client().post("/change-email", data={"email": "x@example.com"}).status_code, 401, "anonymous")
    eq(app.test_client().post("/login", data={"username": "nobody", "password": "x"}).status_code, 403, "unknown")


# server_index.py: Flask-Session with a per-user index in Redis -----------------------------------


@check("15 revocation (redis): clear() ends copies of that id; logout-everywhere deletes every indexed session")
def _():
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            raise AssertionError("REDIS_URL is not set, and CI requires the Redis check")
        raise Skip("REDIS_URL not set")
    from flask_session.base import ServerSideSessionInterface

    eq([n for n in dir(ServerSideSessionInterface) if "user" in n.lower()], [], "no per-user API in Flask-Session")
    app = load_app("revocation/server_index.py", REDIS_URL=url)
    store = app.config["SESSION_REDIS"]
    prefix = app.session_interface.key_prefix
    eq(prefix, "session:", "key prefix")
    store.delete("user_sessions:student")
    ids = set()
    try:
        planted = app.test_client()
        planted.set_cookie(cookie_name(app), "planted-id")
        planted.post("/login", data=LOGIN)
        assert session_cookie(planted) != "planted-id", "login kept a planted id"
        laptop, phone = _logged_in(app), _logged_in(app)
        ids |= {session_cookie(c) for c in (planted, laptop, phone)}
        eq({s.decode() for s in store.smembers("user_sessions:student")}, ids, "the index")
        assert store.ttl(prefix + session_cookie(laptop)) > 31 * 86400 - 60, "record TTL"
        laptop_sid = session_cookie(laptop)
        laptop_copy = _replay(app, laptop_sid)
        laptop.post("/logout")
        eq(store.exists(prefix + laptop_sid), 0, "the laptop's record after session.clear()")
        eq(store.exists(prefix + session_cookie(phone)), 1, "phone record after the laptop's logout")
        eq(_profile(laptop_copy), OUT, "copy of the laptop's id after clear()")
        eq(_profile(phone), IN, "phone after the laptop's plain logout")
        phone_copy = _replay(app, session_cookie(phone))
        laptop = _logged_in(app)
        ids.add(session_cookie(laptop))
        laptop.post("/logout-everywhere")
        eq(_profile(phone), OUT, "phone after logout-everywhere")
        eq(_profile(phone_copy), OUT, "copy of the phone's id")
        eq(store.exists("user_sessions:student"), 0, "index deleted")
        eq([k for k in store.scan_iter(prefix + "*") if k.decode()[len(prefix):] in ids], [], "records left")
    finally:
        store.delete("user_sessions:student", *(prefix + sid for sid in ids))
