"""The Flask app a careful author would write for the same pages, for the load comparison
in benches/run.sh: Python-Markdown + Pygments, rendered once and cached; Flask's own signed
cookie sessions for set and state. Run under gunicorn with 2 workers."""

import functools
import json
import os
from pathlib import Path

import markdown
from flask import Flask, abort, request, session

ROOT = Path(__file__).resolve().parent.parent
app = Flask(__name__)
app.secret_key = os.environ.get("SECRET_KEY", "bench")

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/site.css"></head><body><main><h1>{title}</h1>{body}</main></body></html>"""


@functools.lru_cache(maxsize=None)
def render(lang: str, slug: str) -> str:
    path = ROOT / "content" / lang / f"{slug}.md"
    if not path.is_file():
        abort(404)
    text = path.read_text()
    _, front, body = text.split("+++", 2)
    title = next((l.split("=", 1)[1].strip().strip('"') for l in front.splitlines() if l.startswith("title")), slug)
    html = markdown.markdown(body, extensions=["fenced_code", "codehilite", "tables", "footnotes"])
    return PAGE.format(lang=lang, title=title, body=html)


@app.get("/<lang>/lessons/<slug>")
def lesson(lang, slug):
    return render(lang, slug)


@app.post("/sandbox/session/set")
def session_set():
    session[request.form["key"]] = request.form["value"]
    return json.dumps(dict(session))


@app.get("/sandbox/state")
def state():
    return json.dumps({"session": dict(session), "cookies": request.cookies})
