import os

from flask import Flask, redirect, render_template_string, request, session, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name: cookies ignore the port, so apps on 127.0.0.1 would share "session".
app.config["SESSION_COOKIE_NAME"] = "csrf_session"
# Defence in depth: the session cookie stays off cross-site POSTs, frames and images.
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
# From here on every POST, PUT, PATCH and DELETE must carry a valid token, or gets a 400.
CSRFProtect(app)

USERS = {"student": generate_password_hash("cookies")}
DUMMY_HASH = generate_password_hash("not-a-real-password")
EMAILS = {"student": "student@example.com"}
PAGE = """<!doctype html>
<title>Account</title>
{% if user %}
<p>Signed in as {{ user }}. Email: {{ email }}</p>
<form method="post" action="/email"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="email"> <button>Change email</button></form>
<form method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <button>Log out</button></form>
{% else %}
<form method="post" action="/login"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="username"> <input name="password" type="password"> <button>Log in</button></form>
{% endif %}"""


@app.route("/")
def index():
    user = session.get("user")
    return render_template_string(PAGE, user=user, email=EMAILS.get(user))


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password_ok = check_password_hash(USERS.get(username, DUMMY_HASH), request.form.get("password", ""))
    if username not in USERS or not password_ok:
        return "Wrong username or password", 403
    session.clear()  # drops the old token too; the next page makes a new one
    session["user"] = username
    return redirect(url_for("index"))


@app.route("/email", methods=["POST"])
def change_email():
    if "user" in session:
        EMAILS[session["user"]] = request.form.get("email", "")
    return redirect(url_for("index"))


@app.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("index"))
