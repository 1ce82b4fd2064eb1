# Checks for lesson 14, "Testing sessions" (content/en/testing-sessions.md,
# content/examples/testing-sessions/ and content/exercises/testing-sessions-test-cart/).
# Executed by check_examples.py with its helpers (check, load, load_app, eq, KEY, RAN, ...).

import shutil as _shutil
from unittest import mock as _mock

_TS_DIR = EXAMPLES / "testing-sessions"
_TS_TESTS = (
    "test_cart_keeps_every_item",
    "test_login_sends_a_permanent_cookie",
    "test_planted_user_is_seen",
    "test_a_cookie_older_than_30_minutes_is_refused",
)
_NO_CONTEXT = "Working outside of request context."


def _ts_pytest(folder):
    """Run real pytest on test_app.py in folder; return (exit code, output, failed test names)."""
    env = dict(os.environ, SECRET_KEY=KEY, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTEST_ADDOPTS", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_app.py"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120,
    )
    output = run.stdout + run.stderr
    return run.returncode, output, set(re.findall(r"^FAILED test_app\.py::(\w+)", output, re.M))


def _ts_broken(old, new, test_old=None, test_new=None):
    """Copy the example to a temporary folder with one change to app.py (and test_app.py), run pytest."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, (a, b) in (("app.py", (old, new)), ("test_app.py", (test_old, test_new))):
            source = (_TS_DIR / name).read_text(encoding="utf-8")
            if a is not None:
                assert source.count(a) == 1, f"{name} does not contain {a!r} exactly once"
                source = source.replace(a, b)
            Path(tmp, name).write_text(source, encoding="utf-8")
        return _ts_pytest(tmp)


def _ts_app():
    return load_app("testing-sessions/app.py")


@check("14 testing-sessions: test_app.py passes under real pytest 9.2.0, leaving no cache behind")
def _():
    from importlib.metadata import version

    eq(version("pytest"), "9.2.0", "pytest version")
    RAN.add("testing-sessions/test_app.py")
    before = sorted(p.name for p in _TS_DIR.iterdir())
    code, output, failed = _ts_pytest(_TS_DIR)
    eq(code, 0, f"pytest exit code\n{output}")
    assert f"{len(_TS_TESTS)} passed" in output, output
    eq(failed, set(), "failed tests")
    eq(sorted(p.name for p in _TS_DIR.iterdir()), before, "files in content/examples/testing-sessions after pytest")
    source = (_TS_DIR / "test_app.py").read_text(encoding="utf-8")
    eq(tuple(re.findall(r"^def (test_\w+)", source, re.M)), _TS_TESTS, "the lesson's test names")
    assert len(source.splitlines()) <= 60 and len((_TS_DIR / "app.py").read_text().splitlines()) <= 60


@check("14 testing-sessions: with the in-place append bug only test_cart_keeps_every_item fails")
def _():
    code, output, failed = _ts_broken(
        'cart = session.get("cart", [])\n    cart.append(item)\n    session["cart"] = cart',
        'session.setdefault("cart", [])\n    session["cart"].append(item)\n    cart = session["cart"]',
    )
    assert code != 0, output
    eq(failed, {"test_cart_keeps_every_item"}, "failed tests")


@check("14 testing-sessions: without session.permanent only the Expires test fails")
def _():
    code, output, failed = _ts_broken("    session.permanent = True", "    pass")
    assert code != 0, output
    eq(failed, {"test_login_sends_a_permanent_cookie"}, "failed tests")


@check("14 testing-sessions: with the default 31-day lifetime the Expires test and the 31-minute test fail")
def _():
    code, output, failed = _ts_broken(
        'app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=30)', "pass")
    assert code != 0, output
    eq(failed, {"test_login_sends_a_permanent_cookie", "test_a_cookie_older_than_30_minutes_is_refused"},
       "failed tests")


@check("14 testing-sessions: a broken login fails the 31-minute test only because of its first assert")
def _():
    broken = ('session["user"] = request.form["user"]', 'session["name"] = request.form["user"]')
    code, output, failed = _ts_broken(*broken)
    assert "test_a_cookie_older_than_30_minutes_is_refused" in failed, output
    # Without the "first prove that the login worked" line, the test passes on the broken login.
    line = '    assert client.get("/me").text == "ada"  # first prove that the login worked\n'
    code, output, failed = _ts_broken(*broken, test_old=line, test_new="")
    assert "test_a_cookie_older_than_30_minutes_is_refused" not in failed, output


@check("14 testing-sessions: after client.get without 'with client', session raises 'Working outside of request context.'")
def _():
    from flask import session

    client = _ts_app().test_client()
    client.post("/add/apple")
    try:
        session["cart"]
    except RuntimeError as error:
        eq(str(error).splitlines()[0], _NO_CONTEXT, "message")
    else:
        raise AssertionError("session was readable outside a request")


@check("14 testing-sessions: inside 'with client' session, request and g survive the request; the in-memory session hides the lost append")
def _():
    from flask import g, request, session

    app = load_app("mutable-values/app.py")  # lesson 6: /add appends in place

    @app.before_request
    def remember():
        g.seen = request.path

    client = app.test_client()
    with client:
        client.get("/add/apple")
        response = client.get("/add/pear")
        eq(session["cart"], ["apple", "pear"], "session in memory after /add/pear")
        eq(session.modified, False, "session.modified after the in-place append")
        eq((request.path, g.seen), ("/add/pear", "/add/pear"), "request and g after the request")
        eq(response.headers.getlist("Set-Cookie"), [], "Set-Cookie of /add/pear")
        eq(client.get("/cart").get_json(), ["apple"], "/cart in the next request")
        eq(session["cart"], ["apple"], "session after /cart (loaded from the cookie)")
    try:
        session.get("cart")
    except RuntimeError as error:
        eq(str(error).splitlines()[0], _NO_CONTEXT, "after the with block")
    else:
        raise AssertionError("the context survived the with block")
    try:
        with client:
            with client:
                pass
    except RuntimeError as error:
        eq(str(error), "Cannot nest client invocations", "nested with client")
    else:
        raise AssertionError("nested 'with client' was accepted")


@check("14 testing-sessions: session_transaction reads the cookie, plants values, and without a secret key fails")
def _():
    from flask import Flask, session

    client = _ts_app().test_client()
    client.post("/add/apple")
    with client.session_transaction() as sess:
        eq(dict(sess), {"cart": ["apple"]}, "session read from the client's cookie")
        sess["user"] = "grace"
    eq(client.get("/me").text, "grace", "planted user")
    eq(client.get("/cart").get_json(), ["apple"], "cart kept next to the planted user")

    no_key = Flask("no_key_app", root_path=str(ROOT), static_folder=None)

    @no_key.route("/")
    def write():
        session["x"] = 1
        return "ok"

    no_key.testing = True  # let the RuntimeError reach the test instead of a 500
    no_key_client = no_key.test_client()
    try:
        with no_key_client.session_transaction():
            pass
    except RuntimeError as error:
        eq(str(error), "Session backend did not open a session.", "session_transaction without a key")
    else:
        raise AssertionError("session_transaction worked without a secret key")
    try:
        no_key_client.get("/")
    except RuntimeError as error:
        eq(str(error), NO_KEY_MESSAGE, "writing the session in a request without a key")
    else:
        raise AssertionError("writing the session worked without a secret key")


@check("14 testing-sessions: get_cookie returns a Cookie with expires, http_only, secure, same_site, path, domain; None when absent")
def _():
    client = _ts_app().test_client()
    assert client.get_cookie("testing_session") is None, "cookie before any request"
    assert not hasattr(client, "cookie_jar"), "client.cookie_jar still exists"
    try:
        client.set_cookie("localhost", "testing_session", "x")
    except TypeError:
        pass
    else:
        raise AssertionError("the old set_cookie(server_name, key, value) form still works")
    response = client.post("/login", data={"user": "ada"})
    headers = response.headers.getlist("Set-Cookie")
    eq(len(headers), 1, "Set-Cookie headers")
    assert headers[0].startswith("testing_session=") and "; Expires=" in headers[0], headers
    cookie = client.get_cookie("testing_session")
    eq(cookie.key, "testing_session", "key")
    assert cookie.value == headers[0].split(";")[0].split("=", 1)[1], cookie
    eq((cookie.http_only, cookie.secure, cookie.same_site, cookie.path, cookie.domain, cookie.max_age),
       (True, False, None, "/", "localhost", None), "attributes")
    eq(cookie.expires.tzinfo, timezone.utc, "expires is an aware UTC datetime")
    eq(cookie.expires.microsecond, 0, "expires has whole seconds")
    delta = cookie.expires - datetime.now(timezone.utc)
    assert timedelta(minutes=29) < delta <= timedelta(minutes=30), delta


@check("14 testing-sessions: set_cookie plants a raw value (a bad one gives an empty session), delete_cookie forgets it")
def _():
    app = _ts_app()
    client = app.test_client()
    client.post("/login", data={"user": "ada"})
    good = session_cookie(client)
    client.delete_cookie("testing_session")
    assert client.get_cookie("testing_session") is None
    eq(client.get("/me").text, "nobody", "after delete_cookie")
    client.set_cookie("testing_session", good)
    eq(client.get("/me").text, "ada", "the copied value planted in another jar")
    client.set_cookie("testing_session", good[:-2] + ("AA" if not good.endswith("AA") else "BB"))
    eq(client.get("/me").text, "nobody", "a tampered value")
    eq(app.test_client().get("/me").text, "nobody", "every test_client() has its own empty jar")


@check("14 testing-sessions: the test client ignores Expires dates, Secure and SameSite; only Max-Age=0 or 1970 deletes")
def _():
    from flask import Flask, make_response, request

    app = Flask("jar_app", root_path=str(ROOT), static_folder=None)

    @app.route("/set")
    def set_secure():
        response = make_response("set")
        response.set_cookie("s", "1", secure=True, samesite="Strict")
        return response

    @app.route("/")
    def read():
        return repr((request.cookies.get("old"), request.cookies.get("s")))

    client = app.test_client()
    client.get("/set")
    client.set_cookie("old", "v", expires=datetime(2000, 1, 1, tzinfo=timezone.utc))
    eq(client.get("/").text, "('v', '1')", "expired and Secure cookies over http://localhost")
    client.set_cookie("old", "", max_age=0)
    eq(client.get_cookie("old"), None, "Max-Age=0 deletes")


@check("14 testing-sessions: TESTING=True makes a view's exception reach the test instead of a 500; abort() stays a response")
def _():
    from flask import Flask, abort

    app = Flask("testing_flag", root_path=str(ROOT), static_folder=None)

    @app.route("/boom")
    def boom():
        return {}["missing"]

    @app.route("/gone")
    def gone():
        abort(404)

    app.logger.disabled = True
    try:
        eq(app.test_client().get("/boom").status_code, 500, "TESTING off")
    finally:
        app.logger.disabled = False
    app.config.update(TESTING=True)
    assert app.testing
    try:
        app.test_client().get("/boom")
    except KeyError:
        pass
    else:
        raise AssertionError("the exception did not propagate with TESTING=True")
    eq(app.test_client().get("/gone").status_code, 404, "abort(404) with TESTING")

    handled = Flask("testing_handled", root_path=str(ROOT), static_folder=None)
    handled.config.update(TESTING=True)

    @handled.errorhandler(KeyError)
    def missing(error):
        return "handled", 400

    @handled.route("/boom")
    def boom_handled():
        return {}["missing"]

    eq(handled.test_client().get("/boom").status_code, 400, "an exception with a handler, TESTING on")
    # TESTING does not change when the session is saved: the lost append stays lost.
    lost = load_app("mutable-values/app.py")
    lost.config.update(TESTING=True)
    client = lost.test_client()
    client.get("/add/apple")
    client.get("/add/pear")
    eq(client.get("/cart").get_json(), ["apple"], "/cart with TESTING=True")


@check("14 testing-sessions: itsdangerous reads time.time(); patching itsdangerous.timed.time.time moves every time.time, not Flask's Expires")
def _():
    import itsdangerous.timed
    from itsdangerous import TimestampSigner

    assert itsdangerous.timed.time is time, "itsdangerous.timed.time is the time module itself"
    assert "time.time()" in __import__("inspect").getsource(TimestampSigner.get_timestamp)
    app = _ts_app()
    client = app.test_client()
    start = time.time()
    with _mock.patch("itsdangerous.timed.time.time", return_value=start):
        client.post("/login", data={"user": "ada"})
        signed = int(start)
    expires = client.get_cookie("testing_session").expires
    with _mock.patch("itsdangerous.timed.time.time", return_value=signed + 24 * 3600):
        eq(int(time.time()), signed + 24 * 3600, "time.time is patched for everyone")
        other = app.test_client()
        other.post("/login", data={"user": "ada"})
    eq(other.get_cookie("testing_session").expires - expires < timedelta(minutes=1), True,
       "Expires comes from datetime.now, not from the patched clock")
    for age, who in ((30 * 60, "ada"), (30 * 60 + 1, "nobody"), (-1, "nobody")):
        c = app.test_client()
        with _mock.patch("itsdangerous.timed.time.time", return_value=start):
            c.post("/login", data={"user": "ada"})
        with _mock.patch("itsdangerous.timed.time.time", return_value=start + age):
            eq(c.get("/me").text, who, f"cookie {age} s old")


@check("14 testing-sessions: a permanent session slides with each request; without the refresh it ends 30 minutes after login")
def _():
    from itsdangerous import TimestampSigner

    for refresh, at_40 in ((True, "ada"), (False, "nobody")):
        app = _ts_app()
        app.config["SESSION_REFRESH_EACH_REQUEST"] = refresh
        client = app.test_client()
        start = int(time.time())
        for minutes, expected in ((0, None), (20, "ada"), (40, at_40)):
            with _mock.patch.object(TimestampSigner, "get_timestamp", return_value=start + minutes * 60):
                if expected is None:
                    client.post("/login", data={"user": "ada"})
                else:
                    eq(client.get("/me").text, expected, f"refresh={refresh}, minute {minutes}")


@check("14 testing-sessions: with a 1-second lifetime a 1.5-second wait passes or fails depending on the fraction of the second")
def _():
    app = _ts_app()
    app.config["PERMANENT_SESSION_LIFETIME"] = 1
    results = []
    for signed_at in (1_000_000.1, 1_000_000.9):
        client = app.test_client()
        with _mock.patch("itsdangerous.timed.time.time", return_value=signed_at):
            client.post("/login", data={"user": "ada"})
        with _mock.patch("itsdangerous.timed.time.time", return_value=signed_at + 1.5):
            results.append(client.get("/me").text)
    eq(results, ["ada", "nobody"], "same wait, different outcomes")


# The exercise: honest tests pass its check, tests that cannot fail do not -------------------------

_EX_DIR = ROOT / "content" / "exercises" / "testing-sessions-test-cart"


class _ExFailed(Exception):
    pass


def _ex_run(code):
    """Run the exercise's check.py on this code, as the browser worker does; return the failed id or None."""
    def expect(ok, message):
        if not ok:
            raise _ExFailed(message)

    module = {"__name__": "app"}
    with environ(SECRET_KEY="dev-only-not-secret"):
        exec(compile(code, "app.py", "exec"), module)
        checks = {"__name__": "check"}
        exec(compile((_EX_DIR / "check.py").read_text(encoding="utf-8"), "check.py", "exec"), checks)
        try:
            checks["check"](module["app"], expect)
        except _ExFailed as failed:
            return str(failed)
    return None


