#!/usr/bin/env python3
"""Fail on a dependency that no code uses (what `cargo machete` checks, without installing it).

A [dependencies] crate must be named in src/, benches/ or fuzz targets; a [dev-dependencies]
crate in tests/ or benches/. Crates that are depended on only for a feature they switch on
elsewhere are listed in [package.metadata.cargo-machete] ignored = [...], each with a reason
in Cargo.toml.
"""
import os
import re
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
manifest = tomllib.load(open(os.path.join(ROOT, "Cargo.toml"), "rb"))
ignored = set(manifest.get("package", {}).get("metadata", {}).get("cargo-machete", {}).get("ignored", []))


def sources(*dirs):
    text = []
    for d in dirs:
        for base, _, files in os.walk(os.path.join(ROOT, d)):
            if "target" in base.split(os.sep):
                continue
            for f in files:
                if f.endswith(".rs"):
                    text.append(open(os.path.join(base, f), encoding="utf-8").read())
    return "\n".join(text)


code = sources("src", "benches")
tests = code + sources("tests")
unused = []
for section, text in (("dependencies", code), ("dev-dependencies", tests)):
    for name, spec in manifest.get(section, {}).items():
        crate = (spec.get("package", name) if isinstance(spec, dict) else name).replace("-", "_")
        if name in ignored:
            continue
        if not re.search(rf"\b{crate}::|\buse {crate}\b|\b{crate}!|extern crate {crate}\b", text):
            unused.append(f"{section}: {name}")
for u in unused:
    print("unused", u)
if unused:
    sys.exit(1)
print("every dependency is used")
