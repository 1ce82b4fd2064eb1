import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.route("/add", methods=["POST"])
def add():
    item = request.form.get("item", "")
    session.setdefault("cart", [])
    session["cart"].append(item)
    # append() changed the list in place; tell Flask the session changed.
    session.modified = True
    return jsonify(session["cart"])


@app.route("/remove", methods=["POST"])
def remove():
    item = request.form.get("item", "")
    if item in session.get("cart", []):
        session["cart"].remove(item)
        session.modified = True
    return jsonify(session.get("cart", []))


@app.route("/cart")
def cart():
    return jsonify(session.get("cart", []))
