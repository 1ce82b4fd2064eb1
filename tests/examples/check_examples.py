"""Run every example app of the course under real Flask and check what the lessons claim.

Usage, from the repository root:

    python3 tests/examples/check_examples.py

The Redis part of lesson 9 runs only when REDIS_URL points at a live Redis server
(for example REDIS_URL=redis://127.0.0.1:6390/0). Without it the part is SKIPPED, unless CI is
set, in which case the missing server counts as a failure.

Prints one line per check, then "N passed, M failed"; exits 1 if anything failed.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.util
import itertools
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

# Keep content/examples free of __pycache__ folders.
sys.dont_write_bytecode = True

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "content" / "examples"

KEY = "test-secret-key-0123456789abcdef"
NO_KEY_MESSAGE = (
    "The session is unavailable because no secret key was set.  Set the secret_key on the"
    " application to something unique and secret."
)

_counter = itertools.count()
CHECKS = []
results = {"passed": 0, "failed": 0}


def check(name):
    def register(func):
        CHECKS.append((name, func))
        return func

    return register


class Skip(Exception):
    pass


@contextlib.contextmanager
def environ(**values):
    """Set (str) or remove (None) environment variables, restoring them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


RAN = set()  # every example file the checks executed, reported at the end


def load(relative, **env):
    """Import an example file by path as a fresh module, with the given environment."""
    RAN.add(relative)
    path = EXAMPLES / relative
    name = "example_" + re.sub(r"\W", "_", relative) + f"_{next(_counter)}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    with environ(**env):
        spec.loader.exec_module(module)
    if hasattr(module, "app"):
        module.app.testing = True
    return module


def load_app(relative, **env):
    env.setdefault("SECRET_KEY", KEY)
    return load(relative, **env).app


def set_cookies(response):
    return response.headers.getlist("Set-Cookie")


def one_set_cookie(response, name):
    headers = [h for h in set_cookies(response) if h.startswith(name + "=")]
    assert len(headers) == 1, f"expected one Set-Cookie for {name!r}, got {set_cookies(response)!r}"
    return headers[0]


def attributes(header):
    """Split a Set-Cookie header into (name=value, {attribute_lower: value_or_True})."""
    first, *rest = [part.strip() for part in header.split(";")]
    attrs = {}
    for part in rest:
        key, sep, value = part.partition("=")
        attrs[key.lower()] = value if sep else True
    return first, attrs


def text(response):
    return response.get_data(as_text=True)


def eq(actual, expected, what=""):
    assert actual == expected, f"{what}: expected {expected!r}, got {actual!r}"


def cookie_name(app_or_client):
    """The example's own session cookie name (every example sets SESSION_COOKIE_NAME)."""
    app = getattr(app_or_client, "application", app_or_client)
    return app.config["SESSION_COOKIE_NAME"]


def session_cookie(client, name=None):
    name = name or cookie_name(client)
    cookie = client.get_cookie(name)
    assert cookie is not None, f"no {name!r} cookie in the client"
    return cookie.value


def decode_module():
    return load("under-the-hood/decode.py")


# 1. why-sessions ------------------------------------------------------------------------------


@check("why-sessions: the visits cookie counts 1, 2, 3")
def _():
    app = load("why-sessions/app.py").app
    client = app.test_client()
    for n in (1, 2, 3):
        eq(text(client.get("/")), f"Visit number {n}", f"visit {n}")


@check("why-sessions: a new browser (no Cookie header) starts at 1 again")
def _():
    app = load("why-sessions/app.py").app
    app.test_client().get("/")
    eq(text(app.test_client().get("/")), "Visit number 1", "fresh client")


@check("why-sessions: a cookie the visitor edited is checked, never trusted (abc, ², 41)")
def _():
    app = load("why-sessions/app.py").app
    for raw, expected in (("abc", 1), ("\u00b2", 1), ("", 1), ("41", 42)):
        client = app.test_client()
        client.set_cookie("visits", raw)
        resp = client.get("/")
        eq(resp.status_code, 200, f"visits={raw!r}")
        eq(text(resp), f"Visit number {expected}", f"visits={raw!r}")


# 2. cookies -----------------------------------------------------------------------------------


@check("cookies: /set sends theme=dark with Max-Age=3600, HttpOnly, SameSite=Lax")
def _():
    app = load("cookies/app.py").app
    header = one_set_cookie(app.test_client().get("/set"), "theme")
    first, attrs = attributes(header)
    eq(first, "theme=dark", "name=value")
    eq(attrs.get("max-age"), "3600", "Max-Age")
    assert attrs.get("httponly") is True, header
    eq(attrs.get("samesite"), "Lax", "SameSite")
    eq(attrs.get("path"), "/", "Path")
    assert "secure" not in attrs, header


@check("cookies: /read returns the None-path text when the cookie is absent")
def _():
    app = load("cookies/app.py").app
    eq(text(app.test_client().get("/read")), "No theme cookie yet", "/read without cookie")


@check("cookies: /read sees the cookie after /set")
def _():
    app = load("cookies/app.py").app
    client = app.test_client()
    client.get("/set")
    eq(text(client.get("/read")), "Theme: dark", "/read after /set")


@check("cookies: /delete sends an expired theme cookie (Expires 1970, Max-Age=0)")
def _():
    app = load("cookies/app.py").app
    client = app.test_client()
    client.get("/set")
    header = one_set_cookie(client.get("/delete"), "theme")
    first, attrs = attributes(header)
    eq(first, "theme=", "name=value")
    eq(attrs.get("expires"), "Thu, 01 Jan 1970 00:00:00 GMT", "Expires")
    eq(attrs.get("max-age"), "0", "Max-Age")
    eq(attrs.get("path"), "/", "Path")
    eq(text(client.get("/read")), "No theme cookie yet", "/read after /delete")


