# Lesson 12 (csrf-samesite): Flask-WTF 1.3.0's CSRFProtect, Flask's SameSite default, and the
# vulnerable app with its attacker page. Executed by check_examples.py with its helpers
# (check, load, load_app, attributes, one_set_cookie, text, eq, KEY, ...).

_APP = "csrf-samesite/app.py"
_VULNERABLE = "csrf-samesite/vulnerable.py"
_ATTACKER = "csrf-samesite/attacker.py"
_LOGIN = {"username": "student", "password": "cookies"}


def _form_token(body):
    """The signed token a page put into its hidden csrf_token fields (all the same)."""
    tokens = set(re.findall(r'<input type="hidden" name="csrf_token" value="([^"]+)">', body))
    assert len(tokens) == 1, f"expected one token in the page, got {tokens!r}"
    return tokens.pop()


def _session(app, client):
    return dict(app.session_interface.get_signing_serializer(app).loads(session_cookie(client)))


def _logged_in():
    """app.py with a browser that loaded the login page and logged in with its token."""
    app = load_app(_APP)
    client = app.test_client()
    token = _form_token(text(client.get("/")))
    response = client.post("/login", data=dict(_LOGIN, csrf_token=token))
    eq(response.status_code, 302, "login with the token")
    return app, client


@check("12 csrf-samesite: Flask sends no SameSite unless configured; vulnerable.py keeps that default")
def _():
    from flask import Flask

    eq(Flask(__name__).config["SESSION_COOKIE_SAMESITE"], None, "Flask's default SESSION_COOKIE_SAMESITE")
    app = load_app(_VULNERABLE)
    eq(app.config["SESSION_COOKIE_SAMESITE"], None, "vulnerable.py")
    client = app.test_client()
    header = one_set_cookie(client.post("/login", data=_LOGIN), "vulnerable_session")
    _, attrs = attributes(header)
    assert "samesite" not in attrs, header


@check("12 csrf-samesite: CSRFProtect defaults: csrf_token field, X-CSRFToken header, 3600 s, POST/PUT/PATCH/DELETE")
def _():
    app = load_app(_APP)
    eq(app.config["WTF_CSRF_FIELD_NAME"], "csrf_token", "field name")
    eq(app.config["WTF_CSRF_HEADERS"], ["X-CSRFToken", "X-CSRF-Token"], "headers")
    eq(app.config["WTF_CSRF_TIME_LIMIT"], 3600, "time limit")
    eq(app.config["WTF_CSRF_METHODS"], {"POST", "PUT", "PATCH", "DELETE"}, "checked methods")
    eq(app.config["WTF_CSRF_SSL_STRICT"], True, "referrer check over HTTPS")
    eq(app.config.get("WTF_CSRF_SECRET_KEY"), None, "no separate CSRF key: SECRET_KEY signs tokens")
    eq(app.config["SESSION_COOKIE_NAME"], "csrf_session", "cookie name")


@check("12 csrf-samesite: app.py refuses a POST without a token: 400 'The CSRF token is missing.'")
def _():
    app = load_app(_APP)
    for path, form in (("/login", _LOGIN), ("/email", {"email": "x@example.net"}), ("/logout", {})):
        response = app.test_client().post(path, data=form)
        eq(response.status_code, 400, f"POST {path} status")
        assert "<p>The CSRF token is missing.</p>" in text(response), text(response)
        assert "<title>400 Bad Request</title>" in text(response), text(response)


@check("12 csrf-samesite: showing the login form stores the raw token in the session under csrf_token (SameSite=Lax)")
def _():
    from itsdangerous import URLSafeTimedSerializer

    app = load_app(_APP)
    client = app.test_client()
    response = client.get("/")
    _, attrs = attributes(one_set_cookie(response, "csrf_session"))
    eq(attrs.get("samesite"), "Lax", "SameSite of the session cookie")
    body = text(response)
    eq(body.count('name="csrf_token"'), 1, "hidden fields on the login page")
    token = _form_token(body)
    stored = _session(app, client)
    eq(list(stored), ["csrf_token"], "session keys of an anonymous visitor")
    assert re.fullmatch(r"[0-9a-f]{40}", stored["csrf_token"]), stored
    # The page's token is the session value, signed with SECRET_KEY (salt wtf-csrf-token).
    eq(URLSafeTimedSerializer(KEY, salt="wtf-csrf-token").loads(token), stored["csrf_token"], "signed value")
    eq(token.count("."), 2, "payload.timestamp.signature")
    # A later page signs the same session value again; the session value does not change.
    client.get("/")
    eq(_session(app, client)["csrf_token"], stored["csrf_token"], "session value on the next page")


