from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

HTTPS = "https://localhost"  # a Secure cookie is only sent back over HTTPS


def session_cookie(app, response):
    """The attributes of the one Set-Cookie header for the session cookie, or None."""
    name = app.config["SESSION_COOKIE_NAME"]
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(name + "=")]
    if len(headers) != 1:
        return None
    attrs = {}
    for part in headers[0].split(";")[1:]:
        key, sep, value = part.strip().partition("=")
        attrs[key.lower()] = value if sep else True
    return attrs


def check(app, expect):
    client = app.test_client()
    before = datetime.now(timezone.utc)
    response = client.post("/login", data={"username": "student", "password": "cookies"}, base_url=HTTPS)
    attrs = session_cookie(app, response)
    expect(response.status_code < 400 and attrs is not None, "security-checklist-config-login-works")
    home = client.get("/", base_url=HTTPS).get_data(as_text=True)
    expect(home == "Signed in as student", "security-checklist-config-signed-in")
    expect(attrs.get("secure") is True, "security-checklist-config-secure")
    expect(attrs.get("httponly") is True, "security-checklist-config-httponly")
    expect(str(attrs.get("samesite", "")).lower() == "lax", "security-checklist-config-samesite-lax")
    expires = attrs.get("expires")
    ahead = (parsedate_to_datetime(expires) - before).total_seconds() if expires else None
    expect(ahead is not None and abs(ahead - 8 * 3600) <= 300, "security-checklist-config-lifetime")
