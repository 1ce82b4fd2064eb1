#!/usr/bin/env python3
"""Fail if the modules of src/ import each other in a cycle.

A module is a file under src/ (mod.rs names its folder). An edge A -> B is a `crate::B…`
path (or `super::B` resolved) in A's code, tests excluded. Prints each cycle found.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return "::".join(rel) or "crate"


modules = {}
for d, _, files in os.walk(ROOT):
    for f in files:
        if f.endswith(".rs"):
            p = os.path.join(d, f)
            modules[module_of(p)] = p

names = set(modules)


def resolve(parts):
    """The longest known module that is a prefix of `parts`."""
    for n in range(len(parts), 0, -1):
        cand = "::".join(parts[:n])
        if cand in names:
            return cand
    return None


edges = {m: set() for m in modules}
for m, p in modules.items():
    text = open(p, encoding="utf-8").read()
    text = re.split(r"#\[cfg\(test\)\]", text)[0]  # unit tests may reach anywhere
    text = re.sub(r"//[^\n]*", "", text)
    here = m.split("::") if m != "crate" else []
    for path in re.findall(r"\b((?:crate|super)(?:::[a-z_][a-z0-9_]*)+)", text):
        parts = path.split("::")
        if parts[0] == "crate":
            parts = parts[1:]
        else:
            base = here[:-1] if not modules[m].endswith("mod.rs") else here
            while parts and parts[0] == "super":
                parts = parts[1:]
                base = base[:-1] if parts and parts[0] == "super" else base
            parts = base + parts
        target = resolve(parts)
        if target and target != m and not m.startswith(target + "::") and not target.startswith(m + "::"):
            edges[m].add(target)
    # `use` groups: crate::{a, b::c}
    for group in re.findall(r"crate::\{([^}]*)\}", text):
        for item in group.split(","):
            item = item.strip().split("::")
            target = resolve([i for i in item if i and i != "self"])
            if target and target != m:
                edges[m].add(target)

# Tarjan's strongly connected components.
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges[v]:
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))


sys.setrecursionlimit(10000)
for v in sorted(edges):
    if v not in index:
        visit(v)
for comp in sccs:
    print("import cycle:", " <-> ".join(comp))
    for a in comp:
        for b in sorted(edges[a] & set(comp)):
            print(f"    {a} -> {b}")
if sccs:
    sys.exit(1)
print(f"no import cycle among {len(modules)} modules")
