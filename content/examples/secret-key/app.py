import os

from flask import Flask, session

app = Flask(__name__)
# Read the key from the environment so it never lands in the repository.
# os.environ[...] raises KeyError at start-up if it is missing: better than running without sessions.
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# During a rotation, list the previous keys here so cookies signed with them still load.
# Flask always signs new cookies with SECRET_KEY.
app.config["SECRET_KEY_FALLBACKS"] = [
    key.strip() for key in os.environ.get("OLD_SECRET_KEYS", "").split(",") if key.strip()
]


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number {session['visits']}"
