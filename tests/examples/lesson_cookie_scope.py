# Lesson 11, cookie-scope: executed by check_examples.py with its helpers in scope
# (check, load, load_app, set_cookies, one_set_cookie, attributes, text, eq, KEY, ...).

SCOPE_SESSION = "__Host-scope_session"
EMBED_SESSION = "__Host-embed_session"
EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT"


def _host_prefix_ok(header):
    """The __Host- rules a browser applies: Secure, an explicit Path=/, no Domain."""
    _, attrs = attributes(header)
    return attrs.get("secure") is True and attrs.get("path") == "/" and "domain" not in attrs


def _rfc6265_path_match(request_path, cookie_path):
    """RFC 6265 section 5.1.4, written out, to compare with Werkzeug's test client."""
    if request_path == cookie_path:
        return True
    if request_path.startswith(cookie_path):
        return cookie_path.endswith("/") or request_path[len(cookie_path)] == "/"
    return False


def _tiny_session_app(**config):
    from flask import Flask, session

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, **config)

    @app.route("/in")
    def sign_in():
        session["user"] = "ada"
        return "in"

    @app.route("/out")
    def sign_out():
        session.clear()
        return "out"

    return app


@check("11 cookie-scope: Flask 3.1 defaults: Path=/ from APPLICATION_ROOT, no Domain, not partitioned")
def _():
    app = _tiny_session_app()
    eq(app.config["SESSION_COOKIE_PATH"], None, "SESSION_COOKIE_PATH")
    eq(app.config["APPLICATION_ROOT"], "/", "APPLICATION_ROOT")
    eq(app.config["SESSION_COOKIE_DOMAIN"], None, "SESSION_COOKIE_DOMAIN")
    eq(app.config["SESSION_COOKIE_SECURE"], False, "SESSION_COOKIE_SECURE")
    eq(app.config["SESSION_COOKIE_PARTITIONED"], False, "SESSION_COOKIE_PARTITIONED")
    header = one_set_cookie(app.test_client().get("/in"), "session")
    _, attrs = attributes(header)
    eq(attrs.get("path"), "/", "Path")
    assert "domain" not in attrs and "secure" not in attrs and "partitioned" not in attrs, header


@check("11 cookie-scope: app.py's session cookie keeps every __Host- rule, exactly as the lesson shows")
def _():
    client = load_app("cookie-scope/app.py").test_client()
    header = one_set_cookie(client.get("/login"), SCOPE_SESSION)
    value = session_cookie(client)
    eq(header, f"{SCOPE_SESSION}={value}; Secure; HttpOnly; Path=/; SameSite=Lax", "Set-Cookie")
    assert _host_prefix_ok(header), header


@check("11 cookie-scope: /logout deletes the session cookie repeating Secure, HttpOnly, Path=/ and SameSite")
def _():
    client = load_app("cookie-scope/app.py").test_client()
    client.get("/login")
    header = one_set_cookie(client.get("/logout"), SCOPE_SESSION)
    eq(header, f"{SCOPE_SESSION}=; Expires={EPOCH}; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=Lax",
       "deletion")
    assert _host_prefix_ok(header), header
    assert client.get_cookie(SCOPE_SESSION) is None, "the client still holds the session cookie"


@check("11 cookie-scope: cart_hint (Path=/shop) reaches /shop/peek, not /peek or /shopping/peek")
def _():
    client = load_app("cookie-scope/app.py", COOKIE_DOMAIN=None).test_client()
    eq(one_set_cookie(client.get("/shop/hint"), "cart_hint"), "cart_hint=3; Path=/shop", "Set-Cookie")
    eq(text(client.get("/shop/peek")), "/shop/peek: cart_hint=3", "/shop/peek")
    eq(text(client.get("/peek")), "/peek: cart_hint=None", "/peek")
    eq(text(client.get("/shopping/peek")), "/shopping/peek: cart_hint=None", "/shopping/peek")
    eq(text(client.get("/cookie-header")), "(no Cookie header)", "/cookie-header outside /shop")


