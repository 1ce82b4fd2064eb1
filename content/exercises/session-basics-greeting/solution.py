import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/")
def hello():
    # .get() gives the default instead of raising KeyError when "name" is not there.
    return f"Hello, {session.get('name', 'stranger')}!"


@app.route("/name/<name>")
def remember(name):
    session["name"] = name
    return f"Nice to meet you, {name}."


@app.route("/forget")
def forget():
    # The default makes pop() safe when there is nothing to remove.
    session.pop("name", None)
    return "Forgotten."