# 3. secret-key --------------------------------------------------------------------------------


@check("secret-key: app.py fails fast (KeyError) when SECRET_KEY is not set")
def _():
    try:
        load("secret-key/app.py", SECRET_KEY=None, OLD_SECRET_KEYS=None)
    except KeyError as error:
        eq(error.args[0], "SECRET_KEY", "missing variable")
    else:
        raise AssertionError("importing without SECRET_KEY did not raise")


@check("secret-key: the session counts visits 1, 2, 3")
def _():
    app = load_app("secret-key/app.py", OLD_SECRET_KEYS=None)
    eq(app.config["SECRET_KEY_FALLBACKS"], [], "fallbacks without OLD_SECRET_KEYS")
    client = app.test_client()
    for n in (1, 2, 3):
        eq(text(client.get("/")), f"Visit number {n}", f"visit {n}")


@check("secret-key: changing the key without fallbacks starts a new session")
def _():
    old_app = load_app("secret-key/app.py", SECRET_KEY="old-key", OLD_SECRET_KEYS=None)
    client = old_app.test_client()
    client.get("/")
    old_cookie = session_cookie(client)
    new_app = load_app("secret-key/app.py", SECRET_KEY="new-key", OLD_SECRET_KEYS=None)
    new_client = new_app.test_client()
    new_client.set_cookie(cookie_name(new_app), old_cookie)
    eq(text(new_client.get("/")), "Visit number 1", "old cookie under a new key")


@check("secret-key: a cookie signed with a key in OLD_SECRET_KEYS still loads, re-signed with the new key")
def _():
    old_app = load_app("secret-key/app.py", SECRET_KEY="old-key", OLD_SECRET_KEYS=None)
    client = old_app.test_client()
    client.get("/")
    client.get("/")
    old_cookie = session_cookie(client)
    new_app = load_app("secret-key/app.py", SECRET_KEY="new-key", OLD_SECRET_KEYS="older-key, old-key")
    eq(new_app.config["SECRET_KEY_FALLBACKS"], ["older-key", "old-key"], "parsed fallbacks")
    new_client = new_app.test_client()
    new_client.set_cookie(cookie_name(new_app), old_cookie)
    eq(text(new_client.get("/")), "Visit number 3", "old cookie with fallback")
    decode = decode_module()
    new_cookie = session_cookie(new_client)
    assert decode.verify(new_cookie, "new-key"), "new cookie is not signed with the new key"
    assert not decode.verify(new_cookie, "old-key"), "new cookie is still signed with the old key"


@check("secret-key: no_key.py raises the exact RuntimeError when the session is touched")
def _():
    app = load("secret-key/no_key.py").app
    assert not app.secret_key, "no_key.py has a secret key"
    try:
        app.test_client().get("/")
    except RuntimeError as error:
        eq(str(error), NO_KEY_MESSAGE, "message")
    else:
        raise AssertionError("GET / did not raise RuntimeError")


# 4. session-basics ----------------------------------------------------------------------------


@check("session-basics: get with default, 'in', strict KeyError -> 400, safe pop on an empty session")
def _():
    client = load_app("session-basics/app.py").test_client()
    eq(text(client.get("/get")), "Name: stranger", "/get default")
    eq(text(client.get("/has")), "no", "/has")
    response = client.get("/strict")
    eq(response.status_code, 400, "/strict status without name")
    eq(text(response), "Missing session key: 'name'", "/strict body")
    response = client.get("/pop")
    eq(response.status_code, 200, "/pop status without name")
    eq(text(response), "Removed: None", "/pop body without name")


@check("session-basics: set, get, in, strict read and pop of a stored name")
def _():
    client = load_app("session-basics/app.py").test_client()
    eq(text(client.get("/set/ada")), "Saved name: ada", "/set")
    eq(text(client.get("/get")), "Name: ada", "/get")
    eq(text(client.get("/has")), "yes", "/has")
    response = client.get("/strict")
    eq((response.status_code, text(response)), (200, "Name: ada"), "/strict")
    eq(text(client.get("/pop")), "Removed: ada", "/pop")
    eq(text(client.get("/has")), "no", "/has after pop")
    eq(text(client.get("/get")), "Name: stranger", "/get after pop")


@check("session-basics: clear() sends a cookie that deletes the session")
def _():
    client = load_app("session-basics/app.py").test_client()
    client.get("/set/ada")
    response = client.get("/clear")
    name = cookie_name(client)
    first, attrs = attributes(one_set_cookie(response, name))
    eq(first, f"{name}=", "name=value")
    eq(attrs.get("expires"), "Thu, 01 Jan 1970 00:00:00 GMT", "Expires")
    eq(attrs.get("max-age"), "0", "Max-Age")
    assert client.get_cookie(name) is None, "client still holds the session cookie"
    eq(text(client.get("/has")), "no", "/has after clear")


# 5. permanent-sessions ------------------------------------------------------------------------


def expires_of(header):
    _, attrs = attributes(header)
    value = attrs.get("expires")
    return None if value is None else parsedate_to_datetime(value)


