# Демо «Запам’ятати мене» з уроку «Вхід надовго».
remember-check = Запам’ятати мене
remember-login = login_user(user, remember=…)
remember-close = Закрити браузер (видалити кукі сесії)
remember-visit = Повернутися: запитати сторінку
remember-logout = logout_user()
remember-status-out = Ви не увійшли.
remember-status-fresh = Ви увійшли як { $user }: свіжий вхід.
remember-status-stale = Ви увійшли як { $user }: вхід несвіжий, відновлений із кукі remember_token.
remember-cookie = Кукі remember_token: { $value }
remember-no-cookie = Кукі remember_token немає.
