import os
from datetime import timedelta

from flask import Flask, redirect, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    # A long random key from the environment, never from the code.
    SECRET_KEY=os.environ["SECRET_KEY"],
    # The cookie travels over HTTPS only.
    SESSION_COOKIE_SECURE=True,
    # JavaScript cannot read it (Flask's default, stated here on purpose).
    SESSION_COOKIE_HTTPONLY=True,
    # Not sent on cross-site POSTs, which blunts CSRF.
    SESSION_COOKIE_SAMESITE="Lax",
    # Permanent sessions end after this long, on the browser and on the server.
    PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
)

USERS = {"student": generate_password_hash("cookies")}


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password_hash = USERS.get(username)
    if password_hash is None or not check_password_hash(password_hash, request.form.get("password", "")):
        return "Wrong username or password", 401
    # Start from an empty session so an id or data planted before login is discarded.
    session.clear()
    session.permanent = True
    # Only the username: no password or other secret goes into a cookie session.
    session["user"] = username
    return redirect(url_for("index"))


@app.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("index"))


@app.route("/")
def index():
    user = session.get("user")
    return f"Signed in as {user}" if user else "Not signed in"
