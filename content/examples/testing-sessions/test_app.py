import time
from datetime import datetime, timedelta, timezone

import pytest
from flask import session
from itsdangerous import TimestampSigner

from app import app as flask_app


@pytest.fixture
def app():
    flask_app.config.update(TESTING=True)  # exceptions reach the test, not a 500 page
    return flask_app


@pytest.fixture
def client(app):
    return app.test_client()  # a fresh "browser" with an empty cookie jar per test


def freeze_clock(monkeypatch, at):
    # itsdangerous signs and checks cookies with TimestampSigner.get_timestamp().
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(at))


def test_cart_keeps_every_item(client):
    client.post("/add/apple")
    client.post("/add/pear")
    # Ask in the NEXT request: only what the cookie carried is there.
    assert client.get("/cart").get_json() == ["apple", "pear"]


def test_login_sends_a_permanent_cookie(client):
    before = datetime.now(timezone.utc)
    with client:
        response = client.post("/login", data={"user": "ada"})
        assert session["user"] == "ada" and session.permanent
    assert len(response.headers.getlist("Set-Cookie")) == 1
    cookie = client.get_cookie("testing_session")
    assert cookie.http_only and cookie.path == "/"
    assert timedelta(minutes=29) < cookie.expires - before < timedelta(minutes=31)


def test_planted_user_is_seen(client):
    with client.session_transaction() as sess:
        sess["user"] = "grace"
    assert client.get("/me").text == "grace"


def test_a_cookie_older_than_30_minutes_is_refused(client, monkeypatch):
    start = time.time()
    freeze_clock(monkeypatch, start)
    client.post("/login", data={"user": "ada"})
    assert client.get("/me").text == "ada"  # first prove that the login worked
    freeze_clock(monkeypatch, start + 31 * 60)
    assert client.get("/me").text == "nobody"
