import base64
import json
import os

from cryptography.fernet import Fernet, InvalidToken  # pip install cryptography
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, session
from flask.sessions import SecureCookieSession, SessionInterface


class EncryptedSessionInterface(SessionInterface):
    def fernet(self, app):
        # A separate 32-byte key for this one purpose, derived from SECRET_KEY.
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"encrypted-session")
        return Fernet(base64.urlsafe_b64encode(hkdf.derive(app.secret_key.encode())))

    def open_session(self, app, request):
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return SecureCookieSession()
        ttl = int(app.permanent_session_lifetime.total_seconds())
        try:
            return SecureCookieSession(json.loads(self.fernet(app).decrypt(value, ttl=ttl)))
        except (InvalidToken, ValueError):  # changed, too old or another key: start empty
            return SecureCookieSession()

    def save_session(self, app, session, response):
        name, path, domain = (self.get_cookie_name(app), self.get_cookie_path(app),
                              self.get_cookie_domain(app))
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(name, path=path, domain=domain)
            return
        if not self.should_set_cookie(app, session):
            return
        value = self.fernet(app).encrypt(json.dumps(dict(session)).encode()).decode()
        response.set_cookie(
            name, value, expires=self.get_expiration_time(app, session), path=path,
            domain=domain, httponly=self.get_cookie_httponly(app),
            secure=self.get_cookie_secure(app), samesite=self.get_cookie_samesite(app),
        )


app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_NAME"] = "tokens_session"
app.session_interface = EncryptedSessionInterface()


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    # The counter works, yet the cookie value reveals nothing without the key.
    return f"Visit number {session['visits']}"
