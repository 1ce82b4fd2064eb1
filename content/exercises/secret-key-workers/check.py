import os

from flask import Flask
from itsdangerous import BadSignature


def another_process(app):
    """The same app started again: after a restart, or in a second worker process.

    It shares only the environment with this one, so the key they can agree on is the
    one in the SECRET_KEY environment variable."""
    other = Flask("another_worker")
    other.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    other.config["SESSION_COOKIE_NAME"] = app.config["SESSION_COOKIE_NAME"]
    return other.session_interface.get_signing_serializer(other)


def check(app, expect):
    name = app.config["SESSION_COOKIE_NAME"]
    client = app.test_client()
    first, second = client.get("/"), client.get("/")
    expect(first.status_code == 200 and second.get_data(as_text=True) == "Visit number 2", "secret-key-workers-counts")

    cookie = client.get_cookie(name)
    try:
        accepted = cookie is not None and another_process(app).loads(cookie.value) == {"visits": 2}
    except BadSignature:
        accepted = False
    expect(accepted, "secret-key-workers-restart")

    visitor = app.test_client()
    visitor.set_cookie(name, another_process(app).dumps({"visits": 5}))
    expect(visitor.get("/").get_data(as_text=True) == "Visit number 6", "secret-key-workers-other-worker")
