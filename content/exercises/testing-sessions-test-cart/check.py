import os
import sys

from flask import Flask, jsonify, session


def buggy_app():
    """The same routes, with the lesson-6 bug: the append changes the list in place."""
    buggy = Flask("buggy_cart", root_path=os.getcwd(), static_folder=None)
    buggy.config["SECRET_KEY"] = "check-only-key"
    buggy.config["SESSION_COOKIE_NAME"] = "ex_session"

    @buggy.post("/add/<item>")
    def add(item):
        session.setdefault("cart", [])
        session["cart"].append(item)  # in place: never saved after the first item
        return jsonify(session["cart"])

    @buggy.get("/cart")
    def cart():
        return jsonify(session.get("cart", []))

    return buggy


def find_test(app):
    module = sys.modules.get("app")
    test = getattr(module, "test_cart_keeps_items", None)
    if callable(test):
        return test
    for view in app.view_functions.values():
        test = getattr(view, "__globals__", {}).get("test_cart_keeps_items")
        if callable(test):
            return test
    return None


def fails_on(test, app):
    """True if the test fails against this app, as pytest would report it."""
    try:
        test(app)
    except Exception:  # an AssertionError or any other error: pytest reports both as failed
        return True
    return False


def check(app, expect):
    test = find_test(app)
    expect(test is not None, "testing-sessions-test-cart-passes-on-good-app")
    try:
        test(app)  # other errors show their traceback: they are bugs in the test itself
        passed = True
    except AssertionError:
        passed = False
    expect(passed, "testing-sessions-test-cart-passes-on-good-app")
    expect(fails_on(test, buggy_app()), "testing-sessions-test-cart-fails-on-buggy-app")