@check("12 csrf-samesite: with the form's token login works, the email change works and so does the X-CSRFToken header")
def _():
    app, client = _logged_in()
    page = text(client.get("/"))
    assert "Signed in as student. Email: student@example.com" in page, page
    eq(page.count('name="csrf_token"'), 2, "hidden fields on the account page")
    token = _form_token(page)
    response = client.post("/email", data={"email": "new@example.com", "csrf_token": token})
    eq(response.status_code, 302, "POST /email with the field")
    assert "Email: new@example.com" in text(client.get("/")), "email not changed"
    response = client.post("/email", data={"email": "js@example.com"}, headers={"X-CSRFToken": token})
    eq(response.status_code, 302, "POST /email with the X-CSRFToken header")
    assert "Email: js@example.com" in text(client.get("/")), "email not changed by the header request"


@check("12 csrf-samesite: login clears the session, so the token from before login stops working")
def _():
    app = load_app(_APP)
    client = app.test_client()
    old_token = _form_token(text(client.get("/")))
    old_value = _session(app, client)["csrf_token"]
    client.post("/login", data=dict(_LOGIN, csrf_token=old_token))
    eq(_session(app, client), {"user": "student"}, "session right after login")
    response = client.post("/email", data={"email": "x@example.net", "csrf_token": old_token})
    eq(response.status_code, 400, "old token, no token in the session yet")
    assert "The CSRF session token is missing." in text(response), text(response)
    client.get("/")  # the account page makes a new session token
    assert _session(app, client)["csrf_token"] != old_value, "same token after login"
    response = client.post("/email", data={"email": "x@example.net", "csrf_token": old_token})
    eq(response.status_code, 400, "old token after the new page")
    assert "The CSRF tokens do not match." in text(response), text(response)


@check("12 csrf-samesite: the attacker's own valid token is refused in the victim's browser ('do not match')")
def _():
    app, victim = _logged_in()
    victim.get("/")
    attacker = app.test_client()
    attacker_token = _form_token(text(attacker.get("/")))
    response = victim.post("/email", data={"email": "attacker@example.net", "csrf_token": attacker_token})
    eq(response.status_code, 400, "status")
    assert "The CSRF tokens do not match." in text(response), text(response)
    assert "Email: student@example.com" in text(victim.get("/")), "email changed"