@check("permanent-sessions: /remember sends Expires about 30 minutes ahead")
def _():
    app = load_app("permanent-sessions/app.py")
    eq(app.permanent_session_lifetime, timedelta(minutes=30), "lifetime")
    client = app.test_client()
    before = datetime.now(timezone.utc)
    expires = expires_of(one_set_cookie(client.get("/remember"), cookie_name(client)))
    assert expires is not None, "permanent cookie has no Expires"
    delta = expires - before
    assert timedelta(minutes=29) <= delta <= timedelta(minutes=31), f"Expires is {delta} ahead"
    eq(text(client.get("/whoami")), "User: ada (permanent: True)", "/whoami")


@check("permanent-sessions: a permanent cookie is re-sent on each request (sliding expiry)")
def _():
    client = load_app("permanent-sessions/app.py").test_client()
    client.get("/remember")
    header = one_set_cookie(client.get("/whoami"), cookie_name(client))
    assert expires_of(header) is not None, header


@check("permanent-sessions: /forget sends a cookie without Expires (browser-session cookie)")
def _():
    client = load_app("permanent-sessions/app.py").test_client()
    client.get("/remember")
    header = one_set_cookie(client.get("/forget"), cookie_name(client))
    _, attrs = attributes(header)
    assert "expires" not in attrs and "max-age" not in attrs, header
    eq(text(client.get("/whoami")), "User: ada (permanent: False)", "/whoami")
    eq(set_cookies(client.get("/whoami")), [], "non-permanent cookie re-sent on a read")


