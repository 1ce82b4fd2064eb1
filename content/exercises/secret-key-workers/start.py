import os

from flask import Flask, session

app = Flask(__name__)
# A fresh random key each time this file runs: "secure", isn't it?
# TODO: every restart and every worker process runs this line again
app.config["SECRET_KEY"] = os.urandom(24)
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/")
def count():
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number {session['visits']}"
