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
    with client:
        client.post("/add/apple")
        client.post("/add/pear")
        # TODO: this reads the session the last request left in memory,
        # not what the cookie carries to the next request.
        assert session["cart"] == ["apple", "pear"]
