# Checks for lesson 16, "Sessions or tokens?" (content/en/tokens.md and content/examples/tokens/).
# Executed by check_examples.py with its helpers (check, load, load_app, eq, KEY, ...).

import base64 as _b64
import hashlib as _hashlib
import warnings as _warnings

LESSON_JWT_KEY = "this-lesson-key-is-public-so-never-use-it"
LESSON_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiI0MiIsImlhdCI6MTcxNzE3MTcxNywiZXhwIjoxNzE3MTcyNjE3fQ"
    ".imM9CqkBcQwnMzCyuebmLBhstGgdYdxnLf68-txcu58"
)
LESSON_COOKIE = "eyJ1c2VyX2lkIjo0Mn0.Zln2BQ.H9d74VFhgwnM87Kv_Q1uiEXj9sc"  # lesson 8's cookie


def _unb64(part):
    return _b64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _past_signer(seconds_ago):
    from itsdangerous import TimestampSigner

    class SignerFromThePast(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - seconds_ago

    return SignerFromThePast


def _reset_client():
    module = load("tokens/reset_link.py", SECRET_KEY=KEY)
    return module, module.app.test_client()


def _jwt_client():
    module = load("tokens/jwt_api.py", SECRET_KEY=KEY)
    return module, module.app.test_client()


@check("16 tokens: a Flask session cookie is payload.timestamp.signature, HMAC-SHA1 with salt cookie-session, readable without the key")
def _():
    from flask import Flask, session
    from itsdangerous import BadSignature, URLSafeTimedSerializer

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, SESSION_COOKIE_NAME="tokens_session")

    @app.route("/")
    def view():
        session["user_id"] = 42
        return "ok"

    client = app.test_client()
    client.get("/")
    cookie = session_cookie(client, "tokens_session")
    payload, stamp, signature = cookie.split(".")
    eq(json.loads(_unb64(payload)), {"user_id": 42}, "payload decoded without any key")
    eq(len(signature), 27, "signature length (20 bytes of HMAC-SHA1)")
    flask_like = URLSafeTimedSerializer(
        KEY, salt="cookie-session",
        signer_kwargs={"key_derivation": "hmac", "digest_method": _hashlib.sha1},
    )
    eq(flask_like.loads(cookie), {"user_id": 42}, "verified like Flask")
    try:
        URLSafeTimedSerializer(KEY, salt="cookie-session").loads(cookie)
    except BadSignature:
        pass
    else:
        raise AssertionError("itsdangerous' default key derivation also verified the session cookie")
    eq(len(LESSON_COOKIE), 54, "length of lesson 8's cookie")


@check("16 tokens: the lesson's JWT decodes by hand, verifies with its key, is 143 characters")
def _():
    import jwt

    header, payload, signature = LESSON_JWT.split(".")
    eq(json.loads(_unb64(header)), {"alg": "HS256", "typ": "JWT"}, "header")
    eq(_unb64(payload), b'{"sub":"42","iat":1717171717,"exp":1717172617}', "payload bytes")
    eq(len(signature), 43, "HS256 signature length")
    eq(len(LESSON_JWT), 143, "token length")
    made = jwt.encode({"sub": "42", "iat": 1717171717, "exp": 1717172617}, LESSON_JWT_KEY, algorithm="HS256")
    eq(made, LESSON_JWT, "token as PyJWT makes it")
    claims = jwt.decode(LESSON_JWT, LESSON_JWT_KEY, algorithms=["HS256"], options={"verify_exp": False})
    eq(claims["sub"], "42", "verified sub")
    try:
        jwt.decode(LESSON_JWT, LESSON_JWT_KEY, algorithms=["HS256"])
    except jwt.ExpiredSignatureError as error:
        eq(str(error), "Signature has expired", "message")
    else:
        raise AssertionError("the 2024 token did not count as expired")


