# Lesson 13 (remember-me): Flask-Login 0.6.3, the remember cookie, fresh logins, `next`.
# Executed by check_examples.py with its helpers (check, load_app, attributes, eq, ...).

import hashlib as _hashlib
import hmac as _hmac

_APP = "remember-me/app.py"
_UA = {"User-Agent": "Lesson13/1.0"}


def _client(**env):
    app = load_app(_APP, **env)
    return app, app.test_client()


def _session(app, client):
    """The example's session, decoded the way Flask reads it."""
    return dict(app.session_interface.get_signing_serializer(app).loads(session_cookie(client)))


def _log_in(client, remember=True, next_url=None):
    form = {"username": "student", "password": "cookies"}
    if remember:
        form["remember"] = "on"
    path = "/login" if next_url is None else "/login?next=" + next_url
    return client.post(path, data=form, headers=_UA)


def _hmac_hex(key, value):
    return _hmac.new(key.encode(), value.encode(), _hashlib.sha512).hexdigest()


def _tiny_app(**config):
    """A bare Flask-Login app with Flask-Login's defaults, for what the example overrides."""
    from flask import Flask, request, session
    from flask_login import LoginManager, UserMixin, current_user, login_user
    from datetime import timedelta as _td

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, **config)
    manager = LoginManager(app)

    class User(UserMixin):
        def __init__(self, id):
            self.id = id

    manager.user_loader(lambda uid: User(uid) if uid == "42" else None)

    @app.route("/login")
    def login():
        if request.args.get("permanent"):
            session.permanent = True
        days = request.args.get("days")
        login_user(User("42"), remember=bool(request.args.get("remember")),
                   duration=_td(days=int(days)) if days else None)
        return "in"

    @app.route("/who")
    def who():
        return {"user": current_user.get_id(), "fresh": session.get("_fresh"), "has_id": "_id" in session,
                "keys": sorted(session.keys())}

    app.testing = True
    return app, manager


@check("13 remember-me: remember_me_token is '<get_id()>|<hex HMAC-SHA512 of it, keyed by SECRET_KEY>'")
def _():
    app, client = _client()
    response = _log_in(client)
    eq(response.status_code, 302, "POST /login")
    first, _ = attributes(one_set_cookie(response, "remember_me_token"))
    value = first.partition("=")[2]
    eq(value, "student:1|" + _hmac_hex(KEY, "student:1"), "cookie value")
    eq(len(value.split("|")[1]), 128, "hex digest length (SHA-512)")
    from flask_login.utils import decode_cookie
    with app.app_context():
        eq(decode_cookie(value), "student:1", "decode_cookie")
        eq(decode_cookie("student:2|" + value.split("|")[1]), None, "edited id, old digest")


@check("13 remember-me: the example's remember cookie: Expires 14 days ahead, HttpOnly, Path=/, SameSite=Lax, no Secure, no Max-Age")
def _():
    _, client = _client()
    before = datetime.now(timezone.utc)
    header = one_set_cookie(_log_in(client), "remember_me_token")
    _, attrs = attributes(header)
    from email.utils import parsedate_to_datetime
    delta = parsedate_to_datetime(attrs["expires"]) - before
    assert timedelta(days=14) - timedelta(minutes=1) <= delta <= timedelta(days=14, minutes=1), delta
    assert attrs.get("httponly") is True, header
    eq(attrs.get("path"), "/", "Path")
    eq(attrs.get("samesite"), "Lax", "SameSite")
    assert "secure" not in attrs and "max-age" not in attrs and "domain" not in attrs, header


