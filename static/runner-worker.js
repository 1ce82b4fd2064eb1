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
    out = {"name": name, "cookie": cookie.value, "parts": cookie.value.split(".")}
    try:
        data = app.session_interface.get_signing_serializer(app).loads(cookie.value)
        out.update(valid=True, data=repr(dict(data)))
    except Exception as error:
        out.update(valid=False, error=type(error).__name__)
    return out

_apps = {}

def run_app(code, request_json):
    request = json.loads(request_json)
    os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
    entry = _apps.get(code)
    if entry is None:
        module = types.ModuleType("app")
        try:
            exec(compile(code, "app.py", "exec"), module.__dict__)
        except Exception:
            return json.dumps({"error": traceback.format_exc(limit=6)})
        app = getattr(module, "app", None)
        if app is None:
            return json.dumps({"error": "app.py defines no \`app\`"})
        entry = _apps[code] = (app, app.test_client())
    app, client = entry
    try:
        response = client.open(request["path"], method=request["method"], data=request.get("form") or None)
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
  const { id, base, wheels, code, request, reset } = event.data;
  try {
    if (!pyodide) pyodide = await boot(base, wheels);
    if (reset) {
      pyodide.globals.get("reset_app")(code);
      self.postMessage({ id, ok: true, result: null });
      return;
    }
    const out = pyodide.globals.get("run_app")(code, JSON.stringify(request));
    self.postMessage({ id, ok: true, result: JSON.parse(out) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};
