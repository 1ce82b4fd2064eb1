import os

import redis
from flask import Flask, session
from flask_session import Session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_TYPE"] = "redis"
# SESSION_REDIS must be a Redis client object. Given a URL string, Flask-Session 0.8 warns,
# ignores it and quietly connects to localhost:6379 instead.
app.config["SESSION_REDIS"] = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
# The cookie now carries only a random session id; the data lives in Redis under "session:<id>".
Session(app)


@app.route("/")
def index():
    session["user"] = "ada"
    return "Stored user in Redis"


@app.route("/show")
def show():
    return f"User: {session.get('user', 'nobody')}"