@check("16 tokens: PyJWT 2 refuses decode() without algorithms=, rejects alg none, refuses a public key as HMAC secret, warns on short keys")
def _():
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = "k" * 32
    token = jwt.encode({"sub": "42"}, key, algorithm="HS256")
    try:
        jwt.decode(token, key)
    except jwt.DecodeError as error:
        eq(str(error), 'It is required that you pass in a value for the "algorithms" argument when calling decode().', "message")
    else:
        raise AssertionError("decode() without algorithms worked")
    none_token = jwt.encode({"sub": "1", "admin": True}, None, algorithm="none")
    assert none_token.endswith("."), none_token
    try:
        jwt.decode(none_token, key, algorithms=["HS256"])
    except jwt.InvalidAlgorithmError as error:
        eq(str(error), "The specified alg value is not allowed", "none under HS256")
    else:
        raise AssertionError("alg none accepted")
    try:
        jwt.decode(none_token, None, algorithms=["none"])
    except jwt.InvalidSignatureError:
        pass
    else:
        raise AssertionError("alg none accepted even with algorithms=['none'] while verifying")
    try:
        jwt.decode(none_token, key, algorithms=["none"])
    except jwt.PyJWTError:
        pass
    else:
        raise AssertionError("alg none accepted with a key and algorithms=['none']")
    eq(jwt.decode(none_token, options={"verify_signature": False})["admin"], True,
       "verify_signature=False accepts anything")
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    forged_head = _b64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=")
    forged_body = _b64.urlsafe_b64encode(b'{"sub":"1","admin":true}').rstrip(b"=")
    import hmac as _hmac
    mac = _hmac.new(public_pem, forged_head + b"." + forged_body, _hashlib.sha256).digest()
    forged = (forged_head + b"." + forged_body + b"." + _b64.urlsafe_b64encode(mac).rstrip(b"=")).decode()
    try:
        jwt.decode(forged, public_pem, algorithms=["RS256"])
    except jwt.InvalidAlgorithmError:
        pass
    else:
        raise AssertionError("HS256 token accepted under algorithms=['RS256']")
    try:
        jwt.decode(forged, public_pem, algorithms=["RS256", "HS256"])
    except jwt.InvalidKeyError as error:
        assert "should not be used as an HMAC secret" in str(error), error
    else:
        raise AssertionError("public key accepted as an HMAC secret")
    with _warnings.catch_warnings(record=True) as caught:
        _warnings.simplefilter("always")
        jwt.encode({"sub": "1"}, "short", algorithm="HS256")
    assert any(type(w.message).__name__ == "InsecureKeyLengthWarning" for w in caught), caught


@check("16 tokens: exp, nbf, iat and leeway in PyJWT; a token without exp never expires unless required")
def _():
    import jwt

    key = "k" * 32
    now = int(time.time())

    def outcome(claims, **kwargs):
        token = jwt.encode(claims, key, algorithm="HS256")
        try:
            jwt.decode(token, key, algorithms=["HS256"], **kwargs)
        except jwt.InvalidTokenError as error:
            return type(error).__name__
        return "ok"

    eq(outcome({"exp": now - 5}), "ExpiredSignatureError", "expired")
    eq(outcome({"exp": now - 5}, leeway=10), "ok", "expired within leeway")
    eq(outcome({"nbf": now + 60}), "ImmatureSignatureError", "nbf ahead")
    eq(outcome({"iat": now + 60}), "ImmatureSignatureError", "iat ahead")
    eq(outcome({"sub": "1"}), "ok", "no exp at all")
    eq(outcome({"sub": "1"}, options={"require": ["exp"]}), "MissingRequiredClaimError", "required exp")
    eq(outcome({"sub": 42}), "InvalidSubjectError", "sub must be a string")
    assert issubclass(jwt.ExpiredSignatureError, jwt.InvalidTokenError)


@check("16 tokens: jwt_api.py issues an HS256 token for 15 minutes and /me accepts it as a Bearer header")
def _():
    import jwt

    module, client = _jwt_client()
    eq(client.post("/token", data={"username": "ada", "password": "nope"}).status_code, 403, "wrong password")
    eq(client.post("/token", data={"username": "bob", "password": "cookies"}).status_code, 403, "unknown user")
    body = client.post("/token", data={"username": "ada", "password": "cookies"}).get_json()
    eq((body["token_type"], body["expires_in"]), ("Bearer", 900), "token response")
    token = body["access_token"]
    eq(jwt.get_unverified_header(token), {"alg": "HS256", "typ": "JWT"}, "header")
    claims = json.loads(_unb64(token.split(".")[1]))
    eq(sorted(claims), ["exp", "iat", "sub"], "claims readable without the key")
    eq(claims["exp"] - claims["iat"], 900, "lifetime")
    eq(set_cookies(client.post("/token", data={"username": "ada", "password": "cookies"})), [], "no cookie set")
    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    eq((response.status_code, response.get_json()), (200, {"user": "ada"}), "/me with the token")
    response = client.get("/me")
    eq(response.status_code, 401, "/me without a token")
    eq(response.headers.get("WWW-Authenticate"), "Bearer", "challenge without a token")
    response = client.get("/me", headers={"Authorization": "Bearer not.a.token"})
    eq(response.status_code, 401, "/me with garbage")
    eq(response.headers.get("WWW-Authenticate"), 'Bearer error="invalid_token"', "challenge for a bad token")


