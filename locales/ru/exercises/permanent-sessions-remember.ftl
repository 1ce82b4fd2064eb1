# Упражнение к уроку «Постоянные сессии».
permanent-sessions-remember-title = «Запомнить меня» на 30 дней
permanent-sessions-remember-login-works = POST /login с именем и отмеченной галочкой remember отвечает 200 и присылает куки сессии.
permanent-sessions-remember-whoami = После такого входа /whoami показывает пользователя.
permanent-sessions-remember-expires-30-days = С отмеченной галочкой у куки сессии есть дата Expires через 30 дней.
permanent-sessions-remember-unticked = Без галочки у куки сессии нет ни Expires, ни Max-Age: это сеансовая куки.
permanent-sessions-remember-hint = Одна настройка срока жизни не добавляет Expires. Какой флаг сессии, поднятый внутри обработчика, это делает?
