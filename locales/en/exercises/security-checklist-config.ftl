# Exercise of the lesson "Security checklist and troubleshooting".
security-checklist-config-title = Put the checklist into the configuration
security-checklist-config-login-works = POST /login as student, over HTTPS, succeeds and sends the session cookie.
security-checklist-config-signed-in = After that login, the home page says "Signed in as student".
security-checklist-config-secure = The session cookie is Secure: the browser sends it over HTTPS only.
security-checklist-config-httponly = The session cookie is HttpOnly: page scripts cannot read it.
security-checklist-config-samesite-lax = The session cookie has SameSite=Lax.
security-checklist-config-lifetime = The session cookie expires eight hours after the login.
security-checklist-config-hint = Each item is one SESSION_COOKIE_… or PERMANENT_SESSION_… setting in app.config.update(...).
