# Упражнение к уроку «Чек-лист безопасности».
security-checklist-config-title = Перенести чек-лист в конфигурацию
security-checklist-config-login-works = POST /login от имени student по HTTPS проходит успешно и присылает куки сессии.
security-checklist-config-signed-in = После такого входа главная страница отвечает «Signed in as student».
security-checklist-config-secure = Куки сессии помечена Secure: браузер отправляет её только по HTTPS.
security-checklist-config-httponly = Куки сессии помечена HttpOnly: скрипты страницы её не прочитают.
security-checklist-config-samesite-lax = У куки сессии есть атрибут SameSite=Lax.
security-checklist-config-lifetime = Куки сессии истекает через восемь часов после входа.
security-checklist-config-hint = Каждый пункт — это одна настройка SESSION_COOKIE_… или PERMANENT_SESSION_… в app.config.update(...).
