import os

import redis
from flask import Flask, abort, request, session
from flask_session import Session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "revocation_server_session"
app.config["SESSION_TYPE"] = "redis"
store = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
app.config["SESSION_REDIS"] = store
Session(app)

USERS = {"student": generate_password_hash("cookies")}
DUMMY_HASH = generate_password_hash("not-a-real-password")  # same work for unknown names


def index_key(uid):
    return f"user_sessions:{uid}"  # a Redis set: the ids of this user's sessions


@app.post("/login")
def login():
    name = request.form.get("username", "")
    password_ok = check_password_hash(USERS.get(name, DUMMY_HASH), request.form.get("password", ""))
    if not password_ok or name not in USERS:
        abort(403)
    session.clear()
    session["uid"] = name
    app.session_interface.regenerate(session)  # a new id once the user is stored
    store.sadd(index_key(name), session.sid)  # Flask-Session keeps no such index itself
    return f"Logged in as {name}"


@app.get("/profile")
def profile():
    return f"Logged in as {session['uid']}" if "uid" in session else ("Not logged in", 401)


@app.post("/logout")
def logout():
    if "uid" in session:
        store.srem(index_key(session["uid"]), session.sid)
    session.clear()  # Flask-Session deletes this record: copies of this id are dead too
    return "Logged out here"


@app.post("/logout-everywhere")
def logout_everywhere():
    if "uid" in session:
        key = index_key(session["uid"])
        for sid in store.smembers(key):
            store.delete(app.session_interface.key_prefix + sid.decode())
        store.delete(key)
    session.clear()
    return "Logged out everywhere"