@check("16 tokens: jwt_api.py refuses expired (beyond 10 s leeway), alg none, foreign-key and exp-less tokens")
def _():
    import jwt

    module, client = _jwt_client()
    now = int(time.time())

    def me(token):
        response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
        return response.status_code, response.get_json()

    good = {"sub": "ada", "iat": now - 900, "exp": now - 5}
    eq(me(jwt.encode(good, KEY, algorithm="HS256")), (200, {"user": "ada"}), "5 s past exp, within leeway")
    good["exp"] = now - 30
    eq(me(jwt.encode(good, KEY, algorithm="HS256")), (401, {"error": "token expired"}), "30 s past exp")
    fresh = {"sub": "ada", "iat": now, "exp": now + 60}
    eq(me(jwt.encode(fresh, None, algorithm="none")), (401, {"error": "invalid token"}), "alg none")
    eq(me(jwt.encode(fresh, "another-key-" + "x" * 32, algorithm="HS256")), (401, {"error": "invalid token"}), "other key")
    eq(me(jwt.encode({"sub": "ada", "iat": now}, KEY, algorithm="HS256")), (401, {"error": "invalid token"}), "no exp")
    eq(me(jwt.encode({**fresh, "admin": True}, KEY, algorithm="HS512")), (401, {"error": "invalid token"}), "HS512")


@check("16 tokens: reset_link.py issues a link, changes the password once, and the same link is then used up")
def _():
    from werkzeug.security import check_password_hash

    module, client = _reset_client()
    eq(text(client.post("/forgot", data={"username": "nobody"})),
       "If that account exists, a reset link is on its way.", "unknown user")
    link = text(client.post("/forgot", data={"username": "ada"}))
    assert link.startswith("/reset/"), link
    eq(text(client.post(link, data={"password": "short"})), "Choose a password of at least 8 characters.", "short")
    response = client.post(link, data={"password": "new-password"})
    eq((response.status_code, text(response)), (200, "Password changed for ada."), "first use")
    assert check_password_hash(module.USERS["ada"], "new-password"), "password not changed"
    response = client.post(link, data={"password": "third-password"})
    eq((response.status_code, text(response)), (400, "This link has already been used."), "second use")
    assert check_password_hash(module.USERS["ada"], "new-password"), "second use changed the password"
    token = link.removeprefix("/reset/")
    payload = json.loads(_unb64(token.split(".")[0]))
    eq(sorted(payload), ["pw", "user"], "token payload readable without the key")
    assert payload["pw"] not in module.USERS["ada"], "the token carries raw characters of the hash"
    eq(set_cookies(response), [], "no cookie")


@check("16 tokens: reset_link.py: a changed token is 'not valid', a 16-minute-old one 'expired' (SignatureExpired is a BadSignature)")
def _():
    from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

    assert issubclass(SignatureExpired, BadSignature)
    module, client = _reset_client()
    link = text(client.post("/forgot", data={"username": "ada"}))
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    response = client.post(tampered, data={"password": "new-password"})
    eq((response.status_code, text(response)), (400, "This link is not valid."), "tampered")
    old = URLSafeTimedSerializer(KEY, salt="password-reset", signer=_past_signer(16 * 60)).dumps(
        {"user": "ada", "pw": module.fingerprint("ada")})
    response = client.post(f"/reset/{old}", data={"password": "new-password"})
    eq((response.status_code, text(response)), (400, "This link has expired. Ask for a new one."), "old")
    old_tampered = old[:-3] + ("AAA" if not old.endswith("AAA") else "BBB")
    eq(text(client.post(f"/reset/{old_tampered}", data={"password": "new-password"})),
       "This link is not valid.", "old and changed: the signature is checked before the age")
    fourteen = URLSafeTimedSerializer(KEY, salt="password-reset", signer=_past_signer(14 * 60)).dumps(
        {"user": "ada", "pw": module.fingerprint("ada")})
    eq(text(client.post(f"/reset/{fourteen}", data={"password": "new-password"})), "Password changed for ada.", "14 min")


@check("16 tokens: salts keep purposes apart: a reset token is no session cookie, and a session cookie is no reset token")
def _():
    from flask import Flask, request as flask_request, session

    module, client = _reset_client()
    token = text(client.post("/forgot", data={"username": "ada"})).removeprefix("/reset/")
    app = module.app
    with app.test_request_context("/", headers={"Cookie": f"tokens_session={token}"}):
        eq(dict(app.session_interface.open_session(app, flask_request)), {}, "reset token as a session cookie")

    other = Flask(__name__)
    other.config.update(SECRET_KEY=KEY, SESSION_COOKIE_NAME="tokens_session")

    @other.route("/")
    def view():
        session["user"] = "ada"
        session["pw"] = module.fingerprint("ada")
        return "ok"

    session_client = other.test_client()
    session_client.get("/")
    cookie = session_cookie(session_client, "tokens_session")
    eq(text(client.post(f"/reset/{cookie}", data={"password": "new-password"})), "This link is not valid.",
       "session cookie as a reset token")
    from itsdangerous import URLSafeTimedSerializer

    confirm = URLSafeTimedSerializer(KEY, salt="email-confirm").dumps({"user": "ada", "pw": module.fingerprint("ada")})
    eq(text(client.post(f"/reset/{confirm}", data={"password": "new-password"})), "This link is not valid.",
       "same key, same payload, another salt")
    same_salt = URLSafeTimedSerializer(KEY, salt="password-reset").dumps({"user": "ada", "pw": module.fingerprint("ada")})
    eq(text(client.post(f"/reset/{same_salt}", data={"password": "new-password"})), "Password changed for ada.",
       "control: the right salt")