@check("12 csrf-samesite: a token older than WTF_CSRF_TIME_LIMIT is refused: 'The CSRF token has expired.'")
def _():
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    class SignerFromThePast(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 3601

    app, client = _logged_in()
    client.get("/")
    raw = _session(app, client)["csrf_token"]
    old = URLSafeTimedSerializer(KEY, salt="wtf-csrf-token", signer=SignerFromThePast).dumps(raw)
    response = client.post("/email", data={"email": "x@example.net", "csrf_token": old})
    eq(response.status_code, 400, "status")
    assert "The CSRF token has expired." in text(response), text(response)
    tampered = client.post("/email", data={"email": "x@example.net", "csrf_token": old[:-2] + "xx"})
    assert "The CSRF token is invalid." in text(tampered), text(tampered)
    app.config["WTF_CSRF_TIME_LIMIT"] = None  # valid as long as the session lasts
    eq(client.post("/email", data={"email": "x@example.net", "csrf_token": old}).status_code, 302, "no limit")


@check("12 csrf-samesite: app.py's logout is POST-only (GET is 405) and needs the token")
def _():
    app, client = _logged_in()
    eq(client.get("/logout").status_code, 405, "GET /logout")
    assert "Signed in as student" in text(client.get("/")), "GET logged out"
    token = _form_token(text(client.get("/")))
    eq(client.post("/logout").status_code, 400, "POST /logout without a token")
    eq(client.post("/logout", data={"csrf_token": token}).status_code, 302, "POST /logout with the token")
    assert "Signed in as" not in text(client.get("/")), "still logged in"


@check("12 csrf-samesite: login CSRF: app.py refuses a login POST without a token; vulnerable.py accepts it")
def _():
    app = load_app(_APP)
    victim = app.test_client()
    response = victim.post("/login", data=_LOGIN)
    eq(response.status_code, 400, "app.py status")
    assert "The CSRF token is missing." in text(response), text(response)
    assert victim.get_cookie("csrf_session") is None, "app.py logged the browser in"
    weak = load_app(_VULNERABLE).test_client()
    eq(weak.post("/login", data=_LOGIN).status_code, 302, "vulnerable.py status")
    assert "Signed in as student" in text(weak.get("/")), "vulnerable.py did not log in"


@check("12 csrf-samesite: vulnerable.py changes the email on a bare POST and logs out on a GET")
def _():
    client = load_app(_VULNERABLE).test_client()
    client.post("/login", data=_LOGIN)
    eq(client.post("/email", data={"email": "attacker@example.net"}).status_code, 302, "POST /email")
    assert "Email: attacker@example.net" in text(client.get("/")), "email not changed"
    assert '<a href="/logout">' in text(client.get("/")), "no logout link"
    eq(client.get("/logout").status_code, 302, "GET /logout")
    assert "Signed in as" not in text(client.get("/")), "GET /logout did not log out"


@check("12 csrf-samesite: attacker.py posts a hidden email to 127.0.0.1:5000 on load, and /bye navigates to /logout")
def _():
    module = load(_ATTACKER)
    eq(module.TARGET, "http://127.0.0.1:5000", "target")
    client = module.app.test_client()
    page = text(client.get("/"))
    assert '<form method="post" action="http://127.0.0.1:5000/email">' in page, page
    assert '<input type="hidden" name="email" value="attacker@example.net">' in page, page
    assert "<script>document.forms[0].submit()</script>" in page, page
    assert 'location = "http://127.0.0.1:5000/logout"' in text(client.get("/bye")), text(client.get("/bye"))
    eq(client.get_cookie("session"), None, "the attacker page sets no cookie")


@check("12 csrf-samesite: over HTTPS Flask-WTF also wants a same-origin Referer")
def _():
    app = load_app(_APP)
    client = app.test_client()
    token = _form_token(text(client.get("/", base_url="https://127.0.0.1:5000")))
    form = dict(_LOGIN, csrf_token=token)
    response = client.post("/login", data=form, base_url="https://127.0.0.1:5000")
    assert "The referrer header is missing." in text(response), text(response)
    response = client.post("/login", data=form, base_url="https://127.0.0.1:5000",
                           headers={"Referer": "https://localhost:5001/"})
    assert "The referrer does not match the host." in text(response), text(response)
    response = client.post("/login", data=form, base_url="https://127.0.0.1:5000",
                           headers={"Referer": "https://127.0.0.1:5000/"})
    eq(response.status_code, 302, "same-origin Referer")


@check("12 csrf-samesite: an errorhandler for CSRFError replaces the 400 page (the lesson's snippet)")
def _():
    from flask import Flask
    from flask_wtf.csrf import CSRFError, CSRFProtect
    from werkzeug.exceptions import BadRequest

    assert issubclass(CSRFError, BadRequest), CSRFError.__mro__
    app = Flask(__name__)
    app.secret_key = KEY
    CSRFProtect(app)

    @app.route("/email", methods=["POST"])
    def change_email():
        return "changed"

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        return f"Refused: {error.description}", 400

    response = app.test_client().post("/email")
    eq((response.status_code, text(response)), (400, "Refused: The CSRF token is missing."), "custom 400")


@check("12 csrf-samesite: with the old key only in SECRET_KEY_FALLBACKS the session loads, old tokens are 'invalid'")
def _():
    app, client = _logged_in()
    token = _form_token(text(client.get("/")))
    app.config["SECRET_KEY"] = "a-brand-new-key"
    app.config["SECRET_KEY_FALLBACKS"] = [KEY]
    assert "Signed in as student" in text(client.get("/")), "the session did not survive the new key"
    response = client.post("/email", data={"email": "x@example.net", "csrf_token": token})
    eq(response.status_code, 400, "status")
    assert "The CSRF token is invalid." in text(response), text(response)
    app.config["SECRET_KEY_FALLBACKS"] = []
    response = client.post("/email", data={"email": "x@example.net", "csrf_token": token})
    assert "The CSRF session token is missing." in text(response), text(response)


@check("12 csrf-samesite: the lesson's Sec-Fetch-Site hook refuses cross-site writes, lets the rest through")
def _():
    from flask import Flask, abort, request

    app = Flask(__name__)

    @app.before_request
    def refuse_cross_site_writes():
        unsafe = request.method in ("POST", "PUT", "PATCH", "DELETE")
        if unsafe and request.headers.get("Sec-Fetch-Site") == "cross-site":
            abort(403)

    @app.route("/email", methods=["GET", "POST"])
    def change_email():
        return "ok"

    client = app.test_client()
    eq(client.post("/email", headers={"Sec-Fetch-Site": "cross-site"}).status_code, 403, "cross-site POST")
    eq(client.get("/email", headers={"Sec-Fetch-Site": "cross-site"}).status_code, 200, "cross-site GET")
    eq(client.post("/email", headers={"Sec-Fetch-Site": "same-origin"}).status_code, 200, "same-origin POST")
    eq(client.post("/email").status_code, 200, "POST without the header (older browsers)")


@check("12 csrf-samesite: FlaskForm's {{ form.csrf_token }} renders the same hidden csrf_token field")
def _():
    from flask import Flask, render_template_string
    from flask_wtf import FlaskForm
    from flask_wtf.csrf import CSRFProtect

    app = Flask(__name__)
    app.secret_key = KEY
    CSRFProtect(app)

    class EmailForm(FlaskForm):
        pass

    with app.test_request_context("/"):
        field = render_template_string("{{ form.csrf_token }}", form=EmailForm())
        plain = render_template_string("{{ csrf_token() }}")
    eq(field, f'<input id="csrf_token" name="csrf_token" type="hidden" value="{plain}">', "FlaskForm field")
