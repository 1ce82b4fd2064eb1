import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/")
def index():
    session["user"] = "ada"
    session["theme"] = "dark"
    # Copy the "session" cookie from the browser's developer tools and run decode.py on it.
    return "Session set: look at the session cookie"
