import json

LOGIN = {"username": "student", "password": "cookies"}


def stored(app, client):
    """The session as the cookie carries it, decoded after checking the signature."""
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    if cookie is None:
        return {}
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


def check(app, expect):
    client = app.test_client()
    response = client.post("/login", data=LOGIN)
    expect(response.status_code < 400, "login-flow-fresh-session-login-works")
    profile = client.get("/profile")
    shown = profile.status_code == 200 and "student" in profile.get_data(as_text=True)
    expect(shown, "login-flow-fresh-session-profile")

    payload = json.dumps(stored(app, client), default=str).lower()
    secret = any(word in payload for word in ("password", "scrypt", '"cookies"'))
    expect(not secret, "login-flow-fresh-session-no-password")

    victim = app.test_client()
    with victim.session_transaction() as planted:  # left by someone else before this login
        planted["role"] = "admin"
        planted["next"] = "https://evil.example/"
    victim.post("/login", data=LOGIN)
    crossed = {"role", "next"} & set(stored(app, victim))
    expect(not crossed, "login-flow-fresh-session-nothing-crosses")

    expect(app.test_client().get("/profile").status_code in (302, 303), "login-flow-fresh-session-anonymous")
