from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/set")
def set_theme():
    response = make_response("Theme saved")
    response.set_cookie(
        "theme",
        "dark",
        max_age=3600,
        httponly=True,
        samesite="Lax",
    )
    return response


@app.route("/read")
def read_theme():
    theme = request.cookies.get("theme")
    if theme is None:
        return "No theme cookie yet"
    return f"Theme: {theme}"


@app.route("/delete")
def delete_theme():
    response = make_response("Theme cookie deleted")
    response.delete_cookie("theme")
    return response
