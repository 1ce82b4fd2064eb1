from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/")
def index():
    # HTTP forgets us between requests; the browser's cookie is the only memory.
    # The browser sends back whatever it holds, so never trust the value blindly.
    raw = request.cookies.get("visits", "0")
    visits = int(raw) + 1 if raw.isdecimal() else 1
    response = make_response(f"Visit number {visits}")
    response.set_cookie("visits", str(visits), max_age=60 * 60 * 24 * 30, samesite="Lax")
    return response
