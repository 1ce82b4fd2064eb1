"""Read a Flask session cookie by hand, and check its signature when a key is given.

Usage: python decode.py COOKIE [SECRET_KEY]
"""

import base64
import hashlib
import json
import sys
import zlib
from datetime import datetime, timezone

from flask.json.tag import TaggedJSONSerializer
from itsdangerous import BadSignature, URLSafeTimedSerializer


def _b64decode(text: str) -> bytes:
    # Flask strips the "=" padding; base64 needs it back.
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decode_payload(cookie: str) -> dict:
    """Return the session data. No key needed: the payload is only encoded, not encrypted."""
    payload = cookie.split(".")[1] if cookie.startswith(".") else cookie.split(".")[0]
    data = _b64decode(payload)
    if cookie.startswith("."):
        # A leading "." means the JSON was zlib-compressed because that was shorter.
        data = zlib.decompress(data)
    # Tagged values (tuples, bytes, datetimes...) stay in their {" t": ...} form here.
    return json.loads(data)


def signed_at(cookie: str) -> datetime:
    """Return when the cookie was signed: the middle part is a big-endian Unix timestamp."""
    timestamp = cookie.rsplit(".", 2)[1]
    seconds = int.from_bytes(_b64decode(timestamp), "big")
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def verify(cookie: str, key: str) -> bool:
    """Check the signature exactly as Flask's SecureCookieSessionInterface does."""
    serializer = URLSafeTimedSerializer(
        key,
        salt="cookie-session",
        serializer=TaggedJSONSerializer(),
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    )
    try:
        serializer.loads(cookie)
    except BadSignature:
        return False
    return True


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    cookie = argv[1]
    print("payload:  ", json.dumps(decode_payload(cookie), ensure_ascii=False))
    print("signed at:", signed_at(cookie).isoformat())
    if len(argv) == 3:
        print("signature:", "valid" if verify(cookie, argv[2]) else "INVALID")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
