# Exercise of the lesson "Cookies in Flask".
cookies-theme-title = Make the theme cookie last 30 days
cookies-theme-sets = GET /theme/dark answers 200 and sends one Set-Cookie header for theme=dark.
cookies-theme-read-back = After /theme/dark, the home page says "Theme: dark".
cookies-theme-lasts-30-days = The theme cookie lives 30 days from now: Max-Age=2592000, or an Expires date 30 days ahead.
cookies-theme-httponly = The theme cookie is HttpOnly, so page scripts cannot read it.
cookies-theme-samesite-lax = The theme cookie has SameSite=Lax.
cookies-theme-hint = Read the Expires date the app sends. Which argument of set_cookie() counts seconds from now, and which one wants a date?
