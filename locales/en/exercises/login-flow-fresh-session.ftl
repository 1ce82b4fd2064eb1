# Exercise of the lesson "A login flow".
login-flow-fresh-session-title = A clean login
login-flow-fresh-session-login-works = POST /login as student with the password cookies succeeds.
login-flow-fresh-session-profile = After logging in, /profile shows student.
login-flow-fresh-session-no-password = The session cookie holds no password and no password hash, only who the user is.
login-flow-fresh-session-nothing-crosses = Values stored in the session before login (a planted role and a "next" address) are gone after it.
login-flow-fresh-session-anonymous = A visitor who has not logged in is redirected away from /profile.
login-flow-fresh-session-hint = The cookie is signed, not encrypted: keep just the username in it. And empty the session before you store the user.
