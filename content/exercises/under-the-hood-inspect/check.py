import base64
import hashlib
import time

from flask.json.tag import TaggedJSONSerializer
from itsdangerous import TimestampSigner, URLSafeTimedSerializer


class SignerFromThePast(TimestampSigner):
    def get_timestamp(self):
        return int(time.time()) - 32 * 24 * 60 * 60  # 32 days ago


def inspect(app, cookie):
    response = app.test_client().post("/inspect", data={"cookie": cookie})
    return response.get_data(as_text=True) if response.status_code == 200 else None


def check(app, expect):
    client = app.test_client()
    client.get("/login/42")
    jar = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    cookie = jar.value if jar is not None else ""
    expect(cookie and inspect(app, cookie) == "User: 42", "under-the-hood-inspect-valid")

    # The payload edited to {"user_id":1}, the timestamp and signature kept.
    forged = base64.urlsafe_b64encode(b'{"user_id":1}').decode().rstrip("=")
    expect(inspect(app, forged + cookie[cookie.index("."):]) == "User: None", "under-the-hood-inspect-tampered")

    # Signed with the right key, but 32 days ago: older than the 31-day lifetime.
    old = URLSafeTimedSerializer(
        app.secret_key, salt="cookie-session", serializer=TaggedJSONSerializer(),
        signer=SignerFromThePast, signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    ).dumps({"user_id": 42})
    expect(inspect(app, old) == "User: None", "under-the-hood-inspect-expired")

    expect(inspect(app, "not-a-cookie") == "User: None", "under-the-hood-inspect-garbage")
