import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/")
def hello():
    # TODO: a new visitor has an empty session
    return f"Hello, {session['name']}!"


@app.route("/name/<name>")
def remember(name):
    session["name"] = name
    return f"Nice to meet you, {name}."


@app.route("/forget")
def forget():
    session.pop("name")
    return "Forgotten."
