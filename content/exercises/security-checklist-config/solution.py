import os
from datetime import timedelta

from flask import Flask, redirect, request, session

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_NAME="ex_session",
    SESSION_COOKIE_SECURE=True,  # sent over HTTPS only
    SESSION_COOKIE_HTTPONLY=True,  # out of reach of page scripts (Flask's default)
    SESSION_COOKIE_SAMESITE="Lax",  # not sent with cross-site POSTs
    PERMANENT_SESSION_LIFETIME=timedelta(hours=8),  # a working day, not the default 31 days
)


def password_ok(username, password):
    # Stands in for check_password_hash() (lesson 7), which needs OpenSSL:
    # the Python in your browser has none.
    return username == "student" and password == "cookies"


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    if not password_ok(username, request.form.get("password", "")):
        return "Wrong username or password", 403
    session.clear()
    session.permanent = True
    session["user"] = username
    return redirect("/")


@app.route("/")
def index():
    user = session.get("user")
    return f"Signed in as {user}" if user else "Not signed in"
