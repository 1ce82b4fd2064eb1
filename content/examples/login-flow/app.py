import os

from flask import Flask, flash, redirect, render_template_string, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

# Store only password hashes; a real app keeps these in a database.
USERS = {"student": generate_password_hash("cookies")}

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
<p><a href="{{ url_for('logout') }}">Log out</a></p>
"""


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        username = request.form.get("username", "")
        password = request.form.get("password", "")
        password_hash = USERS.get(username)
        if password_hash is not None and check_password_hash(password_hash, password):
            # A fresh session on login defeats session fixation.
            session.clear()
            # Keep only who the user is, never the password.
            session["user"] = username
            flash("Logged in")
            return redirect(url_for("profile"))
        flash("Wrong username or password")
    return render_template_string(LOGIN_PAGE)


@app.route("/profile")
def profile():
    user = session.get("user")
    if user is None:
        return redirect(url_for("login"))
    return render_template_string(PROFILE_PAGE, user=user)


@app.route("/logout")
def logout():
    session.pop("user", None)
    flash("Logged out")
    return redirect(url_for("login"))
