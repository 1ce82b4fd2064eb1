import os

import redis
from flask import Flask, jsonify, session
from flask_session import Session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "redis_session"
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


@app.route("/add/<item>")
def add(item):
    # Lesson 6's in-place append, without session.modified = True. Here it is NOT lost:
    # Flask-Session writes the record back on every request (SESSION_REFRESH_EACH_REQUEST is
    # on by default), so a request with the cookie costs one Redis read and one write.
    session.setdefault("cart", []).append(item)
    return jsonify(session["cart"])
