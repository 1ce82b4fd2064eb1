from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/theme/<name>")
def save_theme(name):
    response = make_response(f"Theme saved: {name}")
    # TODO: keep it for 30 days, hide it from page scripts, send it with SameSite=Lax
    response.set_cookie("theme", name, expires=30 * 24 * 60 * 60)
    return response


@app.route("/")
def home():
    return f"Theme: {request.cookies.get('theme', 'light')}"
