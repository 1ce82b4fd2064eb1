import os
from datetime import datetime, timedelta, timezone

import jwt  # pip install pyjwt
from flask import Flask, request
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]  # 32 bytes or more for HS256
app.config["SESSION_COOKIE_NAME"] = "tokens_session"

USERS = {"ada": generate_password_hash("cookies")}
DUMMY_HASH = generate_password_hash("not-a-real-password")
TOKEN_LIFETIME = timedelta(minutes=15)


def unauthorized(message, challenge='Bearer error="invalid_token"'):
    # A 401 names the scheme it expects (RFC 6750 for bearer tokens).
    return {"error": message}, 401, {"WWW-Authenticate": challenge}


@app.post("/token")
def issue_token():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if not check_password_hash(USERS.get(username, DUMMY_HASH), password) or username not in USERS:
        return {"error": "wrong username or password"}, 403
    now = datetime.now(timezone.utc)
    claims = {"sub": username, "iat": now, "exp": now + TOKEN_LIFETIME}
    token = jwt.encode(claims, app.config["SECRET_KEY"], algorithm="HS256")
    return {"access_token": token, "token_type": "Bearer",
            "expires_in": int(TOKEN_LIFETIME.total_seconds())}


@app.get("/me")
def me():
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return unauthorized("send Authorization: Bearer <token>", "Bearer")
    try:
        claims = jwt.decode(
            token,
            app.config["SECRET_KEY"],
            algorithms=["HS256"],  # never taken from the token's own header
            options={"require": ["exp", "iat", "sub"]},
            leeway=10,  # seconds of clock difference tolerated
        )
    except jwt.ExpiredSignatureError:
        return unauthorized("token expired")
    except jwt.InvalidTokenError:
        return unauthorized("invalid token")
    return {"user": claims["sub"]}
