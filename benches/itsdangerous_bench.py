"""The Python side of `benches/codec.rs`: the same session, signed by Flask's own serializer.

python3 -m timeit -s "import sys; sys.path.insert(0, 'benches'); from itsdangerous_bench import s, d, c" "s.dumps(d)"
python3 -m timeit -s "import sys; sys.path.insert(0, 'benches'); from itsdangerous_bench import s, d, c" "s.loads(c, max_age=2678400)"
"""

from flask import Flask

app = Flask("bench")
app.secret_key = "bench-secret-key"
app.app_context().push()
s = app.session_interface.get_signing_serializer(app)
d = {"lang": "uk", "user_id": 42, "cart": ["apple", "pear"], "_flashes": [("message", "Вітаємо!")]}
c = s.dumps(d)
