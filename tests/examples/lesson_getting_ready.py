# Checks for lesson 0, getting-ready. Executed by check_examples.py with its helpers as globals.

import io
import select
import shutil
import signal


def _ready_env(**extra):
    """A clean environment for a `flask` subprocess: no key, no Flask settings, no caches."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("SECRET_KEY", "GREETING") and not k.startswith("FLASK_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def _ready_folder(tmp):
    """A project folder in tmp holding a copy of the lesson's app.py."""
    folder = Path(tmp) / "project"
    folder.mkdir()
    shutil.copy(EXAMPLES / "getting-ready" / "app.py", folder / "app.py")
    return folder


def _flask_shell(folder, code, **env):
    """Run `python -m flask --app app shell` in folder with code on stdin; return its output."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "shell"],
        cwd=folder, env=_ready_env(**env), input=code, capture_output=True, text=True, timeout=60,
    )
    return result.stdout + result.stderr


SHOW = 'import os; r = app.test_client().get("/"); print("OUT", os.environ.get("SECRET_KEY"), "|", r.get_data(as_text=True), "|", r.headers.get("Set-Cookie", "").split("=")[0])\n'


@check("0 getting-ready: the example counts visits in its own getting_ready_session cookie (HttpOnly, Path=/)")
def _():
    app = load_app("getting-ready/app.py", GREETING=None)
    eq(app.config["SESSION_COOKIE_NAME"], "getting_ready_session", "cookie name")
    client = app.test_client()
    first = client.get("/")
    eq(text(first), "Hello! Visit number 1 (debug mode: False)", "first visit")
    cookie, attrs = attributes(one_set_cookie(first, "getting_ready_session"))
    assert attrs.get("httponly") is True and attrs.get("path") == "/", attrs
    assert not any(h.startswith("session=") for h in set_cookies(first)), set_cookies(first)
    eq(text(client.get("/")), "Hello! Visit number 2 (debug mode: False)", "second visit")
    eq(text(client.get("/")), "Hello! Visit number 3 (debug mode: False)", "third visit")


@check("0 getting-ready: GREETING comes from the environment, with Hello as the default")
def _():
    app = load_app("getting-ready/app.py", GREETING="Hi from .env")
    eq(text(app.test_client().get("/")), "Hi from .env! Visit number 1 (debug mode: False)", "greeting")


@check("0 getting-ready: `python -m flask` loads .env; .env beats .flaskenv; the shell's variables beat both")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        (folder / ".env").write_text("SECRET_KEY=key-from-dotenv\nGREETING=Hi from .env\n")
        (folder / ".flaskenv").write_text("GREETING=Hi from .flaskenv\nFLASK_DEBUG=1\n")
        out = _flask_shell(folder, SHOW)
        assert "OUT key-from-dotenv | Hi from .env! Visit number 1 (debug mode: True) | getting_ready_session" in out, out
        out = _flask_shell(folder, SHOW, SECRET_KEY="key-from-shell", GREETING="Hi from the shell")
        assert "OUT key-from-shell | Hi from the shell! Visit number 1" in out, out
        # Without the files, the same command stops at the os.environ["SECRET_KEY"] line.
        (folder / ".env").unlink()
        out = _flask_shell(folder, SHOW)
        assert "KeyError: 'SECRET_KEY'" in out, out


@check("0 getting-ready: .env is looked for from the current folder upwards, not next to app.py")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        (Path(tmp) / ".env").write_text("SECRET_KEY=key-from-parent\n")
        out = _flask_shell(folder, SHOW)
        assert "OUT key-from-parent |" in out, out
        elsewhere = Path(tmp) / "elsewhere"
        (elsewhere / "deeper").mkdir(parents=True)
        (folder / ".env").write_text("SECRET_KEY=key-next-to-app\n")
        (Path(tmp) / ".env").unlink()
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", str(folder / "app.py"), "routes"],
            cwd=elsewhere / "deeper", env=_ready_env(), capture_output=True, text=True, timeout=60,
        )
        assert result.returncode != 0 and "KeyError: 'SECRET_KEY'" in result.stderr, result.stderr


@check("0 getting-ready: app.run() loads .env, but only when it is called, after module-level code ran")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        (folder / ".env").write_text("SECRET_KEY=key-from-dotenv\n")
        # `python app.py`: the module's own code runs first, and .env has not been read yet.
        result = subprocess.run([sys.executable, "app.py"], cwd=folder, env=_ready_env(),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode != 0 and "KeyError: 'SECRET_KEY'" in result.stderr, result.stderr
        # app.run() itself calls flask.cli.load_dotenv() before starting the server.
        script = (
            "import os, flask, werkzeug.serving\n"
            "werkzeug.serving.run_simple = lambda *args, **kwargs: None\n"
            "before = os.environ.get('SECRET_KEY')\n"
            "flask.Flask('x').run()\n"
            "print('RUN', before, os.environ.get('SECRET_KEY'))\n"
        )
        result = subprocess.run([sys.executable, "-c", script], cwd=folder, env=_ready_env(),
                                capture_output=True, text=True, timeout=60)
        assert "RUN None key-from-dotenv" in result.stdout, result.stdout + result.stderr


@check("0 getting-ready: without python-dotenv the flask command ignores .env and prints a tip")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        (folder / ".env").write_text("SECRET_KEY=key-from-dotenv\n")
        script = ("import sys; sys.modules['dotenv'] = None\n"
                  "sys.argv = ['flask', '--app', 'app', 'routes']\n"
                  "from flask.cli import main; main()\n")
        result = subprocess.run([sys.executable, "-c", script], cwd=folder, env=_ready_env(),
                                capture_output=True, text=True, timeout=60)
        assert "Tip: There are .env files present. Install python-dotenv to use them." in result.stderr, result.stderr
        assert "KeyError: 'SECRET_KEY'" in result.stderr, result.stderr


@check("0 getting-ready: a .env saved as UTF-16 (Windows PowerShell 5.1 `>`) stops the flask command")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        (folder / ".env").write_bytes("SECRET_KEY=abc\r\n".encode("utf-16"))
        out = _flask_shell(folder, SHOW)
        assert "UnicodeDecodeError" in out, out
        # UTF-8 with a BOM and Windows line ends are fine.
        (folder / ".env").write_bytes("SECRET_KEY=abc\r\n".encode("utf-8-sig"))
        assert "OUT abc |" in _flask_shell(folder, SHOW), "UTF-8 with BOM"


@check("0 getting-ready: a missing request.cookies / form / args key is a 400 with debug off, a BadRequestKeyError with debug on")
def _():
    from flask import Flask, request
    from werkzeug.debug import DebuggedApplication
    from werkzeug.exceptions import BadRequestKeyError
    from werkzeug.test import Client

    app = load_app("getting-ready/app.py")
    eq(app.debug, False, "debug by default")
    response = app.test_client().get("/strict")
    eq(response.status_code, 400, "/strict with debug off")
    assert "<title>400 Bad Request</title>" in text(response), text(response)
    assert "theme" not in text(response), "the 400 page names the missing key"
    client = app.test_client()
    client.set_cookie("theme", "dark")
    eq(text(client.get("/strict")), "Theme: dark", "/strict with the cookie")

    app.debug = True
    try:
        app.test_client().get("/strict")
    except BadRequestKeyError as error:
        assert "KeyError: 'theme'" in str(error), str(error)
    else:
        raise AssertionError("debug mode did not raise BadRequestKeyError")
    # What the browser gets from `flask run --debug`: the debugger's traceback page, a 500.
    with contextlib.redirect_stderr(io.StringIO()):  # the debugger also logs the traceback
        page = Client(DebuggedApplication(app, evalex=True)).get("/strict")
    eq(page.status_code, 500, "status under the debugger")
    body = page.get_data(as_text=True)
    assert "BadRequestKeyError" in body and "KeyError: &#39;theme&#39;" in body, body[:500]

    forms = Flask(__name__)

    @forms.post("/")
    def read_form():
        return request.form["x"]

    @forms.get("/args")
    def read_args():
        return request.args["q"]

    eq(forms.test_client().post("/", data={}).status_code, 400, "request.form['x'] with debug off")
    eq(forms.test_client().get("/args").status_code, 400, "request.args['q'] with debug off")
    forms.debug = True
    try:
        forms.test_client().post("/", data={})
    except BadRequestKeyError:
        pass
    else:
        raise AssertionError("request.form['x'] with debug on did not raise")
    try:
        forms.test_client().get("/args")
    except BadRequestKeyError:
        pass
    else:
        raise AssertionError("request.args['q'] with debug on did not raise")


@check("0 getting-ready: `flask run --debug` turns on the reloader and the debugger and prints a PIN")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        folder = _ready_folder(tmp)
        proc = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "app", "run", "--debug", "--port", "0"],
            cwd=folder, env=_ready_env(SECRET_KEY=KEY), stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        out = ""
        try:
            # Raw reads from the pipe: a buffered readline() could hide lines from select().
            fd = proc.stdout.fileno()
            deadline = time.monotonic() + 30
            while not re.search(r"Debugger PIN: \S+\n", out) and time.monotonic() < deadline:
                ready, _, _ = select.select([fd], [], [], 1)
                if ready:
                    chunk = os.read(fd, 4096)
                    if not chunk:
                        break
                    out += chunk.decode("utf-8", "replace")
        finally:
            os.killpg(proc.pid, signal.SIGTERM)  # the server and its reloader child, nothing else
            proc.communicate(timeout=30)
        for expected in ("Debug mode: on", "Restarting with stat", "Debugger is active!"):
            assert expected in out, out
        assert re.search(r"Debugger PIN: \d{3}-\d{3}-\d{3}", out), out


@check("0 getting-ready: the key command prints 64 hex characters (32 random bytes)")
def _():
    keys = set()
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", "import secrets; print(secrets.token_hex())"],
                                capture_output=True, text=True, timeout=60)
        key = result.stdout.strip()
        assert re.fullmatch(r"[0-9a-f]{64}", key), key
        keys.add(key)
    eq(len(keys), 2, "two runs give two different keys")
