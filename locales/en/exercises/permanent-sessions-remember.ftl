# Exercise of the lesson "Permanent sessions and lifetimes".
permanent-sessions-remember-title = Remember me for 30 days
permanent-sessions-remember-login-works = POST /login with a name and a ticked "remember" box answers 200 and sends the session cookie.
permanent-sessions-remember-whoami = After that login, /whoami shows the user.
permanent-sessions-remember-expires-30-days = With the box ticked, the session cookie has an Expires date 30 days ahead.
permanent-sessions-remember-unticked = Without the box, the session cookie has no Expires and no Max-Age: a browser-session cookie.
permanent-sessions-remember-hint = The lifetime setting alone adds no Expires. Which flag of the session, set inside the view, does?