@check("permanent-sessions: the server rejects a permanent cookie signed longer ago than the lifetime")
def _():
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class SignerFromThePast(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 31 * 60

    def cookie_signed_with(signer):
        return URLSafeTimedSerializer(
            KEY,
            salt="cookie-session",
            serializer=TaggedJSONSerializer(),
            signer=signer,
            signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
        ).dumps({"_permanent": True, "user": "ada"})

    app = load_app("permanent-sessions/app.py")
    fresh = app.test_client()
    fresh.set_cookie(cookie_name(app), cookie_signed_with(TimestampSigner))
    eq(text(fresh.get("/whoami")), "User: ada (permanent: True)", "fresh cookie")
    stale = app.test_client()
    stale.set_cookie(cookie_name(app), cookie_signed_with(SignerFromThePast))
    eq(text(stale.get("/whoami")), "User: nobody (permanent: False)", "31-minute-old cookie")


# 6. mutable-values ----------------------------------------------------------------------------


@check("mutable-values: /add appends in place, so pear is lost and the cart stays ['apple']")
def _():
    client = load_app("mutable-values/app.py").test_client()
    eq(client.get("/add/apple").get_json(), ["apple"], "/add/apple response")
    # Inside the request the list looks right; the change just never reaches the cookie.
    eq(client.get("/add/pear").get_json(), ["apple", "pear"], "/add/pear response")
    eq(client.get("/cart").get_json(), ["apple"], "/cart")


@check("mutable-values: /add-fixed with session.modified keeps both items")
def _():
    client = load_app("mutable-values/app.py").test_client()
    client.get("/add-fixed/apple")
    client.get("/add-fixed/pear")
    eq(client.get("/cart").get_json(), ["apple", "pear"], "/cart")


@check("mutable-values: an empty cart is []")
def _():
    client = load_app("mutable-values/app.py").test_client()
    eq(client.get("/cart").get_json(), [], "/cart")


# 7. login-flow --------------------------------------------------------------------------------


def login_session(client):
    cookie = client.get_cookie(cookie_name(client))
    return {} if cookie is None else decode_module().decode_payload(cookie.value)


def assert_no_password(client):
    raw = json.dumps(login_session(client))
    assert "cookies" not in raw and "password" not in raw, f"password leaked into the session: {raw}"


@check("login-flow: USERS holds a hash, not the password")
def _():
    module = load("login-flow/app.py", SECRET_KEY=KEY)
    assert module.USERS["student"] != "cookies", "plain password stored"
    assert module.USERS["student"].startswith(("scrypt:", "pbkdf2:")), module.USERS["student"]


@check("login-flow: GET /login shows the form; /profile redirects there when logged out")
def _():
    client = load_app("login-flow/app.py").test_client()
    response = client.get("/login")
    eq(response.status_code, 200, "GET /login")
    body = text(response)
    assert '<form method="post">' in body and 'name="password"' in body, body
    response = client.get("/profile")
    eq(response.status_code, 302, "/profile logged out")
    eq(response.headers["Location"], "/login", "redirect target")


@check("login-flow: a wrong password flashes an error, re-renders the form and logs nobody in")
def _():
    client = load_app("login-flow/app.py").test_client()
    response = client.post("/login", data={"username": "student", "password": "biscuits"})
    eq(response.status_code, 200, "status")
    assert "Wrong username or password" in text(response), text(response)
    assert "user" not in login_session(client), login_session(client)
    assert_no_password(client)
    response = client.post("/login", data={"username": "nobody", "password": "cookies"})
    assert "Wrong username or password" in text(response), text(response)
    eq(client.get("/profile").status_code, 302, "/profile after failed logins")


@check("login-flow: the right password clears the session and redirects to /profile")
def _():
    client = load_app("login-flow/app.py").test_client()
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    response = client.post("/login", data={"username": "student", "password": "cookies"})
    eq(response.status_code, 302, "status")
    eq(response.headers["Location"], "/profile", "redirect target")
    data = login_session(client)
    eq(data.get("user"), "student", "session user")
    assert "planted" not in data, f"session not cleared on login: {data}"
    assert "_flashes" in data, f"flash not stored in the session: {data}"
    assert_no_password(client)


@check("login-flow: the flash appears once on /profile, then is gone")
def _():
    client = load_app("login-flow/app.py").test_client()
    client.post("/login", data={"username": "student", "password": "cookies"})
    first = text(client.get("/profile"))
    assert "Logged in" in first and "student" in first, first
    assert "_flashes" not in login_session(client), login_session(client)
    second = text(client.get("/profile"))
    assert "Logged in" not in second and "student" in second, second
    assert_no_password(client)


@check("login-flow: logout removes the user, flashes and redirects to /login")
def _():
    client = load_app("login-flow/app.py").test_client()
    client.post("/login", data={"username": "student", "password": "cookies"}, follow_redirects=True)
    eq(client.get("/logout").status_code, 405, "GET /logout (a link on another site) is refused")
    eq(client.get("/profile").status_code, 200, "still logged in after GET /logout")
    response = client.post("/logout")
    eq(response.status_code, 302, "status")
    eq(response.headers["Location"], "/login", "redirect target")
    assert "user" not in login_session(client), login_session(client)
    assert "Logged out" in text(client.get("/login"))
    eq(client.get("/profile").status_code, 302, "/profile after logout")


# 8. under-the-hood ----------------------------------------------------------------------------


def under_the_hood_cookie():
    app = load_app("under-the-hood/app.py")
    client = app.test_client()
    client.get("/")
    return app, session_cookie(client)


@check("under-the-hood: decode_payload reads the app's cookie without any key")
def _():
    _, cookie = under_the_hood_cookie()
    eq(cookie.count("."), 2, "payload.timestamp.signature")
    eq(decode_module().decode_payload(cookie), {"user": "ada", "theme": "dark"}, "payload")


@check("under-the-hood: decode_payload handles a zlib-compressed ('.'-prefixed) cookie")
def _():
    app = load_app("under-the-hood/app.py")
    data = {"user": "ada", "notes": "cookie " * 60}
    cookie = app.session_interface.get_signing_serializer(app).dumps(data)
    assert cookie.startswith("."), "expected a compressed cookie"
    decode = decode_module()
    eq(decode.decode_payload(cookie), data, "payload")
    assert decode.verify(cookie, KEY), "compressed cookie does not verify"


@check("under-the-hood: signed_at is the time the cookie was made")
def _():
    before = datetime.now(timezone.utc).replace(microsecond=0)
    _, cookie = under_the_hood_cookie()
    stamp = decode_module().signed_at(cookie)
    after = datetime.now(timezone.utc)
    assert stamp.tzinfo is not None, "naive datetime"
    assert before <= stamp <= after, f"{stamp} not between {before} and {after}"


@check("under-the-hood: verify is True with the right key, False with a wrong key or a tampered cookie")
def _():
    _, cookie = under_the_hood_cookie()
    decode = decode_module()
    assert decode.verify(cookie, KEY) is True, "right key"
    assert decode.verify(cookie, "wrong-key") is False, "wrong key"
    payload, timestamp, signature = cookie.split(".")
    forged = base64.urlsafe_b64encode(b'{"theme":"dark","user":"admin"}').rstrip(b"=").decode()
    tampered = f"{forged}.{timestamp}.{signature}"
    eq(decode.decode_payload(tampered)["user"], "admin", "tampered payload still reads")
    assert decode.verify(tampered, KEY) is False, "tampered cookie verified"
    # Change the first character: the last one may differ only in base64 padding bits.
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    assert decode.verify(f"{payload}.{timestamp}.{flipped}", KEY) is False, "altered signature verified"


@check("under-the-hood: Flask silently opens an empty session for a tampered cookie")
def _():
    app, cookie = under_the_hood_cookie()
    payload, timestamp, signature = cookie.split(".")
    forged = base64.urlsafe_b64encode(b'{"theme":"dark","user":"admin"}').rstrip(b"=").decode()
    for value, expected in ((cookie, {"user": "ada", "theme": "dark"}), (f"{forged}.{timestamp}.{signature}", {})):
        with app.test_request_context("/", headers={"Cookie": f"{cookie_name(app)}={value}"}):
            opened = app.session_interface.open_session(app, __import__("flask").request)
            eq(dict(opened), expected, "opened session")


@check("under-the-hood: python decode.py COOKIE KEY prints payload, time and a valid signature")
def _():
    _, cookie = under_the_hood_cookie()
    RAN.add("under-the-hood/decode.py")
    script = str(EXAMPLES / "under-the-hood" / "decode.py")
    run = subprocess.run([sys.executable, script, cookie, KEY], capture_output=True, text=True, timeout=60)
    eq(run.returncode, 0, f"exit status (stderr: {run.stderr})")
    assert '"user": "ada"' in run.stdout and '"theme": "dark"' in run.stdout, run.stdout
    assert "signed at:" in run.stdout and "signature: valid" in run.stdout, run.stdout
    run = subprocess.run([sys.executable, script, cookie, "wrong"], capture_output=True, text=True, timeout=60)
    assert "signature: INVALID" in run.stdout, run.stdout
    run = subprocess.run([sys.executable, script, cookie], capture_output=True, text=True, timeout=60)
    eq(run.returncode, 0, "exit status without key")
    assert "signature" not in run.stdout, run.stdout


# 9. server-side-sessions ----------------------------------------------------------------------


def assert_opaque_id(sid):
    assert re.fullmatch(r"[A-Za-z0-9_-]{40,}", sid), f"not an opaque id: {sid!r}"
    assert "ada" not in sid, sid


@check("server-side-sessions (redis): the cookie is an opaque id and the data lives under session:<id>")
def _():
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            raise AssertionError("REDIS_URL is not set, and CI requires the Redis check")
        raise Skip("REDIS_URL not set")
    import redis

    app = load_app("server-side-sessions/app.py", REDIS_URL=url)
    store = app.config["SESSION_REDIS"]
    assert isinstance(store, redis.Redis), f"SESSION_REDIS is {type(store).__name__}, not a client"
    eq(store.connection_pool.connection_kwargs.get("port"), redis.from_url(url).connection_pool.connection_kwargs.get("port"), "port")
    client = app.test_client()
    eq(text(client.get("/")), "Stored user in Redis", "/")
    sid = session_cookie(client)
    try:
        assert_opaque_id(sid)
        record = store.get("session:" + sid)
        assert record is not None, f"no key session:{sid} in Redis"
        assert b"ada" in record, record
        assert store.ttl("session:" + sid) > 0, "stored session has no expiry"
        eq(text(client.get("/show")), "User: ada", "/show")
        eq(text(app.test_client().get("/show")), "User: nobody", "/show from another browser")
        store.delete("session:" + sid)
        eq(text(client.get("/show")), "User: nobody", "/show after deleting the record (revoked)")
    finally:
        store.delete("session:" + sid)


@check("server-side-sessions (sqlalchemy): the cookie is an opaque id and the row is in SQLite")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "sessions.db"
        module = load(
            "server-side-sessions/app_sqlalchemy.py",
            SECRET_KEY=KEY,
            SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}",
        )
        app = module.app
        try:
            client = app.test_client()
            eq(text(client.get("/")), "Stored user in the database", "/")
            sid = session_cookie(client)
            assert_opaque_id(sid)
            with contextlib.closing(sqlite3.connect(database)) as connection:
                rows = connection.execute(
                    "SELECT data, expiry FROM sessions WHERE session_id = ?", ("session:" + sid,)
                ).fetchall()
            eq(len(rows), 1, "rows for this session")
            assert b"ada" in rows[0][0], rows
            eq(text(client.get("/show")), "User: ada", "/show")
            eq(text(app.test_client().get("/show")), "User: nobody", "/show from another browser")
        finally:
            with app.app_context():
                module.db.session.remove()
                module.db.engine.dispose()