@check("11 cookie-scope: delete_cookie without the path misses the /shop cookie; with the path it goes")
def _():
    client = load_app("cookie-scope/app.py", COOKIE_DOMAIN=None).test_client()
    client.get("/shop/hint")
    wrong = one_set_cookie(client.get("/shop/forget-wrong"), "cart_hint")
    eq(wrong, f"cart_hint=; Expires={EPOCH}; Max-Age=0; Path=/", "deletion without the path")
    eq(text(client.get("/shop/peek")), "/shop/peek: cart_hint=3", "still there")
    right = one_set_cookie(client.get("/shop/forget"), "cart_hint")
    eq(right, f"cart_hint=; Expires={EPOCH}; Max-Age=0; Path=/shop", "deletion with the path")
    eq(text(client.get("/shop/peek")), "/shop/peek: cart_hint=None", "gone")


@check("11 cookie-scope: COOKIE_DOMAIN=example.com puts Domain=example.com on the set and the delete")
def _():
    client = load_app("cookie-scope/app.py", COOKIE_DOMAIN="example.com").test_client()
    eq(one_set_cookie(client.get("/shop/hint"), "cart_hint"),
       "cart_hint=3; Domain=example.com; Path=/shop", "set")
    eq(one_set_cookie(client.get("/shop/forget"), "cart_hint"),
       f"cart_hint=; Domain=example.com; Expires={EPOCH}; Max-Age=0; Path=/shop", "delete")
    from werkzeug.wrappers import Response

    response = Response()
    response.set_cookie("x", "1", domain=".example.com")
    eq(set_cookies(response), ["x=1; Domain=example.com; Path=/"], "leading dot dropped by Werkzeug")


@check("11 cookie-scope: /cookie-header answers with the raw Cookie header the browser sent")
def _():
    app = load_app("cookie-scope/app.py")
    with app.test_request_context("/cookie-header", headers={"Cookie": "session=abc; site_theme=dark"}):
        eq(app.view_functions["cookie_header"](), "session=abc; site_theme=dark", "header")


@check("11 cookie-scope: embed.py sends Secure; HttpOnly; Path=/; SameSite=None; Partitioned, and deletes with them")
def _():
    client = load_app("cookie-scope/embed.py").test_client()
    eq(text(client.get("/widget/start")), "Widget visits in this partition: 1", "first visit")
    header = one_set_cookie(client.get("/widget/start"), EMBED_SESSION)
    value = session_cookie(client)
    eq(header, f"{EMBED_SESSION}={value}; Secure; HttpOnly; Path=/; SameSite=None; Partitioned", "set")
    assert _host_prefix_ok(header), header
    deletion = one_set_cookie(client.get("/widget/reset"), EMBED_SESSION)
    eq(deletion,
       f"{EMBED_SESSION}=; Expires={EPOCH}; Max-Age=0; Secure; HttpOnly; Path=/; SameSite=None; Partitioned",
       "delete")


@check("11 cookie-scope: partitioned=True adds Secure by itself, in set_cookie and SESSION_COOKIE_PARTITIONED")
def _():
    from werkzeug.wrappers import Response

    response = Response()
    response.set_cookie("chat", "1", samesite="None", partitioned=True)
    eq(set_cookies(response), ["chat=1; Secure; Path=/; SameSite=None; Partitioned"], "set_cookie")
    app = _tiny_session_app(SESSION_COOKIE_PARTITIONED=True)
    eq(app.config["SESSION_COOKIE_SECURE"], False, "SESSION_COOKIE_SECURE left off")
    _, attrs = attributes(one_set_cookie(app.test_client().get("/in"), "session"))
    assert attrs.get("secure") is True and attrs.get("partitioned") is True, attrs


