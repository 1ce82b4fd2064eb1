import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# An app that other sites show in an <iframe>, such as a chat or payment widget.
app.config.update(
    SESSION_COOKIE_NAME="__Host-embed_session",
    SESSION_COOKIE_SECURE=True,  # required by SameSite=None, Partitioned and __Host-
    SESSION_COOKIE_SAMESITE="None",  # sent inside a frame on another site
    SESSION_COOKIE_PARTITIONED=True,  # one cookie jar per top-level site (CHIPS)
)


@app.route("/widget/start")
def start():
    session["visits"] = session.get("visits", 0) + 1
    return f"Widget visits in this partition: {session['visits']}"


@app.route("/widget/reset")
def reset():
    session.clear()  # the deletion repeats Secure, SameSite=None and Partitioned
    return "Widget session cleared"
