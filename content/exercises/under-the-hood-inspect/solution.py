import os

from flask import Flask, request, session
from itsdangerous import BadSignature

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


def read_session(cookie):
    """The session data in a cookie value, or None if it cannot be trusted."""
    # The serializer Flask itself uses: same key (and fallbacks), salt, digest and JSON tags.
    serializer = app.session_interface.get_signing_serializer(app)
    max_age = int(app.permanent_session_lifetime.total_seconds())
    try:
        # Checks the signature and the age first, and only then decodes the payload.
        return serializer.loads(cookie, max_age=max_age)
    except BadSignature:  # also covers SignatureExpired
        return None


@app.route("/login/<int:user_id>")
def login(user_id):
    session["user_id"] = user_id
    return f"Logged in as user {user_id}"


# A support page: paste a cookie value, see whose session it is.
@app.route("/inspect", methods=["POST"])
def inspect():
    data = read_session(request.form.get("cookie", ""))
    return f"User: {data.get('user_id') if data else None}"
