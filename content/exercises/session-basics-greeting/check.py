def get(client, path):
    """The response, or None if the view raised (a 500 for a real visitor)."""
    try:
        return client.get(path)
    except Exception:  # the app may be in testing mode, which re-raises errors
        return None


def ok(response, text=None):
    return (response is not None and response.status_code == 200
            and (text is None or text in response.get_data(as_text=True)))


def check(app, expect):
    newcomer = app.test_client()
    expect(ok(get(newcomer, "/"), "stranger"), "session-basics-greeting-new-visitor")

    client = app.test_client()
    expect(ok(get(client, "/name/Ada")) and ok(get(client, "/"), "Ada"), "session-basics-greeting-remembers")
    expect(ok(get(client, "/forget")) and ok(get(client, "/"), "stranger"), "session-basics-greeting-forgets")
    expect(ok(get(client, "/forget")) and ok(get(app.test_client(), "/forget")), "session-basics-greeting-forget-twice")
