from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/theme/<name>")
def save_theme(name):
    response = make_response(f"Theme saved: {name}")
    # max_age counts seconds from now; expires wants a date (a number is read as a Unix time).
    response.set_cookie("theme", name, max_age=30 * 24 * 60 * 60, httponly=True, samesite="Lax")
    return response


@app.route("/")
def home():
    return f"Theme: {request.cookies.get('theme', 'light')}"
