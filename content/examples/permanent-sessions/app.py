import os
from datetime import timedelta

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "permanent_session"
# Sets the Expires of permanent session cookies; Flask also uses it as the maximum age of
# every session cookie, permanent or not, when it checks the signed timestamp.
app.permanent_session_lifetime = timedelta(minutes=30)


@app.route("/remember")
def remember():
    session.permanent = True
    session["user"] = "ada"
    return "Remembered for 30 minutes"


@app.route("/forget")
def forget():
    # Back to a browser-session cookie: no Expires, gone when the browser closes.
    session.permanent = False
    return "Remembered until the browser closes"


@app.route("/whoami")
def whoami():
    return f"User: {session.get('user', 'nobody')} (permanent: {session.permanent})"
