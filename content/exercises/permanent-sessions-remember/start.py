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
    # TODO: a ticked "remember" box should make the cookie last 30 days
    return f"Hello, {session['user']}"


@app.route("/whoami")
def whoami():
    return f"User: {session.get('user', 'nobody')}"
