# Вправа до уроку «Контрольний список безпеки і типові несправності».
security-checklist-config-title = Перенести контрольний список у конфігурацію
security-checklist-config-login-works = POST /login від імені student через HTTPS проходить успішно й надсилає кукі сесії.
security-checklist-config-signed-in = Після такого входу головна сторінка відповідає «Signed in as student».
security-checklist-config-secure = Кукі сесії має позначку Secure: браузер надсилає його лише через HTTPS.
security-checklist-config-httponly = Кукі сесії має позначку HttpOnly: скрипти сторінки його не прочитають.
security-checklist-config-samesite-lax = Кукі сесії має атрибут SameSite=Lax.
security-checklist-config-lifetime = Кукі сесії спливає через вісім годин після входу.
security-checklist-config-hint = Кожен пункт — це одне налаштування SESSION_COOKIE_… або PERMANENT_SESSION_… в app.config.update(...).