@check("13 remember-me: Flask-Login's defaults: remember_token, 365 days, HttpOnly, no Secure, no SameSite")
def _():
    import flask_login
    from flask_login import config as fl_config

    eq(flask_login.__version__, "0.6.3", "Flask-Login version")
    eq((fl_config.COOKIE_NAME, fl_config.COOKIE_DURATION, fl_config.COOKIE_HTTPONLY, fl_config.COOKIE_SECURE,
        fl_config.COOKIE_SAMESITE), ("remember_token", timedelta(days=365), True, False, None), "config defaults")
    app, manager = _tiny_app()
    eq(manager.session_protection, "basic", "default session_protection")
    for name in ("REMEMBER_COOKIE_NAME", "REMEMBER_COOKIE_DURATION", "REMEMBER_COOKIE_REFRESH_EACH_REQUEST",
                 "SESSION_PROTECTION"):
        assert name not in app.config, f"{name} is in app.config: Flask-Login reads it with a default"
    client = app.test_client()
    before = datetime.now(timezone.utc)
    header = one_set_cookie(client.get("/login?remember=1"), "remember_token")
    _, attrs = attributes(header)
    from email.utils import parsedate_to_datetime
    delta = parsedate_to_datetime(attrs["expires"]) - before
    assert timedelta(days=365) - timedelta(minutes=1) <= delta <= timedelta(days=365, minutes=1), delta
    assert attrs.get("httponly") is True, header
    eq(attrs.get("path"), "/", "Path")
    assert "secure" not in attrs and "samesite" not in attrs and "max-age" not in attrs, header
    eq([h for h in set_cookies(client.get("/who")) if h.startswith("remember_token=")], [],
       "remember cookie re-sent on a later request (REFRESH_EACH_REQUEST is off)")
    eq([h for h in set_cookies(app.test_client().get("/login")) if h.startswith("remember_token=")], [],
       "remember cookie without remember=True")


@check("13 remember-me: after login the session holds _user_id, _fresh True, _id = SHA-512 of address|User-Agent; no _remember")
def _():
    app, client = _client()
    _log_in(client)
    data = _session(app, client)
    eq(sorted(data), ["_fresh", "_id", "_user_id"], "session keys")
    eq(data["_user_id"], "student:1", "_user_id is get_id()")
    eq(data["_fresh"], True, "_fresh")
    # _create_identifier formats the *bytes* of address and agent: "b'127.0.0.1'|b'Lesson13/1.0'"
    expected = _hashlib.sha512(b"b'127.0.0.1'|b'Lesson13/1.0'").hexdigest()
    eq(data["_id"], expected, "_id")
    assert session_cookie(client).startswith("."), "the 128-hex _id makes Flask compress the payload"
    with app.test_request_context("/", headers={**_UA, "X-Forwarded-For": "203.0.113.9, 10.0.0.1"}):
        from flask_login.utils import _create_identifier
        eq(_create_identifier(), _hashlib.sha512(b"b'203.0.113.9'|b'Lesson13/1.0'").hexdigest(),
           "X-Forwarded-For's first address replaces the real one")


@check("13 remember-me: _remember is popped before the cookie is written; _remember_seconds (duration=) stays")
def _():
    from flask import session
    from flask_login import login_user

    app, _ = _tiny_app()
    seen = {}

    @app.route("/peek")
    def peek():
        login_user(app.login_manager._user_callback("42"), remember=True, duration=timedelta(days=7))
        seen.update(session)
        return "in"

    client = app.test_client()
    response = client.get("/peek")
    eq(seen.get("_remember"), "set", "_remember during the request")
    eq(seen.get("_remember_seconds"), 604800.0, "_remember_seconds during the request")
    cookie = client.get_cookie("session").value
    stored = dict(app.session_interface.get_signing_serializer(app).loads(cookie))
    assert "_remember" not in stored, stored
    eq(stored.get("_remember_seconds"), 604800.0, "_remember_seconds in the cookie")
    _, attrs = attributes(one_set_cookie(response, "remember_token"))
    from email.utils import parsedate_to_datetime
    delta = parsedate_to_datetime(attrs["expires"]) - datetime.now(timezone.utc)
    assert timedelta(days=7) - timedelta(minutes=1) <= delta <= timedelta(days=7), delta


@check("13 remember-me: without the session cookie, the remember cookie restores a non-fresh login (no _id, no new remember cookie)")
def _():
    app, client = _client()
    _log_in(client)
    client.delete_cookie("remember_me_session")  # what closing the browser does to it
    response = client.get("/account", headers=_UA)
    eq(text(response), "Hello student. Fresh login: False", "/account after coming back")
    eq([h for h in set_cookies(response) if h.startswith("remember_me_token=")], [], "remember cookie re-sent")
    eq(_session(app, client), {"_fresh": False, "_user_id": "student:1"}, "restored session")


@check("13 remember-me: fresh_login_required refuses a restored login (302 to /login?next=%2Fsettings) until the password is typed again")
def _():
    app, client = _client()
    _log_in(client)
    eq(text(client.get("/settings", headers=_UA)), "Settings of student", "/settings after a fresh login")
    client.delete_cookie("remember_me_session")
    response = client.get("/settings", headers=_UA)
    eq((response.status_code, response.headers["Location"]), (302, "/login?next=%2Fsettings"), "restored login")
    assert "Please reauthenticate to access this page." in text(client.get("/login", headers=_UA))
    response = _log_in(client, remember=False, next_url="%2Fsettings")
    eq(response.headers["Location"], "/settings", "back to next after re-entering the password")
    eq(text(client.get("/settings", headers=_UA)), "Settings of student", "/settings after re-login")
    eq(_session(app, client)["_fresh"], True, "_fresh after re-login")