@check("16 tokens: encrypted.py counts visits in a cookie that is neither payload.timestamp.signature nor readable")
def _():
    app = load_app("tokens/encrypted.py")
    client = app.test_client()
    for n in (1, 2, 3):
        response = client.get("/")
        eq(text(response), f"Visit number {n}", f"visit {n}")
        eq(response.headers.get("Vary"), "Cookie", "Vary")
    _, attrs = attributes(one_set_cookie(response, "tokens_session"))
    assert attrs.get("httponly") is True, attrs
    value = session_cookie(client, "tokens_session")
    assert value.startswith("gAAAAA"), value
    eq(value.count("."), 0, "dots in an encrypted cookie")
    raw = _b64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    assert b"visits" not in raw, "payload visible"
    broken = client.application.test_client()
    broken.set_cookie("tokens_session", value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB"))
    eq(text(broken.get("/")), "Visit number 1", "a changed cookie starts an empty session")
    other = load_app("tokens/encrypted.py", SECRET_KEY="another-key").test_client()
    other.set_cookie("tokens_session", value)
    eq(text(other.get("/")), "Visit number 1", "another key cannot read it")
    fernet = app.session_interface.fernet(app)
    stale = fernet.encrypt_at_time(b'{"visits": 7}', int(time.time()) - 32 * 24 * 60 * 60).decode()
    fresh = fernet.encrypt(b'{"visits": 7}').decode()
    for cookie, expected in ((fresh, "Visit number 8"), (stale, "Visit number 1")):
        probe = app.test_client()
        probe.set_cookie("tokens_session", cookie)
        eq(text(probe.get("/")), expected, "fresh vs 32-day-old encrypted cookie")
    from flask import Flask, session as flask_session

    signed = Flask(__name__)
    signed.config.update(SECRET_KEY=KEY, SESSION_COOKIE_NAME="tokens_session")

    @signed.route("/")
    def view():
        flask_session["visits"] = 3
        return "ok"

    signed_client = signed.test_client()
    signed_client.get("/")
    assert len(value) > len(session_cookie(signed_client, "tokens_session")), "encrypted is not longer"


@check("16 tokens: Flask 3.1.3 adds Vary: Cookie whenever a view reads the session (also `in`, len), never Cache-Control")
def _():
    from flask import Flask, session

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, SESSION_COOKIE_NAME="tokens_session")

    @app.route("/plain")
    def plain():
        return "same for everyone"

    @app.route("/in")
    def check_in():
        return "yes" if "user" in session else "no"

    @app.route("/len")
    def length():
        return str(len(session))

    @app.route("/get")
    def get():
        return str(session.get("user"))

    client = app.test_client()
    eq(client.get("/plain").headers.get("Vary"), None, "view that never touches the session")
    for path in ("/in", "/len", "/get"):
        response = client.get(path)
        eq(response.headers.get("Vary"), "Cookie", path)
        eq(response.headers.get("Cache-Control"), None, f"{path} Cache-Control")
        eq(set_cookies(response), [], f"{path} Set-Cookie")


@check("16 tokens: the lesson's after_request hook marks logged-in pages private, no-store")
def _():
    from flask import Flask, session

    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY, SESSION_COOKIE_NAME="tokens_session")

    @app.after_request
    def no_caching_when_logged_in(response):
        if "user" in session:
            response.cache_control.private = True
            response.cache_control.no_store = True
        return response

    @app.route("/login")
    def login():
        session["user"] = "ada"
        return "in"

    @app.route("/")
    def index():
        return "home"

    client = app.test_client()
    anonymous = client.get("/")
    eq(anonymous.headers.get("Cache-Control"), None, "anonymous")
    client.get("/login")
    logged_in = client.get("/")
    eq(logged_in.headers.get("Cache-Control"), "private, no-store", "logged in")
    eq(logged_in.headers.get("Vary"), "Cookie", "Vary")
