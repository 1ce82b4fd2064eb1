#!/usr/bin/env python3
"""Fetch the in-browser Python runtime into static/runtime/, exactly the pinned versions.

Pyodide from the npm registry, and pure-Python wheels of Flask and its dependencies from PyPI
(MarkupSafe ships only a C-accelerated wheel; its pure fallback, `_native.py`, is packed into
a py3-none-any wheel from the sdist). Every download is checked against its sha256 below, and
each file gets a gzip and a brotli copy, so the server sends the compressed bytes without
compressing at start-up. The fetched files are committed: `cargo run --release` needs no
network. Running the script again rebuilds the same bytes (fixed zip and gzip timestamps).

    pip install brotli==1.2.0   # only this script needs it
    python3 scripts/fetch_runtime.py
"""
import brotli
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "static", "runtime")

PYODIDE = ("pyodide", "314.0.8")
# The files of the npm package the browser needs.
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
WHEELS = [
    ("flask", "3.1.3"),
    ("werkzeug", "3.1.8"),
    ("itsdangerous", "2.2.0"),
    ("jinja2", "3.1.6"),
    ("click", "8.1.8"),
    ("blinker", "1.9.0"),
    # What the production lessons' examples import (logins that last, CSRF, tokens, set-up).
    ("flask-login", "0.6.3"),
    ("flask-wtf", "1.3.0"),
    ("wtforms", "3.3.2"),
    ("pyjwt", "2.15.1"),
    ("python-dotenv", "1.2.4"),
]
MARKUPSAFE = ("markupsafe", "3.0.3")
# sha256 of every download; a changed file stops the script.
SHA256 = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "runtime.sha256.json")))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def checked(path):
    name = os.path.basename(path)
    got = sha256(path)
    want = SHA256.get(name)
    if want != got:
        sys.exit(f"{name}: sha256 {got}, expected {want}")
    return path


def fixed(name):
    """A zip entry with a fixed date, so the built wheel is the same bytes every time."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def main():
    tmp = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", f"{PYODIDE[0]}@{PYODIDE[1]}", "--silent"], cwd=tmp, check=True)
    tgz = checked(os.path.join(tmp, f"{PYODIDE[0]}-{PYODIDE[1]}.tgz"))
    spec = [f"{n}=={v}" for n, v in WHEELS]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", tmp, *spec], check=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:", "-d", tmp, f"{MARKUPSAFE[0]}=={MARKUPSAFE[1]}"], check=True)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "wheels"))
    with tarfile.open(tgz) as t:
        for name in PYODIDE_FILES:
            data = t.extractfile(f"package/{name}").read()
            open(os.path.join(OUT, name), "wb").write(data)
    for n, v in WHEELS:
        stem = n.replace("-", "_")
        whl = next(f for f in os.listdir(tmp) if f.lower().startswith((f"{n}-{v}-", f"{stem}-{v}-")) and f.endswith(".whl"))
        shutil.copy(checked(os.path.join(tmp, whl)), os.path.join(OUT, "wheels", whl))
    # MarkupSafe: the pure-Python package from the sdist, as a wheel.
    sdist = checked(os.path.join(tmp, f"{MARKUPSAFE[0]}-{MARKUPSAFE[1]}.tar.gz"))
    wheel = os.path.join(OUT, "wheels", f"markupsafe-{MARKUPSAFE[1]}-py3-none-any.whl")
    with tarfile.open(sdist) as t, zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        prefix = f"markupsafe-{MARKUPSAFE[1]}/src/markupsafe/"
        for m in t.getmembers():
            if m.isfile() and m.name.startswith(prefix) and m.name.endswith(".py"):
                z.writestr(fixed("markupsafe/" + m.name[len(prefix):]), t.extractfile(m).read())
        z.writestr(fixed(f"markupsafe-{MARKUPSAFE[1]}.dist-info/METADATA"), f"Metadata-Version: 2.1\nName: MarkupSafe\nVersion: {MARKUPSAFE[1]}\n")
    # A gzip and a brotli copy of everything, made once here rather than at every start-up.
    manifest = {}
    for base, _, files in os.walk(OUT):
        for f in sorted(files):
            path = os.path.join(base, f)
            rel = os.path.relpath(path, OUT)
            data = open(path, "rb").read()
            open(path + ".gz", "wb").write(gzip.compress(data, 9, mtime=0))
            open(path + ".br", "wb").write(brotli.compress(data, quality=11))
            manifest[rel] = hashlib.sha256(data).hexdigest()
    json.dump(manifest, open(os.path.join(OUT, "MANIFEST.json"), "w"), indent=1, sort_keys=True)
    print(f"runtime: {len(manifest)} files in {OUT}")


if __name__ == "__main__":
    main()
