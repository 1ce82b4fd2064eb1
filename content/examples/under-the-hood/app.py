import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "hood_session"


@app.route("/")
def index():
    session["user"] = "ada"
    session["theme"] = "dark"
    # Copy the "session" cookie from the browser's developer tools and run decode.py on it.
    return "Session set: look at the session cookie"
