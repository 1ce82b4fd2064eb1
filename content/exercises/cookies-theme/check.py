from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


def theme_cookie(response):
    """The attributes of the one Set-Cookie header for `theme`, or None."""
    headers = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("theme=")]
    if len(headers) != 1:
        return None
    first, *rest = [part.strip() for part in headers[0].split(";")]
    attrs = {"": first}
    for part in rest:
        key, sep, value = part.partition("=")
        attrs[key.lower()] = value if sep else True
    return attrs


def check(app, expect):
    client = app.test_client()
    before = datetime.now(timezone.utc)
    response = client.get("/theme/dark")
    attrs = theme_cookie(response)
    expect(response.status_code == 200 and attrs is not None and attrs[""] == "theme=dark", "cookies-theme-sets")
    expect(client.get("/").get_data(as_text=True) == "Theme: dark", "cookies-theme-read-back")
    # Browsers obey Max-Age when it is there, and Expires otherwise.
    if "max-age" in attrs:
        seconds = int(attrs["max-age"]) if attrs["max-age"].isdigit() else -1
    elif "expires" in attrs:
        seconds = (parsedate_to_datetime(attrs["expires"]) - before).total_seconds()
    else:
        seconds = None
    expect(seconds is not None and abs(seconds - 30 * 24 * 3600) <= 3600, "cookies-theme-lasts-30-days")
    expect(attrs.get("httponly") is True, "cookies-theme-httponly")
    expect(str(attrs.get("samesite", "")).lower() == "lax", "cookies-theme-samesite-lax")