@check("13 remember-me: confirm_login() makes a restored login fresh again and sets _id")
def _():
    from flask_login import confirm_login

    app, _ = _tiny_app()

    @app.route("/confirm")
    def confirm():
        confirm_login()
        return "ok"

    client = app.test_client()
    client.get("/login?remember=1", headers=_UA)
    client.delete_cookie("session")
    eq(client.get("/who", headers=_UA).get_json()["fresh"], False, "restored")
    client.get("/confirm", headers=_UA)
    state = client.get("/who", headers=_UA).get_json()
    eq((state["fresh"], state["has_id"]), (True, True), "after confirm_login()")


@check("13 remember-me: login_required sends an anonymous visitor to /login?next=%2Faccount with the login message")
def _():
    _, client = _client()
    response = client.get("/account?tab=2")
    eq((response.status_code, response.headers["Location"]), (302, "/login?next=%2Faccount%3Ftab%3D2"), "redirect")
    assert "Please log in to access this page." in text(client.get("/login")), "flash message"
    response = _log_in(client, next_url="%2Faccount%3Ftab%3D2")
    eq(response.headers["Location"], "/account?tab=2", "after login")


@check("13 remember-me: safe_next keeps paths and rejects //evil.example, /\\evil.example, /<TAB>/evil.example, https:, javascript:")
def _():
    module = load(_APP, SECRET_KEY=KEY)
    good = ["/account", "/account?tab=1", "/a/b#c"]
    bad = ["", "account", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
           "/\n/evil.example", "https://evil.example", "https:evil.example", "javascript:alert(1)", " /account"]
    eq([t for t in good if module.safe_next(t) != t], [], "paths refused")
    eq([t for t in bad if module.safe_next(t) is not None], [], "bad targets accepted")
    client = module.app.test_client()
    for target in ("//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example"):
        response = client.post("/login", query_string={"next": target},
                               data={"username": "student", "password": "cookies"})
        eq(response.headers["Location"], "/account", f"next={target!r}")
        client.post("/logout")


@check("13 remember-me: what Werkzeug sends for unchecked next values (the lesson's table)")
def _():
    from flask import Flask, redirect, request

    app = Flask(__name__)

    @app.route("/go")
    def go():
        return redirect(request.args["to"])

    client = app.test_client()
    sent = {to: client.get("/go", query_string={"to": to}).headers["Location"]
            for to in ("//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example")}
    eq(sent, {"//evil.example": "//evil.example", "/\\evil.example": "/%5Cevil.example", "/\t/evil.example": "//evil.example",
              "https://evil.example": "https://evil.example"}, "Location headers")
    naive = lambda t: t.startswith("/") and not t.startswith("//")  # noqa: E731
    eq(naive("/\t/evil.example"), True, "a prefix-only check lets the tab through")
    # How a browser resolves them: Node's URL class implements the WHATWG URL Standard.
    node = subprocess.run(["node", "-e", "for (const s of JSON.parse(process.argv[1])) "
                           "console.log(new URL(s, 'http://127.0.0.1:5000/login').host)",
                           json.dumps(["//evil.example", "/\\evil.example", "/\t/evil.example", "/%5Cevil.example"])],
                          capture_output=True, text=True) if _which("node") else None
    if node is not None:
        eq(node.stdout.split(), ["evil.example", "evil.example", "evil.example", "127.0.0.1:5000"], "WHATWG URL hosts")


def _which(name):
    import shutil
    return shutil.which(name)


@check("13 remember-me: logout_user() deletes the remember cookie, but a copy of its value still logs in")
def _():
    app, client = _client()
    _log_in(client)
    stolen = client.get_cookie("remember_me_token").value
    response = client.post("/logout", headers=_UA)
    first, attrs = attributes(one_set_cookie(response, "remember_me_token"))
    eq((first, attrs.get("max-age")), ("remember_me_token=", "0"), "deleting Set-Cookie")
    assert client.get_cookie("remember_me_token") is None, "the browser still has it"
    thief = app.test_client()
    thief.set_cookie("remember_me_token", stolen)
    eq(text(thief.get("/account")), "Hello student. Fresh login: False", "the copied value after logout")


