import os

from flask import Flask, jsonify, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "cart_session"


@app.route("/add/<item>")
def add(item):
    # setdefault assigns the list the first time, so the first item is saved.
    # Later appends change the list in place; Flask does not notice and drops them.
    session.setdefault("cart", [])
    session["cart"].append(item)
    return jsonify(session["cart"])


@app.route("/add-fixed/<item>")
def add_fixed(item):
    session.setdefault("cart", [])
    session["cart"].append(item)
    # Tell Flask the session changed so it sends the updated cookie.
    session.modified = True
    return jsonify(session["cart"])


@app.route("/cart")
def cart():
    return jsonify(session.get("cart", []))
