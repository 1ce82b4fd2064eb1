import os

from flask import Flask, redirect, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"

# The demo user; the hash is what generate_password_hash("cookies") returned.
USERS = {"student": {"name": "student", "password_hash": (
    "scrypt:32768:8:1$8ZkXwFC4j7RAEtIW$5af45476b5c5454990cdbdc957bf31dfd2cfb01b694b2a95c6ae8a"
    "1f3b643f958702ed274114b69229fcd5ade78463d4b395a85458b6faed5fb05621396b2d76")}}


def password_ok(user, password):
    # Stands in for check_password_hash(user["password_hash"], password) from lesson 7,
    # which needs OpenSSL: the Python in your browser has none.
    return user is not None and password == "cookies"


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return ('<form method="post"><input name="username">'
                '<input name="password" type="password"><button>Log in</button></form>')
    user = USERS.get(request.form.get("username", ""))
    if not password_ok(user, request.form.get("password", "")):
        return "Wrong username or password", 403
    # Nothing from before the login crosses it (a planted "role", a leftover cart...).
    session.clear()
    # Only who the user is: the cookie is signed, not encrypted, so no hash goes in.
    session["user"] = user["name"]
    return redirect("/profile")


@app.route("/profile")
def profile():
    user = session.get("user")
    if user is None:
        return redirect("/login")
    tools = " | admin tools" if session.get("role") == "admin" else ""
    return f"Profile of {user}{tools}"
