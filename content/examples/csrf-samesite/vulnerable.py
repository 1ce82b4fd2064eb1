import os

from flask import Flask, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

# Do NOT copy this app: it is app.py without CSRF protection, as a target for attacker.py.
app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "vulnerable_session"
# No SESSION_COOKIE_SAMESITE and no CSRFProtect: the cookie has no SameSite attribute.

USERS = {"student": generate_password_hash("cookies")}
DUMMY_HASH = generate_password_hash("not-a-real-password")
EMAILS = {"student": "student@example.com"}
PAGE = """<!doctype html>
<title>Account (vulnerable)</title>
{% if user %}
<p>Signed in as {{ user }}. Email: {{ email }}</p>
<form method="post" action="/email"><input name="email"> <button>Change email</button></form>
<a href="/logout">Log out</a>
{% else %}
<form method="post" action="/login">
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
    session.clear()
    session["user"] = username
    return redirect(url_for("index"))


@app.route("/email", methods=["POST"])
def change_email():
    # Whoever sent this POST, the browser attached the cookie, so it looks like the user.
    if "user" in session:
        EMAILS[session["user"]] = request.form.get("email", "")
    return redirect(url_for("index"))


@app.route("/logout")  # a GET that changes state: any link or redirect can trigger it
def logout():
    session.clear()
    return redirect(url_for("index"))
