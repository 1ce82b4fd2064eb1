import os

from flask import Flask, session
from flask_session import Session
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Its own cookie name instead of Flask's default "session": cookies ignore the port, so the
# course on 127.0.0.1:3000 and every app on 127.0.0.1 would otherwise share one cookie.
app.config["SESSION_COOKIE_NAME"] = "sql_session"
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("SQLALCHEMY_DATABASE_URI", "sqlite:///sessions.db")
db = SQLAlchemy(app)

app.config["SESSION_TYPE"] = "sqlalchemy"
# Flask-Session takes the Flask-SQLAlchemy instance and creates its "sessions" table on start-up.
app.config["SESSION_SQLALCHEMY"] = db
# SQL has no automatic expiry: delete expired rows with `flask --app app_sqlalchemy session_cleanup`
# from a scheduled job.
Session(app)


@app.route("/")
def index():
    session["user"] = "ada"
    return "Stored user in the database"


@app.route("/show")
def show():
    return f"User: {session.get('user', 'nobody')}"
