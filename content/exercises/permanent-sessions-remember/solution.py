import os
from datetime import timedelta

from flask import Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"
# "Remember me" keeps the visitor for 30 days.
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=30)


@app.route("/login", methods=["POST"])
def login():
    session["user"] = request.form.get("name", "")
    # The lifetime alone changes nothing: only a permanent session gets an Expires date.
    session.permanent = "remember" in request.form
    return f"Hello, {session['user']}"


@app.route("/whoami")
def whoami():
    return f"User: {session.get('user', 'nobody')}"
