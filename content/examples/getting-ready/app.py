import os

from flask import Flask, request, session

app = Flask(__name__)
# Read from the environment. `flask run` fills it from a .env file when python-dotenv is
# installed; the Run button in the lesson uses a placeholder key instead.
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# This app's own cookie name instead of Flask's default "session": cookies ignore the port,
# so every app on 127.0.0.1 (and this course on port 3000) shares one cookie jar.
app.config["SESSION_COOKIE_NAME"] = "getting_ready_session"
# Any other setting can come from .env as well; this one is optional.
GREETING = os.environ.get("GREETING", "Hello")


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    return f"{GREETING}! Visit number {session['visits']} (debug mode: {app.debug})"


@app.route("/strict")
def strict():
    # Square brackets on a cookie that isn't there: 400 Bad Request with debug mode off,
    # a traceback (BadRequestKeyError) with debug mode on.
    return f"Theme: {request.cookies['theme']}"
