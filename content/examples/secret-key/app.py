import os

from flask import Flask, session

app = Flask(__name__)
# Read the key from the environment so it never lands in the repository.
# os.environ[...] raises KeyError at start-up if it is missing: better than running without sessions.
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "secret_key_session"
# During a rotation, list the previous keys here so cookies signed with them still load.
# Flask always signs new cookies with SECRET_KEY.
app.config["SECRET_KEY_FALLBACKS"] = [
    key.strip() for key in os.environ.get("OLD_SECRET_KEYS", "").split(",") if key.strip()
]


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number {session['visits']}"