@check("13 remember-me: a new get_id() (version bump) revokes old remember cookies and sessions")
def _():
    module = load(_APP, SECRET_KEY=KEY)
    client = module.app.test_client()
    _log_in(client)
    stolen = client.get_cookie("remember_me_token").value
    module.USERS["student"].version += 1  # what a password change would do
    eq(client.get("/account").status_code, 302, "old session")
    thief = module.app.test_client()
    thief.set_cookie("remember_me_token", stolen)
    eq(thief.get("/account").status_code, 302, "old remember cookie")


@check("13 remember-me: a new SECRET_KEY revokes every remember cookie; Flask-Login ignores SECRET_KEY_FALLBACKS")
def _():
    old_app, client = _client(SECRET_KEY="old-key")
    _log_in(client)
    token = client.get_cookie("remember_me_token").value
    session_value = session_cookie(client)
    new_app = load_app(_APP, SECRET_KEY="new-key")
    new_app.config["SECRET_KEY_FALLBACKS"] = ["old-key"]
    only_token = new_app.test_client()
    only_token.set_cookie("remember_me_token", token)
    eq(only_token.get("/account").status_code, 302, "remember cookie under a new key, old key as fallback")
    both = new_app.test_client()
    both.set_cookie("remember_me_session", session_value)
    eq(text(both.get("/account", headers=_UA)), "Hello student. Fresh login: True",
       "the session cookie itself still loads through the fallback")


@check("13 remember-me: session protection on a changed User-Agent: basic -> non-fresh; strong -> logged out, remember cookie deleted; strong + permanent -> non-fresh")
def _():
    results = {}
    for mode in ("basic", "strong", None):
        for permanent in (False, True):
            app, manager = _tiny_app()
            manager.session_protection = mode
            client = app.test_client()
            client.get("/login?remember=1" + ("&permanent=1" if permanent else ""), headers={"User-Agent": "A"})
            response = client.get("/who", headers={"User-Agent": "B"})
            state = response.get_json()
            deleted = any(h.startswith("remember_token=;") for h in set_cookies(response))
            results[(mode, permanent)] = (state["user"], state["fresh"], deleted)
    eq(results, {
        ("basic", False): ("42", False, False), ("basic", True): ("42", False, False),
        ("strong", False): (None, None, True), ("strong", True): ("42", False, False),
        (None, False): ("42", True, False), (None, True): ("42", True, False),
    }, "mode, permanent -> (user, _fresh, remember cookie deleted)")
    app, manager = _tiny_app(SESSION_PROTECTION="strong")  # the config key wins over the attribute
    client = app.test_client()
    client.get("/login", headers={"User-Agent": "A"})
    eq(client.get("/who", headers={"User-Agent": "B"}).get_json()["user"], None, "SESSION_PROTECTION config")


@check("13 remember-me: 'strong' ends a login restored from the remember cookie on the very next request")
def _():
    app, manager = _tiny_app()
    manager.session_protection = "strong"
    client = app.test_client()
    client.get("/login?remember=1", headers=_UA)
    client.delete_cookie("session")
    first = client.get("/who", headers=_UA).get_json()
    eq((first["user"], first["fresh"], first["has_id"]), ("42", False, False), "restoring request")
    second = client.get("/who", headers=_UA)
    eq(second.get_json()["user"], None, "next request")
    assert client.get_cookie("remember_token") is None, "remember cookie survived"


@check("13 remember-me: REMEMBER_COOKIE_REFRESH_EACH_REQUEST=True sends a remember cookie even without remember=True")
def _():
    app, _ = _tiny_app(REMEMBER_COOKIE_REFRESH_EACH_REQUEST=True)
    client = app.test_client()
    one_set_cookie(client.get("/login"), "remember_token")
    one_set_cookie(client.get("/who"), "remember_token")


@check("13 remember-me: a SECRET_KEY outside Latin-1 breaks the remember cookie (UnicodeEncodeError), not the session")
def _():
    app, _ = _tiny_app()
    app.config["SECRET_KEY"] = "ключ-" + KEY
    client = app.test_client()
    eq(client.get("/login").status_code, 200, "login without remember")
    try:
        client.get("/login?remember=1")
    except UnicodeEncodeError:
        pass
    else:
        raise AssertionError("remember=True with a Cyrillic key did not fail")


