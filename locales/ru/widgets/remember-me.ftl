# Демо «Запомнить меня» из урока «Вход надолго».
remember-check = Запомнить меня
remember-login = login_user(user, remember=…)
remember-close = Закрыть браузер (удалить куки сессии)
remember-visit = Вернуться: запросить страницу
remember-logout = logout_user()
remember-status-out = Вход не выполнен.
remember-status-fresh = Вы вошли как { $user }: свежий вход.
remember-status-stale = Вы вошли как { $user }: вход несвежий, восстановлен по куки remember_token.
remember-cookie = Куки remember_token: { $value }
remember-no-cookie = Куки remember_token нет.