# 10. security-checklist -----------------------------------------------------------------------


def checklist_client():
    from flask.testing import FlaskClient

    class HTTPSClient(FlaskClient):
        # Secure cookies belong to HTTPS: make every test request an https:// one.
        def open(self, *args, **kwargs):
            if not args or isinstance(args[0], str):
                kwargs.setdefault("base_url", "https://localhost")
            return super().open(*args, **kwargs)

    app = load_app("security-checklist/app.py")
    app.test_client_class = HTTPSClient
    client = app.test_client()
    assert client.get("/").request.scheme == "https", "test requests are not HTTPS"
    return app, client


@check("security-checklist: the session cookie has Secure, HttpOnly, SameSite=Lax and an Expires")
def _():
    app, client = checklist_client()
    eq(app.config["PERMANENT_SESSION_LIFETIME"], timedelta(hours=8), "lifetime")
    response = client.post("/login", data={"username": "student", "password": "cookies"})
    eq(response.status_code, 302, "login status")
    _, attrs = attributes(one_set_cookie(response, cookie_name(client)))
    assert attrs.get("secure") is True, attrs
    assert attrs.get("httponly") is True, attrs
    eq(attrs.get("samesite"), "Lax", "SameSite")
    assert "expires" in attrs, attrs
    eq(text(client.get("/")), "Signed in as student", "/")


@check("security-checklist: login clears planted data, keeps no password; logout clears the session")
def _():
    _, client = checklist_client()
    eq(client.post("/login", data={"username": "student", "password": "nope"}).status_code, 403, "wrong password")
    with client.session_transaction() as sess:
        sess["planted"] = "x"
    client.post("/login", data={"username": "student", "password": "cookies"})
    data = decode_module().decode_payload(session_cookie(client))
    eq(data, {"_permanent": True, "user": "student"}, "session after login")
    response = client.post("/logout")
    _, attrs = attributes(one_set_cookie(response, cookie_name(client)))
    eq(attrs.get("max-age"), "0", "deletion cookie")
    eq(text(client.get("/")), "Not signed in", "/ after logout")


# Claims the lessons make about Flask itself ------------------------------------------------------


SESSION_EXAMPLES = (
    "secret-key/app.py",
    "session-basics/app.py",
    "permanent-sessions/app.py",
    "mutable-values/app.py",
    "login-flow/app.py",
    "under-the-hood/app.py",
    "security-checklist/app.py",
    "server-side-sessions/app_sqlalchemy.py",
)


@check("course: the installed packages are at least the course's minimum (Flask 3.1.3)")
def _():
    from importlib.metadata import version

    def parts(text):
        return tuple(int(p) for p in re.findall(r"\d+", text)[:3])

    assert parts(version("flask")) >= (3, 1, 3), version("flask")
    assert parts(version("werkzeug")) >= (3, 1), version("werkzeug")


@check("course: every session example uses its own cookie name, never the default 'session'")
def _():
    names = {}
    with tempfile.TemporaryDirectory() as tmp:
        for relative in SESSION_EXAMPLES:
            module = load(relative, SECRET_KEY=KEY, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp}/n.db")
            names[relative] = cookie_name(module.app)
            if hasattr(module, "db"):
                with module.app.app_context():
                    module.db.engine.dispose()
    # Importing the Redis example connects to nothing (redis.from_url is lazy), so it runs here too.
    module = load("server-side-sessions/app.py", SECRET_KEY=KEY, REDIS_URL="redis://127.0.0.1:1/0")
    names["server-side-sessions/app.py"] = cookie_name(module.app)
    assert "session" not in names.values(), names
    eq(len(set(names.values())), len(names), f"cookie names are not unique: {names}")
    # The English lesson that runs each example names its cookie, so learners know what to look for.
    for relative, name in names.items():
        lesson = (ROOT / "content" / "en" / (relative.split("/")[0] + ".md")).read_text()
        assert f"`{name}`" in lesson, f"content/en/{relative.split('/')[0]}.md never names the cookie `{name}`"


