# Вправа до уроку «Кукі у Flask: записати, прочитати, видалити».
cookies-theme-title = Хай кукі теми живе 30 днів
cookies-theme-sets = GET /theme/dark відповідає 200 і надсилає рівно один заголовок Set-Cookie для theme=dark.
cookies-theme-read-back = Після /theme/dark головна сторінка відповідає «Theme: dark».
cookies-theme-lasts-30-days = Кукі теми живе 30 днів від цієї миті: Max-Age=2592000 або дата Expires на 30 днів уперед.
cookies-theme-httponly = Кукі теми має позначку HttpOnly, тож скрипти сторінки його не прочитають.
cookies-theme-samesite-lax = Кукі теми має атрибут SameSite=Lax.
cookies-theme-hint = Подивіться, яку дату Expires надсилає застосунок. Який аргумент set_cookie() рахує секунди від цієї миті, а якому потрібна дата?
