import os

from flask import Flask, flash, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "login_session"
# Not sent on cross-site POSTs (lesson 10); Flask's default sets no SameSite at all.
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

# Store only password hashes; a real app keeps these in a database.
USERS = {"student": generate_password_hash("cookies")}
# Checked when the username is unknown, so that a wrong name takes as long as a wrong password
# and the answer does not reveal which usernames exist.
DUMMY_HASH = generate_password_hash("not-a-real-password")

LOGIN_PAGE = """
<!doctype html>
<title>Log in</title>
{% for message in get_flashed_messages() %}<p class="flash">{{ message }}</p>{% endfor %}
<form method="post">
  <label>Username <input name="username" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Log in</button>
</form>
"""

PROFILE_PAGE = """
<!doctype html>
<title>Profile</title>
{% for message in get_flashed_messages() %}<p class="flash">{{ message }}</p>{% endfor %}
<p>Signed in as {{ user }}.</p>
<form method="post" action="{{ url_for('logout') }}"><button type="submit">Log out</button></form>
"""


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        password_hash = USERS.get(username, DUMMY_HASH)
        password_ok = check_password_hash(password_hash, password)
        if username in USERS and password_ok:
            # Start the logged-in session empty: nothing stored before the login (by this
            # visitor or a previous user of the browser) carries over into the account.
            session.clear()
            # Keep only who the user is, never the password.
            session["user"] = username
            flash("Logged in")
            return redirect(url_for("profile"))
        # The same message for an unknown name and a wrong password.
        flash("Wrong username or password")
    return render_template_string(LOGIN_PAGE)


@app.route("/profile")
def profile():
    user = session.get("user")
    if user is None:
        return redirect(url_for("login"))
    return render_template_string(PROFILE_PAGE, user=user)


# POST only: a link or an image on another site cannot log the user out (a GET could).
@app.route("/logout", methods=["POST"])
def logout():
    session.pop("user", None)
    flash("Logged out")
    return redirect(url_for("login"))
