from flask import Flask, session

# No SECRET_KEY: Flask cannot sign the session cookie, so it refuses to store anything.
app = Flask(__name__)


@app.route("/")
def index():
    # Raises RuntimeError: The session is unavailable because no secret key was set.
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number {session['visits']}"
