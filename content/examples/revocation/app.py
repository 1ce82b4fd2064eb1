import os

from flask import Flask, abort, request, session
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "revocation_session"

# In a real app both live in the database: the password hash and the session version.
USERS = {"student": {"hash": generate_password_hash("cookies"), "ver": 1}}
DUMMY = {"hash": generate_password_hash("not-a-real-password")}  # same work for unknown names


@app.before_request
def check_session_version():
    user = USERS.get(session.get("uid"), {})
    if "uid" in session and session.get("ver") != user.get("ver"):
        session.clear()  # signed, but from an older version: not logged in


@app.post("/login")
def login():
    name, password = request.form.get("username", ""), request.form.get("password", "")
    user = USERS.get(name, DUMMY)
    if not check_password_hash(user["hash"], password) or name not in USERS:
        abort(403)
    session.clear()
    session.update(uid=name, ver=user["ver"])  # the version this login belongs to
    return f"Logged in as {name}"


@app.get("/profile")
def profile():
    return f"Logged in as {session['uid']}" if "uid" in session else ("Not logged in", 401)


@app.post("/logout")
def logout():
    session.clear()  # this browser's cookie only; copies of it still verify
    return "Logged out here"


@app.post("/logout-everywhere")
def logout_everywhere():
    if "uid" in session:
        USERS[session["uid"]]["ver"] += 1  # every cookie with the old version is refused
    session.clear()
    return "Logged out everywhere"


@app.post("/change-password")
def change_password():
    user = USERS.get(session.get("uid"))
    if user is None or not check_password_hash(user["hash"], request.form.get("current", "")):
        abort(403)
    user["hash"] = generate_password_hash(request.form["new"])
    user["ver"] += 1  # ends the sessions on every other device...
    session["ver"] = user["ver"]  # ...but keeps this browser logged in
    return "Password changed"