@check("13 remember-me: login_user() refuses an inactive user unless force=True")
def _():
    from flask import Flask
    from flask_login import LoginManager, UserMixin, login_user

    app = Flask(__name__)
    app.config["SECRET_KEY"] = KEY
    LoginManager(app)

    class Banned(UserMixin):
        id = 1
        is_active = False

    with app.test_request_context():
        eq((login_user(Banned()), login_user(Banned(), force=True)), (False, True), "inactive user")


@check("13 remember-me: basic protection: a copied fresh session from another User-Agent turns non-fresh; the victim's User-Agent plus X-Forwarded-For passes")
def _():
    app, client = _client()
    _log_in(client)  # the victim, from 127.0.0.1 with _UA
    copied = session_cookie(client)
    other = app.test_client()
    other.set_cookie("remember_me_session", copied)
    eq(text(other.get("/account", headers={"User-Agent": "Thief/1.0"})), "Hello student. Fresh login: False",
       "another User-Agent")
    forged = app.test_client()
    forged.set_cookie("remember_me_session", copied)
    headers = {**_UA, "X-Forwarded-For": "127.0.0.1"}
    eq(text(forged.get("/account", headers=headers, environ_base={"REMOTE_ADDR": "198.51.100.7"})),
       "Hello student. Fresh login: True", "copied User-Agent and forged X-Forwarded-For from another address")
    eq(text(forged.get("/settings", headers=headers, environ_base={"REMOTE_ADDR": "198.51.100.7"})),
       "Settings of student", "fresh_login_required passes for the forger")


@check("13 remember-me: no login_view/refresh_view -> 401; OPTIONS skips login_required; anonymous get_id() is None; no user_loader raises")
def _():
    from flask import Flask
    from flask_login import LoginManager, current_user, fresh_login_required, login_required

    app, manager = _tiny_app()

    @app.route("/private", methods=["GET", "OPTIONS"])
    @login_required
    def private():
        return "private"

    @app.route("/sensitive")
    @fresh_login_required
    def sensitive():
        return "sensitive"

    client = app.test_client()
    eq(client.get("/private").status_code, 401, "login_required without login_view")
    eq(client.options("/private").status_code, 200, "OPTIONS")
    eq(client.get("/who").get_json()["user"], None, "anonymous get_id()")
    client.get("/login?remember=1")
    client.delete_cookie("session")
    eq(client.get("/sensitive").status_code, 401, "fresh_login_required without refresh_view")

    bare = Flask(__name__)
    bare.config["SECRET_KEY"] = KEY
    LoginManager(bare)

    @bare.route("/")
    def index():
        return str(current_user.is_authenticated)

    bare.testing = True
    try:
        bare.test_client().get("/")
    except Exception as error:  # noqa: BLE001
        eq(str(error).split(".")[0], "Missing user_loader or request_loader", "message")
    else:
        raise AssertionError("no error without a user_loader")


@check("13 remember-me: logout_user() removes _remember_seconds along with the remember cookie")
def _():
    from flask_login import logout_user

    app, _ = _tiny_app()

    @app.route("/out")
    def out():
        logout_user()
        return "out"

    client = app.test_client()
    client.get("/login?remember=1&days=7")
    assert "_remember_seconds" in client.get("/who").get_json()["keys"], "not stored"
    response = client.get("/out")
    first, _ = attributes(one_set_cookie(response, "remember_token"))
    eq(first, "remember_token=", "remember cookie deleted")
    assert client.get_cookie("session") is None, "session still has keys"


@check("13 remember-me: REMEMBER_COOKIE_DURATION accepts int seconds; USE_SESSION_FOR_NEXT keeps next in the session")
def _():
    app, _ = _tiny_app(REMEMBER_COOKIE_DURATION=3600)
    _, attrs = attributes(one_set_cookie(app.test_client().get("/login?remember=1"), "remember_token"))
    from email.utils import parsedate_to_datetime
    delta = parsedate_to_datetime(attrs["expires"]) - datetime.now(timezone.utc)
    assert timedelta(minutes=59) <= delta <= timedelta(hours=1), delta

    from flask_login import login_required

    app, manager = _tiny_app(USE_SESSION_FOR_NEXT=True)
    manager.login_view = "login"

    @app.route("/private")
    @login_required
    def private():
        return "private"

    client = app.test_client()
    response = client.get("/private?tab=2")
    eq(response.headers["Location"], "/login", "no next in the URL")
    stored = dict(app.session_interface.get_signing_serializer(app).loads(client.get_cookie("session").value))
    eq(stored.get("next"), "/private?tab=2", "next in the session")
