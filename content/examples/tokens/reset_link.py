import hashlib
import os

from flask import Flask, request, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.security import generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "tokens_session"

USERS = {"ada": generate_password_hash("old-password")}
RESET_MAX_AGE = 15 * 60  # seconds a reset link stays valid


def reset_serializer():
    # The same secret key as the session, but its own salt: a reset token and a session
    # cookie can never be swapped for each other.
    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="password-reset")


def fingerprint(username):
    # A short digest of the current password hash. It changes as soon as the password
    # does, so a link that has been used once stops working.
    return hashlib.sha256(USERS[username].encode()).hexdigest()[:16]


@app.post("/forgot")
def forgot():
    username = request.form.get("username", "")
    if username not in USERS:
        return "If that account exists, a reset link is on its way."
    token = reset_serializer().dumps({"user": username, "pw": fingerprint(username)})
    # A real app e-mails this link and shows the same sentence as above. The demo shows it.
    return url_for("reset", token=token)


@app.post("/reset/<token>")
def reset(token):
    try:
        data = reset_serializer().loads(token, max_age=RESET_MAX_AGE)
    except SignatureExpired:  # a subclass of BadSignature, so it must come first
        return "This link has expired. Ask for a new one.", 400
    except BadSignature:
        return "This link is not valid.", 400
    user = data["user"]
    if user not in USERS or data["pw"] != fingerprint(user):
        return "This link has already been used.", 400
    password = request.form.get("password", "")
    if len(password) < 8:
        return "Choose a password of at least 8 characters.", 400
    USERS[user] = generate_password_hash(password)
    return f"Password changed for {user}."
