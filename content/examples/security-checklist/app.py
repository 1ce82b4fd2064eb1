import os
from datetime import timedelta

from flask import Flask, redirect, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(
    # A long random key from the environment, never from the code.
    SECRET_KEY=os.environ["SECRET_KEY"],
    # Its own cookie name: cookies ignore the port, so apps on one host would share "session".
    SESSION_COOKIE_NAME="checklist_session",
    # The cookie travels over HTTPS only. Over plain http:// a browser may refuse to store or
    # send it (some make an exception for localhost), so logging in can seem not to stick:
    # that is Secure doing its job, not a bug.
    # Try it over HTTPS with `flask --app app run --cert=adhoc` (needs `pip install cryptography`)
    # and open https://127.0.0.1:5000, accepting the self-signed certificate warning.
    SESSION_COOKIE_SECURE=True,
    # JavaScript cannot read it (Flask's default, stated here on purpose).
    SESSION_COOKIE_HTTPONLY=True,
    # Not sent on cross-site POSTs, which blunts CSRF (defence in depth, not a CSRF token).
    SESSION_COOKIE_SAMESITE="Lax",
    # Permanent sessions end after this long, on the browser and on the server.
    PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
)

USERS = {"student": generate_password_hash("cookies")}
# Checked for unknown usernames too, so the answer and its timing do not reveal which names exist.
DUMMY_HASH = generate_password_hash("not-a-real-password")


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password_ok = check_password_hash(USERS.get(username, DUMMY_HASH), request.form.get("password", ""))
    if username not in USERS or not password_ok:
        # 403, not 401: a 401 must come with a WWW-Authenticate header (HTTP authentication).
        return "Wrong username or password", 403
    # Start from an empty session: nothing stored before the login carries over. (A signed
    # cookie has no server-side id to fix; with Flask-Session, also call
    # app.session_interface.regenerate(session) after storing the user, for a new id.)
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
