"""Read a Flask session cookie by hand; with a key, verify it first, as Flask does.

Usage: python decode.py COOKIE [SECRET_KEY [FALLBACK_KEY ...]] [--max-age SECONDS]

--max-age is the app's PERMANENT_SESSION_LIFETIME in seconds (Flask's default: 31 days).
"""

import base64
import binascii
import hashlib
import json
import sys
import zlib
from datetime import datetime, timezone

from flask.json.tag import TaggedJSONSerializer
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

DEFAULT_MAX_AGE = 31 * 24 * 60 * 60  # Flask's default PERMANENT_SESSION_LIFETIME


def _b64decode(text: str) -> bytes:
    # Flask strips the "=" padding; base64 needs it back.
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decode_payload(cookie: str) -> dict:
    """Return the session data. No key needed: the payload is only encoded, not encrypted.

    This trusts nothing and checks nothing; a changed cookie decodes just as well (or
    raises ValueError if it is not valid base64/zlib/JSON any more).
    """
    compressed = cookie.startswith(".")
    payload = cookie[1:].split(".")[0] if compressed else cookie.split(".")[0]
    try:
        data = _b64decode(payload)
        if compressed:
            # A leading "." means the JSON was zlib-compressed because that was shorter.
            data = zlib.decompress(data)
        # Tagged values (tuples, bytes, datetimes...) stay in their {" t": ...} form here.
        return json.loads(data)
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"not a readable session payload: {error}") from None


def signed_at(cookie: str) -> datetime:
    """Return when the cookie was signed: the middle part is a big-endian Unix timestamp."""
    parts = cookie.rsplit(".", 2)
    if len(parts) != 3:
        raise ValueError("a session cookie has three parts: payload.timestamp.signature")
    try:
        seconds = int.from_bytes(_b64decode(parts[1]), "big")
    except binascii.Error as error:
        raise ValueError(f"not a readable timestamp: {error}") from None
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _serializer(key: str, fallbacks=()) -> URLSafeTimedSerializer:
    # The same settings as Flask's SecureCookieSessionInterface.get_signing_serializer:
    # fallback keys first, the current key last ("at the top" for itsdangerous).
    return URLSafeTimedSerializer(
        [*fallbacks, key],
        salt="cookie-session",
        serializer=TaggedJSONSerializer(),
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    )


def check(cookie: str, key: str, fallbacks=(), max_age: int | None = DEFAULT_MAX_AGE) -> str:
    """Verify as Flask's open_session does: "valid", "expired" or "invalid".

    Flask ignores the cookie (and starts an empty session) unless this says "valid".
    """
    try:
        _serializer(key, fallbacks).loads(cookie, max_age=max_age)
    except SignatureExpired:
        return "expired"  # the signature matches, but it is older than max_age
    except BadSignature:  # also covers a malformed cookie or payload
        return "invalid"
    return "valid"


def verify(cookie: str, key: str, fallbacks=(), max_age: int | None = DEFAULT_MAX_AGE) -> bool:
    """True when Flask, with this key, these fallbacks and this lifetime, would accept the cookie."""
    return check(cookie, key, fallbacks, max_age) == "valid"


def main(argv: list[str]) -> int:
    args = list(argv[1:])
    max_age = DEFAULT_MAX_AGE
    if "--max-age" in args:
        i = args.index("--max-age")
        try:
            max_age = int(args[i + 1])
        except (IndexError, ValueError):
            print("--max-age needs a number of seconds", file=sys.stderr)
            return 2
        del args[i : i + 2]
    if not args:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    cookie, keys = args[0], args[1:]

    if keys:
        # Verify BEFORE decoding: only a valid cookie is worth reading as session data.
        result = check(cookie, keys[0], keys[1:], max_age)
        if result == "invalid":
            print("signature: INVALID (Flask would ignore this cookie and start an empty session)")
            return 1
        if result == "expired":
            print(f"signature: valid, but EXPIRED (older than {max_age} s; Flask would ignore it)")
        else:
            print("signature: valid")

    try:
        print("payload:  ", json.dumps(decode_payload(cookie), ensure_ascii=False))
        print("signed at:", signed_at(cookie).isoformat())
    except ValueError as error:
        print(f"cannot decode: {error}")
        return 1
    if not keys:
        print("(no key given: anyone can read this, but nothing above is verified)")
    return 1 if keys and result == "expired" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
