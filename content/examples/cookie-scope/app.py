import os

from flask import Flask, make_response, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# __Host-: kept by the browser only with Secure, Path=/ and no Domain (own name: ports share).
app.config["SESSION_COOKIE_NAME"] = "__Host-scope_session"
app.config["SESSION_COOKIE_SECURE"] = True
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
# SESSION_COOKIE_PATH/DOMAIN stay None: Path=/ (APPLICATION_ROOT), no Domain (host-only).

# One scope for the hint cookie, used to set it AND to delete it.
# COOKIE_DOMAIN unset: host-only; COOKIE_DOMAIN=example.com: subdomains get it too.
HINT_SCOPE = {"path": "/shop", "domain": os.environ.get("COOKIE_DOMAIN")}


@app.route("/login")
def login():
    session["user"] = "ada"
    return "Logged in"


@app.route("/logout")
def logout():
    session.clear()  # Flask deletes the cookie with the same name, path, domain and flags
    return "Logged out"


@app.route("/shop/hint")
def set_hint():
    response = make_response("Hint saved for /shop")
    response.set_cookie("cart_hint", "3", **HINT_SCOPE)
    return response


@app.route("/peek")
@app.route("/shop/peek")
@app.route("/shopping/peek")
def peek():
    return f"{request.path}: cart_hint={request.cookies.get('cart_hint')}"


@app.route("/shop/forget-wrong")
def forget_wrong():
    response = make_response("Deletion sent for Path=/, another cookie")
    response.delete_cookie("cart_hint")
    return response


@app.route("/shop/forget")
def forget():
    response = make_response("Deleted cart_hint in its own scope")
    response.delete_cookie("cart_hint", **HINT_SCOPE)
    return response


@app.route("/cookie-header")
def cookie_header():
    return request.headers.get("Cookie", "(no Cookie header)")
