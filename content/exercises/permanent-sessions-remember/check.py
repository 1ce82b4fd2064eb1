from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


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
    response = client.post("/login", data={"name": "ada", "remember": "on"})
    attrs = session_cookie(app, response)
    expect(response.status_code == 200 and attrs is not None, "permanent-sessions-remember-login-works")
    expect(client.get("/whoami").get_data(as_text=True) == "User: ada", "permanent-sessions-remember-whoami")
    expires = attrs.get("expires")
    ahead = (parsedate_to_datetime(expires) - before).total_seconds() if expires else None
    expect(ahead is not None and abs(ahead - 30 * 24 * 3600) <= 300, "permanent-sessions-remember-expires-30-days")

    other = app.test_client()
    response = other.post("/login", data={"name": "bob"})
    attrs = session_cookie(app, response)
    lasting = attrs is None or "expires" in attrs or "max-age" in attrs
    expect(not lasting, "permanent-sessions-remember-unticked")
