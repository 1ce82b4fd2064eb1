import os

from flask import Flask, session

app = Flask(__name__)
# One fixed key from the environment: the same after a restart and in every worker process.
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/")
def count():
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number {session['visits']}"
