"""Real Flask, driven line by line over stdin/stdout by the differential tests.

Each input line is a JSON command; each output line is the JSON answer:
  {"op": "load", "key": K, "cookie": C, "now": T, "lifetime": S}
      -> {"status": 200, "session": TYPED} (what a real view sees) or {"status": 500}
  {"op": "make", "key": K, "session": TYPED, "now": T, "permanent": bool}
      -> {"cookie": C, "set_cookie": [...], "payload_json": J}
TYPED is the convention of tests/fixtures/flask/vectors.json ({"$tuple": [...]}, ...).
Time is frozen at T by patching itsdangerous' TimestampSigner.get_timestamp and the
datetime Flask uses for Expires.
"""

import datetime as dt
import json
import logging
import math
import sys
import uuid
from unittest import mock

import flask.sessions
from flask import Flask, session
from itsdangerous.timed import TimestampSigner
from markupsafe import Markup

logging.disable(logging.CRITICAL)


def to_typed(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v if -(2**63) <= v < 2**63 else {"$int": str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {"$float": "NaN"}
        if math.isinf(v):
            return {"$float": "Infinity" if v > 0 else "-Infinity"}
        return v
    if isinstance(v, Markup):
        return {"$markup": str(v)}
    if isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return {"$bytes": v.hex()}
    if isinstance(v, tuple):
        return {"$tuple": [to_typed(x) for x in v]}
    if isinstance(v, list):
        return [to_typed(x) for x in v]
    if isinstance(v, uuid.UUID):
        return {"$uuid": str(v)}
    if isinstance(v, dt.datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, dict):
        out = {k: to_typed(x) for k, x in v.items()}
        if len(out) == 1 and next(iter(out)).startswith("$"):
            return {"$dict": out}
        return out
    raise TypeError(type(v).__name__)


def from_typed(j):
    if isinstance(j, list):
        return [from_typed(x) for x in j]
    if not isinstance(j, dict):
        return j
    if len(j) == 1:
        ((k, v),) = j.items()
        conv = {
            "$int": int,
            "$float": float,
            "$tuple": lambda x: tuple(from_typed(i) for i in x),
            "$bytes": bytes.fromhex,
            "$markup": Markup,
            "$uuid": uuid.UUID,
            "$datetime": dt.datetime.fromisoformat,
            "$dict": lambda x: {a: from_typed(b) for a, b in x.items()},
        }
        if k in conv:
            return conv[k](v)
    return {k: from_typed(v) for k, v in j.items()}


class FrozenDateTime(dt.datetime):
    frozen_at = 0.0

    @classmethod
    def now(cls, tz=None):
        return dt.datetime.fromtimestamp(cls.frozen_at, tz)


def frozen(now):
    FrozenDateTime.frozen_at = float(now)
    return (
        mock.patch.object(TimestampSigner, "get_timestamp", lambda self: int(now)),
        mock.patch.object(flask.sessions, "datetime", FrozenDateTime),
    )


def make_app(key, lifetime=None):
    app = Flask("peer")
    app.secret_key = key
    if lifetime is not None:
        app.config["PERMANENT_SESSION_LIFETIME"] = lifetime
    return app


def load(cmd):
    app = make_app(cmd["key"], cmd.get("lifetime"))

    @app.route("/")
    def view():
        return json.dumps(to_typed(dict(session)))

    a, b = frozen(cmd["now"])
    with a, b:
        header = f"session={cmd['cookie']}".encode().decode("latin-1")
        r = app.test_client(use_cookies=False).get("/", headers={"Cookie": header})
    if r.status_code != 200:
        return {"status": r.status_code}
    return {"status": 200, "session": json.loads(r.get_data(as_text=True))}


def make(cmd):
    app = make_app(cmd["key"])
    value = from_typed(cmd["session"])

    @app.route("/")
    def view():
        session.update(value)
        if cmd.get("permanent"):
            session.permanent = True
        return ""

    a, b = frozen(cmd["now"])
    with a, b:
        r = app.test_client(use_cookies=False).get("/")
        with app.app_context():
            payload_json = app.session_interface.serializer.dumps(dict(value))
    headers = r.headers.getlist("Set-Cookie")
    cookie = headers[0].split(";", 1)[0].split("=", 1)[1] if headers else None
    return {"cookie": cookie, "set_cookie": headers, "payload_json": payload_json}


def fs_app(cmd):
    """A Flask-Session 0.8 app on the given Redis, with its defaults."""
    import redis
    from flask_session import Session

    app = Flask("fs_peer")
    app.secret_key = cmd["key"]
    app.config.update(SESSION_TYPE="redis", SESSION_REDIS=redis.from_url(cmd["redis"]))
    Session(app)
    return app


def fs_load(cmd):
    app = fs_app(cmd)

    @app.route("/")
    def view():
        return json.dumps(to_typed(dict(session)))

    r = app.test_client(use_cookies=False).get("/", headers={"Cookie": f"session={cmd['sid']}"})
    return {"status": r.status_code, "session": json.loads(r.get_data(as_text=True))}


def fs_make(cmd):
    app = fs_app(cmd)
    value = from_typed(cmd["session"])

    @app.route("/")
    def view():
        session.update(value)
        return ""

    r = app.test_client(use_cookies=False).get("/")
    headers = r.headers.getlist("Set-Cookie")
    return {"sid": headers[0].split(";", 1)[0].split("=", 1)[1], "set_cookie": headers}


def msgpack_encode(cmd):
    import msgspec

    return {"hex": msgspec.msgpack.Encoder().encode(from_typed(cmd["session"])).hex()}


def main():
    for line in sys.stdin:
        cmd = json.loads(line)
        try:
            ops = {"load": load, "make": make, "fs_load": fs_load, "fs_make": fs_make, "msgpack": msgpack_encode}
            out = ops[cmd["op"]](cmd)
        except Exception as e:  # report, never hang the test
            out = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
