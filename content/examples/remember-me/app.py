import os
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, redirect, render_template_string, request
from flask_login import (LoginManager, UserMixin, current_user, fresh_login_required,
                         login_fresh, login_required, login_user, logout_user)
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_NAME="remember_me_session",
                  SESSION_COOKIE_SAMESITE="Lax", REMEMBER_COOKIE_NAME="remember_me_token",
                  REMEMBER_COOKIE_DURATION=timedelta(days=14), REMEMBER_COOKIE_SAMESITE="Lax")
login_manager = LoginManager(app)
login_manager.login_view = login_manager.refresh_view = "login"

class User(UserMixin):
    def __init__(self, name, password):
        self.name, self.hash, self.version = name, generate_password_hash(password), 1
    def get_id(self):  # what the session and the remember cookie carry: "student:1"
        return f"{self.name}:{self.version}"

USERS = {"student": User("student", "cookies")}
DUMMY = User("", "not-a-real-password")  # checked for unknown names: same work, same answer
@login_manager.user_loader
def load_user(user_id):  # an id with an old version loads nobody: that login is revoked
    user = USERS.get(user_id.partition(":")[0])
    return user if user is not None and user.get_id() == user_id else None

def safe_next(target):  # a path on this site ("/account?tab=1"), else None
    ok = target.startswith("/") and not target.startswith("//") and "\\" not in target
    parts = urlsplit(target)  # drops tabs and newlines first, as browsers do
    return target if ok and not parts.scheme and not parts.netloc else None

@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = USERS.get(request.form.get("username", ""), DUMMY)
        if check_password_hash(user.hash, request.form.get("password", "")) and user is not DUMMY:
            login_user(user, remember=request.form.get("remember") == "on")  # fresh=True
            return redirect(safe_next(request.args.get("next", "")) or "/account")
    return render_template_string("""{% for m in get_flashed_messages() %}<p>{{ m }}</p>{% endfor %}
<form method="post"><input name="username"> <input name="password" type="password"> <label>
<input type="checkbox" name="remember"> Remember me</label> <button>Log in</button></form>""")

@app.get("/account")
@login_required
def account():
    return f"Hello {current_user.name}. Fresh login: {login_fresh()}"

@app.get("/settings")
@fresh_login_required  # password, e-mail, payment details: only after typing the password
def settings():
    return f"Settings of {current_user.name}"

@app.post("/logout")
@login_required
def logout():
    logout_user()  # removes the session keys and deletes this browser's remember cookie
    return redirect("/login")
