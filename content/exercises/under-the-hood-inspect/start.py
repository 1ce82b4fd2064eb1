import base64
import json
import os

from flask import Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


def read_session(cookie):
    """The session data in a cookie value, or None if it cannot be trusted."""
    # TODO: this only decodes the payload
    payload = cookie.split(".")[0]
    try:
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError:
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
