import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/add", methods=["POST"])
def add():
    item = request.form.get("item", "")
    session.setdefault("cart", [])
    # TODO: the second item never reaches the cookie
    session["cart"].append(item)
    return jsonify(session["cart"])


@app.route("/remove", methods=["POST"])
def remove():
    item = request.form.get("item", "")
    if item in session.get("cart", []):
        session["cart"].remove(item)
    return jsonify(session.get("cart", []))


@app.route("/cart")
def cart():
    return jsonify(session.get("cart", []))