@check("cookies: request.cookies['x'] for a missing cookie is a 400 with debug off, a traceback with --debug")
def _():
    from flask import Flask, request
    from werkzeug.exceptions import BadRequestKeyError

    app = Flask(__name__)

    @app.route("/")
    def strict():
        return request.cookies["theme"]

    eq(app.test_client().get("/").status_code, 400, "debug off")
    app.debug = True
    try:
        app.test_client().get("/")
    except BadRequestKeyError:
        pass
    else:
        raise AssertionError("with debug on, BadRequestKeyError did not propagate to the debugger")


@check("session-basics: 'in' alone on a session makes Flask add Vary: Cookie (Flask >= 3.1.3)")
def _():
    client = load_app("session-basics/app.py").test_client()
    client.get("/set/ada")
    response = client.get("/has")
    eq(text(response), "yes", "/has")
    assert "Cookie" in response.headers.get("Vary", ""), response.headers
    eq(set_cookies(response), [], "a read sends no cookie")


@check("session-basics: Flask's JSON converts date, Decimal, dataclass and int keys; naive datetimes come back aware; a set fails")
def _():
    import dataclasses
    from datetime import date
    from decimal import Decimal

    @dataclasses.dataclass
    class Point:
        x: int

    app = load_app("session-basics/app.py")
    serializer = app.session_interface.get_signing_serializer(app)
    data = {"d": date(2026, 1, 2), "price": Decimal("1.50"), "p": Point(3), "t": (1, 2), 1: "one",
            "dt": datetime(2026, 1, 2, 3, 4, 5)}
    back = serializer.loads(serializer.dumps(data))
    eq(back["d"], "Fri, 02 Jan 2026 00:00:00 GMT", "date becomes an HTTP date string")
    eq(back["price"], "1.50", "Decimal becomes a string")
    eq(back["p"], {"x": 3}, "dataclass becomes a dict")
    eq(back["t"], (1, 2), "tuple is tagged and kept")
    eq(back["1"], "one", "int key becomes a string")
    eq(back["dt"], datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc), "naive datetime comes back aware (UTC)")
    try:
        serializer.dumps({"s": {1, 2}})
    except TypeError:
        pass
    else:
        raise AssertionError("a set was accepted")


