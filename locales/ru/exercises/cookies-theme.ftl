# Упражнение к уроку «Куки во Flask».
cookies-theme-title = Пусть куки темы живёт 30 дней
cookies-theme-sets = GET /theme/dark отвечает 200 и присылает ровно один заголовок Set-Cookie для theme=dark.
cookies-theme-read-back = После /theme/dark главная страница отвечает «Theme: dark».
cookies-theme-lasts-30-days = Куки темы живёт 30 дней с этого момента: Max-Age=2592000 или дата Expires через 30 дней.
cookies-theme-httponly = Куки темы помечена HttpOnly: скрипты страницы её не прочитают.
cookies-theme-samesite-lax = У куки темы есть атрибут SameSite=Lax.
cookies-theme-hint = Посмотрите, какую дату Expires присылает приложение. Какой аргумент set_cookie() считает секунды от текущего момента, а какому нужна дата?
