import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "basics_session"


@app.route("/set/<name>")
def set_name(name):
    session["name"] = name
    return f"Saved name: {name}"


@app.route("/get")
def get_name():
    # .get() returns the default instead of raising when the key is absent.
    return f"Name: {session.get('name', 'stranger')}"


@app.route("/has")
def has_name():
    return "yes" if "name" in session else "no"


@app.route("/strict")
def strict_name():
    # Square brackets raise KeyError when the key is missing; the handler below turns it into a 400.
    return f"Name: {session['name']}"


@app.errorhandler(KeyError)
def missing_key(error):
    # Without this handler a missing key would be a 500 Internal Server Error.
    return f"Missing session key: {error}", 400


@app.route("/pop")
def pop_name():
    # The default None makes pop safe when the key is not there.
    removed = session.pop("name", None)
    return f"Removed: {removed}"


@app.route("/clear")
def clear_session():
    # An empty session makes Flask send a cookie that deletes the old one.
    session.clear()
    return "Session cleared"