def _ex_with_test(body):
    start = (_EX_DIR / "start.py").read_text(encoding="utf-8")
    head = start[: start.index("def test_cart_keeps_items(app):")]
    return head + "def test_cart_keeps_items(app):\n    client = app.test_client()\n" + body


@check("14 testing-sessions: exercise check accepts every honest test and rejects tests that cannot fail")
def _():
    honest = {
        "next request": '    client.post("/add/apple")\n    client.post("/add/pear")\n'
                        '    assert client.get("/cart").get_json() == ["apple", "pear"]\n',
        "session_transaction": '    client.post("/add/apple")\n    client.post("/add/pear")\n'
                               '    with client.session_transaction() as sess:\n'
                               '        assert sess["cart"] == ["apple", "pear"]\n',
        "with client + next request": '    with client:\n        client.post("/add/apple")\n'
                                      '        client.post("/add/pear")\n        client.get("/cart")\n'
                                      '        assert session["cart"] == ["apple", "pear"]\n',
    }
    for name, body in honest.items():
        eq(_ex_run(_ex_with_test(body)), None, f"honest test ({name})")
    cannot_fail = {
        "response body": '    client.post("/add/apple")\n'
                         '    assert client.post("/add/pear").get_json() == ["apple", "pear"]\n',
        "no assert": '    client.post("/add/apple")\n    client.post("/add/pear")\n',
    }
    for name, body in cannot_fail.items():
        eq(_ex_run(_ex_with_test(body)), "testing-sessions-test-cart-fails-on-buggy-app", f"weak test ({name})")
    eq(_ex_run(_ex_with_test('    assert client.get("/cart").get_json() == ["x"]\n')),
       "testing-sessions-test-cart-passes-on-good-app", "a test that fails on the good app")
    start = (_EX_DIR / "start.py").read_text(encoding="utf-8")
    eq(_ex_run(start.replace("def test_cart_keeps_items", "def test_renamed")),
       "testing-sessions-test-cart-passes-on-good-app", "no test function")
    assert len(start.splitlines()) <= 40, "start.py is longer than 40 lines"
