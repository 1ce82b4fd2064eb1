import os
from datetime import timedelta

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name: cookies ignore the port, so apps on 127.0.0.1 would share one.
app.config["SESSION_COOKIE_NAME"] = "testing_session"
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=30)


@app.post("/add/<item>")
def add(item):
    cart = session.get("cart", [])
    cart.append(item)
    session["cart"] = cart  # assigning again marks the session modified
    return jsonify(cart)


@app.get("/cart")
def cart():
    return jsonify(session.get("cart", []))


@app.post("/login")
def login():
    session["user"] = request.form["user"]
    session.permanent = True  # the cookie gets Expires: now + 30 minutes
    return "Logged in"


@app.get("/me")
def me():
    return session.get("user", "nobody")
