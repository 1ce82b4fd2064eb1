import os
import time

from flask import Flask, abort, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "revocation_timeouts_session"

IDLE_TIMEOUT = 15 * 60  # seconds without a single request
ABSOLUTE_TIMEOUT = 8 * 60 * 60  # seconds since the password was typed at login
REAUTH_WINDOW = 5 * 60  # a sensitive action needs a password typed at most this long ago
now = time.time  # the clock, under one name so a test can replace it

USERS = {"student": generate_password_hash("cookies")}
DUMMY_HASH = generate_password_hash("not-a-real-password")  # same work for unknown names


def password_ok(name, password):
    return check_password_hash(USERS.get(name, DUMMY_HASH), password) and name in USERS


@app.before_request
def enforce_timeouts():
    if "uid" not in session:
        return
    t = now()
    if t - session["last_seen"] > IDLE_TIMEOUT or t - session["login_at"] > ABSOLUTE_TIMEOUT:
        session.clear()  # idle for too long, or logged in too long ago: log in again
    else:
        session["last_seen"] = t  # the idle clock restarts; login_at never moves


@app.post("/login")
def login():
    name = request.form.get("username", "")
    if not password_ok(name, request.form.get("password", "")):
        abort(403)
    session.clear()
    session.update(uid=name, login_at=now(), last_seen=now(), reauth_at=now())
    return f"Logged in as {name}"


@app.get("/profile")
def profile():
    return f"Logged in as {session['uid']}" if "uid" in session else ("Not logged in", 401)


@app.post("/change-email")
def change_email():
    if "uid" not in session:
        abort(401)
    if now() - session["reauth_at"] > REAUTH_WINDOW:
        # The session alone is not enough here: ask for the password again.
        if not password_ok(session["uid"], request.form.get("password", "")):
            return "Confirm your password first", 403
        session["reauth_at"] = now()  # only this moves; login_at stays where it was
    return f"Email changed to {request.form['email']}"
