# The "remember me" demo of the lesson "Logins that last".
remember-check = Remember me
remember-login = login_user(user, remember=…)
remember-close = Close the browser (drop the session cookie)
remember-visit = Come back: request a page
remember-logout = logout_user()
remember-status-out = Not logged in.
remember-status-fresh = Logged in as { $user }: a fresh login.
remember-status-stale = Logged in as { $user }: not fresh, restored from the remember_token cookie.
remember-cookie = remember_token cookie: { $value }
remember-no-cookie = No remember_token cookie.
