def fill(app, items):
    """Add the items one request each, then read the stored cart in a new request."""
    client = app.test_client()
    for item in items:
        if client.post("/add", data={"item": item}).status_code != 200:
            return None
    return client.get("/cart").get_json()


def check(app, expect):
    expect(fill(app, ["apple"]) is not None, "mutable-values-cart-add-works")
    expect(fill(app, ["apple"]) == ["apple"], "mutable-values-cart-first-item")
    expect(fill(app, ["apple", "pear", "plum"]) == ["apple", "pear", "plum"], "mutable-values-cart-every-item")

    client = app.test_client()
    for item in ("apple", "pear"):
        client.post("/add", data={"item": item})
    response = client.post("/remove", data={"item": "apple"})
    expect(response.status_code == 200 and client.get("/cart").get_json() == ["pear"], "mutable-values-cart-remove")
