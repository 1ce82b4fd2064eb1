// Runs a lesson's Flask app in the learner's browser: Pyodide (CPython in WebAssembly) with
// pure-Python wheels of Flask and its dependencies, all from this site, driven through
// Flask's own test client. A module worker, so the page never freezes.
const DRIVER = `
import json, os, sys, traceback, types

def _session_of(app, client):
    name = app.config.get("SESSION_COOKIE_NAME", "session")
    cookie = client.get_cookie(name)
    if cookie is None:
        return None
    # payload.timestamp.signature; a compressed payload starts with its own ".".
    out = {"name": name, "cookie": cookie.value, "parts": cookie.value.rsplit(".", 2)}
    try:
        from datetime import datetime, timezone
        from itsdangerous.encoding import base64_decode
        stamp = int.from_bytes(base64_decode(out["parts"][1]), "big")
        out["signed_at"] = datetime.fromtimestamp(stamp, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    except Exception:
        out["signed_at"] = None
    try:
        data = app.session_interface.get_signing_serializer(app).loads(cookie.value)
        out.update(valid=True, data=repr(dict(data)))
    except Exception as error:
        out.update(valid=False, error=type(error).__name__)
    return out

_apps = {}

def _module(code):
    """The learner's code as module "app", registered so a check can reach it."""
    os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
    module = types.ModuleType("app")
    sys.modules["app"] = module
    exec(compile(code, "app.py", "exec"), module.__dict__)
    return module

def run_app(code, request_json):
    request = json.loads(request_json)
    entry = _apps.get(code)
    if entry is None:
        try:
            module = _module(code)
        except Exception:
            return json.dumps({"error": traceback.format_exc(limit=6)})
        app = getattr(module, "app", None)
        if app is None:
            return json.dumps({"error": "app.py defines no \`app\`"})
        entry = _apps[code] = (app, app.test_client())
    app, client = entry
    try:
        # "a=1&b=2" becomes form fields, as a browser's form would send them.
        from urllib.parse import parse_qsl
        from werkzeug.datastructures import MultiDict
        form = request.get("form") or ""
        data = MultiDict(parse_qsl(form, keep_blank_values=True)) if form else None
        response = client.open(request["path"], method=request["method"], data=data)
    except Exception:
        return json.dumps({"error": traceback.format_exc(limit=8)})
    return json.dumps({
        "status": response.status,
        "set_cookie": response.headers.getlist("Set-Cookie"),
        "body": response.get_data(as_text=True)[:4000],
        "jar": sorted(f"{c.key}={c.value}" for c in client._cookies.values()),
        "session": _session_of(app, client),
    })

def reset_app(code):
    _apps.pop(code, None)

class _Failed(Exception):
    pass

def check_app(code, check_code):
    """An exercise's hidden assertions: check(app, expect) stops at the first false one."""
    passed = []
    def expect(ok, message):
        if not ok:
            raise _Failed(message)
        passed.append(message)
    try:
        module = _module(code)
        app = getattr(module, "app", None)
        if app is None:
            return json.dumps({"passed": [], "error": "app.py defines no \`app\`"})
        checks = {"__name__": "check"}
        exec(compile(check_code, "check.py", "exec"), checks)
        checks["check"](app, expect)
    except _Failed as failed:
        return json.dumps({"passed": passed, "failed": str(failed)})
    except Exception:
        return json.dumps({"passed": passed, "error": traceback.format_exc(limit=8)})
    return json.dumps({"passed": passed, "failed": None})
`;

let pyodide = null;

async function boot(base, wheels) {
  const { loadPyodide } = await import(base + "pyodide.mjs");
  const py = await loadPyodide({ indexURL: base });
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  for (const wheel of wheels) {
    const response = await fetch(base + wheel);
    py.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: sitePackages });
  }
  py.runPython(DRIVER);
  return py;
}

self.onmessage = async (event) => {
  const { id, base, wheels, code, request, reset, check } = event.data;
  try {
    if (!pyodide) pyodide = await boot(base, wheels);
    if (reset) {
      pyodide.globals.get("reset_app")(code);
      self.postMessage({ id, ok: true, result: null });
      return;
    }
    if (check) {
      const verdict = pyodide.globals.get("check_app")(code, check);
      self.postMessage({ id, ok: true, result: JSON.parse(verdict) });
      return;
    }
    const out = pyodide.globals.get("run_app")(code, JSON.stringify(request));
    self.postMessage({ id, ok: true, result: JSON.parse(out) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};