@check("permanent-sessions: a NON-permanent cookie older than the lifetime is rejected too, and never refreshed")
def _():
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class SignerFromThePast(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 31 * 60

    app = load_app("permanent-sessions/app.py")
    old = URLSafeTimedSerializer(
        KEY, salt="cookie-session", serializer=TaggedJSONSerializer(), signer=SignerFromThePast,
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    ).dumps({"user": "ada"})
    client = app.test_client()
    client.set_cookie(cookie_name(app), old)
    eq(text(client.get("/whoami")), "User: nobody (permanent: False)", "31-minute-old non-permanent cookie")


@check("login-flow: an unknown username is checked against a hash too and gets the same answer")
def _():
    module = load("login-flow/app.py", SECRET_KEY=KEY)
    calls = []
    real = module.check_password_hash

    def counting(password_hash, password):
        calls.append(password_hash)
        return real(password_hash, password)

    module.check_password_hash = counting
    client = module.app.test_client()
    wrong_password = client.post("/login", data={"username": "student", "password": "nope"})
    unknown_user = client.post("/login", data={"username": "nobody", "password": "nope"})
    eq(len(calls), 2, "check_password_hash calls (one per attempt)")
    eq((unknown_user.status_code, text(unknown_user)), (wrong_password.status_code, text(wrong_password)),
       "unknown user vs wrong password")


@check("login-flow: the session cookie has SameSite=Lax and logout is a POST form")
def _():
    client = load_app("login-flow/app.py").test_client()
    response = client.post("/login", data={"username": "student", "password": "cookies"})
    _, attrs = attributes(one_set_cookie(response, cookie_name(client)))
    eq(attrs.get("samesite"), "Lax", "SameSite")
    body = text(client.get("/profile"))
    assert '<form method="post" action="/logout">' in body, body
    assert 'href="/logout"' not in body, body


@check("login-flow: a cookie planted before login never becomes logged in (no fixation with signed cookies)")
def _():
    app = load_app("login-flow/app.py")
    attacker = app.test_client()
    with attacker.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    planted = session_cookie(attacker)
    victim = app.test_client()
    victim.set_cookie(cookie_name(app), planted)
    victim.post("/login", data={"username": "student", "password": "cookies"})
    assert session_cookie(victim) != planted, "login kept the planted cookie"
    eq(attacker.get("/profile").status_code, 302, "the attacker's copy is still logged out")


@check("under-the-hood: decode.py rejects a cookie older than max_age, as Flask does, and knows fallback keys")
def _():
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class SignerFromThePast(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 32 * 24 * 60 * 60

    app = load_app("under-the-hood/app.py")
    old = URLSafeTimedSerializer(
        KEY, salt="cookie-session", serializer=TaggedJSONSerializer(), signer=SignerFromThePast,
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    ).dumps({"user": "ada"})
    decode = decode_module()
    eq(decode.check(old, KEY), "expired", "32-day-old cookie, default max_age")
    with app.test_request_context("/", headers={"Cookie": f"{cookie_name(app)}={old}"}):
        eq(dict(app.session_interface.open_session(app, __import__("flask").request)), {}, "Flask opens")
    eq(decode.check(old, KEY, max_age=None), "valid", "without an age limit")
    _, cookie = under_the_hood_cookie()
    eq(decode.check(cookie, "new-key", ["older", KEY]), "valid", "old key given as a fallback")
    eq(decode.check(cookie, "new-key", ["older"]), "invalid", "old key missing")


@check("under-the-hood: decode.py prints INVALID for every one-character tamper, never a traceback")
def _():
    import io

    _, cookie = under_the_hood_cookie()
    decode = decode_module()
    failures = []
    for i in range(len(cookie) - 1):  # the last character may differ only in padding bits
        for ch in "A_.":
            if cookie[i] == ch:
                continue
            tampered = cookie[:i] + ch + cookie[i + 1:]
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                    status = decode.main(["decode.py", tampered, KEY])
            except Exception as error:  # noqa: BLE001
                failures.append((tampered, repr(error)))
                continue
            if status != 1 or "signature: INVALID" not in out.getvalue() or "payload" in out.getvalue():
                failures.append((tampered, out.getvalue()))
    eq(failures, [], "tampered cookies not reported as INVALID before decoding")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = decode.main(["decode.py", "not-a-cookie"])
    eq(status, 1, "garbage without a key")
    assert "cannot decode" in out.getvalue(), out.getvalue()


@check("server-side-sessions (redis): every request with the cookie writes the record; the in-place append is kept")
def _():
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            raise AssertionError("REDIS_URL is not set, and CI requires the Redis check")
        raise Skip("REDIS_URL not set")
    app = load_app("server-side-sessions/app.py", REDIS_URL=url)
    store = app.config["SESSION_REDIS"]
    client = app.test_client()
    client.get("/")
    sid = session_cookie(client)
    try:
        store.expire("session:" + sid, 5)
        eq(text(client.get("/show")), "User: ada", "/show (a read-only view)")
        assert store.ttl("session:" + sid) > 60, "a read-only request did not write the record back"
        store.expire("session:" + sid, 5)
        client.get("/static/missing.css")  # even a static-file request opens and saves the session
        assert store.ttl("session:" + sid) > 60, "a static-file request did not write the record back"
        client.get("/add/apple")
        eq(client.get("/add/pear").get_json(), ["apple", "pear"], "/add/pear")
        eq(client.get("/add/plum").get_json(), ["apple", "pear", "plum"], "in-place appends are kept")
    finally:
        store.delete("session:" + sid)


@check("cookies: set_cookie() does not change request.cookies in the same request (quiz q3)")
def _():
    from flask import Flask, make_response, request

    app = Flask(__name__)

    @app.route("/")
    def view():
        response = make_response("hi")
        response.set_cookie("theme", "dark")
        response.headers["X-Theme"] = repr(request.cookies.get("theme"))
        return response

    client = app.test_client()
    eq(client.get("/").headers["X-Theme"], "None", "first request")
    eq(client.get("/").headers["X-Theme"], "'dark'", "next request")


@check("cookies: deleting a SameSite=None / Partitioned cookie repeats them, in the lesson's header order")
def _():
    from werkzeug.wrappers import Response

    response = Response()
    response.set_cookie("embed", "1", secure=True, samesite="None", partitioned=True)
    response.delete_cookie("embed", secure=True, samesite="None", partitioned=True)
    set_header, delete_header = set_cookies(response)
    eq(set_header, "embed=1; Secure; Path=/; SameSite=None; Partitioned", "set")
    eq(delete_header,
       "embed=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; Path=/; SameSite=None; Partitioned",
       "delete")


@check("cookies: Flask's session cookie has no SameSite and no Partitioned unless configured")
def _():
    from flask import Flask, session

    app = Flask(__name__)
    app.secret_key = KEY
    eq(app.config["SESSION_COOKIE_SAMESITE"], None, "default SESSION_COOKIE_SAMESITE")
    eq(app.config["SESSION_COOKIE_PARTITIONED"], False, "default SESSION_COOKIE_PARTITIONED")

    @app.route("/")
    def view():
        session["x"] = 1
        return "ok"

    _, attrs = attributes(one_set_cookie(app.test_client().get("/"), "session"))
    assert "samesite" not in attrs and "partitioned" not in attrs, attrs
    assert attrs.get("httponly") is True, attrs


@check("under-the-hood: decode.py prints what the lesson shows for the lesson's own cookies")
def _():
    import io

    decode = decode_module()
    key = "correct horse battery staple"
    lesson_cookie = "eyJ1c2VyX2lkIjo0Mn0.Zln2BQ.H9d74VFhgwnM87Kv_Q1uiEXj9sc"
    tampered = "eyJ1c2VyX2lkIjoxfQ.Zln2BQ.H9d74VFhgwnM87Kv_Q1uiEXj9sc"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = decode.main(["decode.py", lesson_cookie, key])
    eq(out.getvalue().splitlines(), [
        "signature: valid, but EXPIRED (older than 2678400 s; Flask would ignore it)",
        'payload:   {"user_id": 42}',
        "signed at: 2024-05-31T16:08:37+00:00",
    ], "lesson cookie")
    eq(status, 1, "exit status for an expired cookie")
    eq(decode.check(lesson_cookie, key, max_age=None), "valid", "signature itself")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        decode.main(["decode.py", tampered, key])
    eq(out.getvalue().splitlines(), ["signature: INVALID (Flask would ignore this cookie and start an empty session)"],
       "tampered cookie")
    eq(decode.decode_payload(tampered), {"user_id": 1}, "the tampered payload still decodes without a key")


@check("security-checklist: an unknown user and a wrong password get the same 403, both checked against a hash")
def _():
    _, client = checklist_client()
    module_globals = client.application.view_functions["login"].__globals__
    calls = []
    real = module_globals["check_password_hash"]

    def counting(password_hash, password):
        calls.append(password_hash)
        return real(password_hash, password)

    module_globals["check_password_hash"] = counting
    wrong_password = client.post("/login", data={"username": "student", "password": "nope"})
    unknown_user = client.post("/login", data={"username": "nobody", "password": "nope"})
    eq(len(calls), 2, "check_password_hash calls")
    eq((unknown_user.status_code, text(unknown_user)), (wrong_password.status_code, text(wrong_password)), "answers")
    eq(unknown_user.status_code, 403, "status")
    assert "WWW-Authenticate" not in unknown_user.headers, unknown_user.headers


@check("server-side-sessions (redis): clear() keeps the planted id; regenerate() after storing the user moves to a new one")
def _():
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            raise AssertionError("REDIS_URL is not set, and CI requires the Redis check")
        raise Skip("REDIS_URL not set")
    import redis
    from flask import Flask, session
    from flask_session import Session

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, SESSION_TYPE="redis", SESSION_REDIS=redis.from_url(url),
                      SESSION_COOKIE_NAME="fixation_check")
    Session(app)

    @app.route("/plant")
    def plant():
        session["planted"] = True
        return "planted"

    @app.route("/login-clear-only")
    def login_clear_only():
        session.clear()
        session["user"] = "ada"
        return "in"

    @app.route("/login")
    def login():
        session.clear()
        session["user"] = "ada"
        app.session_interface.regenerate(session)
        return "in"

    store = app.config["SESSION_REDIS"]
    ids = []
    try:
        for route, keeps_id in (("/login-clear-only", True), ("/login", False)):
            client = app.test_client()
            client.get("/plant")
            planted = session_cookie(client)
            client.get(route)
            after = session_cookie(client)
            ids += [planted, after]
            eq(after == planted, keeps_id, f"{route} keeps the planted id")
            if not keeps_id:
                eq(store.exists("session:" + planted), 0, "old record deleted by regenerate()")
                assert b"ada" in store.get("session:" + after), "user not stored under the new id"
    finally:
        for sid in ids:
            store.delete("session:" + sid)


# Lessons 0 and 11-16 keep their checks in files of their own, run with this module's helpers.
for _extra in sorted(Path(__file__).parent.glob("lesson_*.py")):
    exec(compile(_extra.read_text(encoding="utf-8"), str(_extra), "exec"), dict(globals()))


# Exercises: the starting code fails its hidden assertions and the reference fix passes them ---

EXERCISES = ROOT / "content" / "exercises"


class ExpectationFailed(Exception):
    pass


def run_exercise(code_path, check_path):
    """Run check.py's `check(app, expect)` on the app in code_path, as the browser's worker does.

    Returns (failed message id or None, ids that passed)."""
    passed = []

    def expect(ok, message):
        if not ok:
            raise ExpectationFailed(message)
        passed.append(message)

    import types

    module = types.ModuleType("app")
    # As in the browser's worker: a check can reach the learner's module.
    sys.modules["app"] = module
    with environ(SECRET_KEY="dev-only-not-secret"):
        exec(compile(code_path.read_text(encoding="utf-8"), "app.py", "exec"), module.__dict__)
        checks = {"__name__": "check"}
        exec(compile(check_path.read_text(encoding="utf-8"), "check.py", "exec"), checks)
        try:
            checks["check"](module.app, expect)
        except ExpectationFailed as failed:
            return str(failed), passed
    return None, passed


def exercise_check(folder):
    def run():
        failed, _ = run_exercise(folder / "solution.py", folder / "check.py")
        assert failed is None, f"the reference fix fails {failed!r}"
        failed, passed = run_exercise(folder / "start.py", folder / "check.py")
        assert failed is not None, "the starting code passes every assertion: nothing to fix"
        ids = set(re.findall(r"expect\([^\n]*?[\"'](" + re.escape(folder.name) + r"-[a-z0-9-]+)[\"']", (folder / "check.py").read_text()))
        assert failed in ids, f"failed on {failed!r}, which is not one of check.py's messages {ids}"
        print(f"ran exercise {folder.name}: starting code fails {failed!r}")

    return run


for _folder in sorted(p for p in EXERCISES.glob("*") if p.is_dir()) if EXERCISES.is_dir() else []:
    CHECKS.append((f"exercise {_folder.name}: the fix passes, the starting code fails", exercise_check(_folder)))


# ----------------------------------------------------------------------------------------------


def main():
    os.chdir(ROOT)
    for name, func in CHECKS:
        try:
            func()
        except Skip as reason:
            print(f"SKIPPED {name}: {reason}")
        except AssertionError as error:
            results["failed"] += 1
            print(f"FAIL {name}: {error}")
        except Exception:
            results["failed"] += 1
            print(f"FAIL {name}: unexpected error")
            traceback.print_exc(file=sys.stdout)
        else:
            results["passed"] += 1
            print(f"ok  {name}")
    for relative in sorted(RAN):
        print(f"ran {relative}")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