@check("11 cookie-scope: Flask does not enforce prefixes: __Host-session without SECURE goes out without Secure")
def _():
    app = _tiny_session_app(SESSION_COOKIE_NAME="__Host-session")
    header = one_set_cookie(app.test_client().get("/in"), "__Host-session")
    assert not _host_prefix_ok(header), header
    app = _tiny_session_app(SESSION_COOKIE_NAME="__Host-session", SESSION_COOKIE_SECURE=True)
    assert _host_prefix_ok(one_set_cookie(app.test_client().get("/in"), "__Host-session"))
    app = _tiny_session_app(SESSION_COOKIE_NAME="__Host-session", SESSION_COOKIE_SECURE=True,
                            SESSION_COOKIE_DOMAIN="example.com")
    header = one_set_cookie(app.test_client().get("/in", base_url="http://www.example.com"), "__Host-session")
    eq(attributes(header)[1].get("domain"), "example.com", "Domain written anyway")


@check("11 cookie-scope: APPLICATION_ROOT and SESSION_COOKIE_PATH set the session Path; clear() deletes there")
def _():
    app = _tiny_session_app(APPLICATION_ROOT="/app")
    client = app.test_client()
    eq(attributes(one_set_cookie(client.get("/in"), "session"))[1].get("path"), "/app", "from APPLICATION_ROOT")
    app = _tiny_session_app(APPLICATION_ROOT="/app", SESSION_COOKIE_PATH="/admin")
    client = app.test_client()
    eq(attributes(one_set_cookie(client.get("/in"), "session"))[1].get("path"), "/admin", "SESSION_COOKIE_PATH wins")
    deletion = one_set_cookie(client.get("/out"), "session")
    eq(deletion, f"session=; Expires={EPOCH}; Max-Age=0; HttpOnly; Path=/admin", "deletion on clear()")


@check("11 cookie-scope: two cookies with one name: request.cookies.get() gives the first, getlist() both")
def _():
    from flask import Flask, request

    app = Flask(__name__)
    # Browsers list the cookie with the longer Path first (RFC 6265, section 5.4).
    with app.test_request_context("/shop/cart", headers={"Cookie": "cart_hint=from-shop; cart_hint=from-root"}):
        eq(request.cookies.get("cart_hint"), "from-shop", "get")
        eq(request.cookies.getlist("cart_hint"), ["from-shop", "from-root"], "getlist")


@check("11 cookie-scope: quiz q1: Path=/en/lessons is sent under /en/lessons only, on / boundaries")
def _():
    from flask import Flask, make_response, request

    app = Flask(__name__)

    @app.route("/set")
    def set_crumb():
        response = make_response("set")
        response.set_cookie("crumb", "1", path="/en/lessons")
        return response

    @app.route("/<path:anything>")
    def echo(anything):
        return request.cookies.get("crumb", "-")

    client = app.test_client()
    client.get("/set")
    cases = {
        "/en/": False,
        "/en/lessons": True,
        "/en/lessons/": True,
        "/en/lessons/cookie-scope": True,
        "/en/lessons-old": False,
        "/en/lessonsX": False,
        "/ru/lessons/cookie-scope": False,
        "/sandbox/state": False,
        "/EN/lessons": False,
    }
    for path, sent in cases.items():
        eq(_rfc6265_path_match(path, "/en/lessons"), sent, f"RFC path-match {path}")
        eq(text(client.get(path)) == "1", sent, f"test client {path}")
    # A trailing slash in Path excludes the bare directory.
    eq(_rfc6265_path_match("/en/lessons", "/en/lessons/"), False, "Path=/en/lessons/ vs /en/lessons")


@check("11 cookie-scope: Flask sends no X-Frame-Options or CSP by default, so any site may frame the app")
def _():
    client = load_app("cookie-scope/embed.py").test_client()
    headers = client.get("/widget/start").headers
    assert "X-Frame-Options" not in headers and "Content-Security-Policy" not in headers, dict(headers)
