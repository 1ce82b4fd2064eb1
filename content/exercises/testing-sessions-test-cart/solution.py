import os

from flask import Flask, jsonify, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "ex_session"


@app.post("/add/<item>")
def add(item):
    cart = session.get("cart", [])
    cart.append(item)
    session["cart"] = cart
    return jsonify(cart)


@app.get("/cart")
def cart():
    return jsonify(session.get("cart", []))


def test_cart_keeps_items(app):
    client = app.test_client()
    client.post("/add/apple")
    client.post("/add/pear")
    # Ask in the next request: only what the cookie carried is there.
    assert client.get("/cart").get_json() == ["apple", "pear"]
