# Демонстрация украденной копии из урока «Отзыв сессий: выйти из аккаунта везде».
replay-login = Войти
replay-copy = Скопировать куки сессии (как это сделал бы вор)
replay-logout = Выйти здесь: session.clear()
replay-logout-everywhere = Выйти везде: увеличить версию сессии
replay-replay = Если вор предъявит копию сейчас:
replay-send = Предъявить копию
replay-no-copy = Копии пока нет: войдите, а затем скопируйте куки.
replay-copy-is = Копия вора: { $value }
replay-version = Версия сессии пользователя { $user }: { $version }.
replay-without = Без проверки версии: { $outcome }
replay-with = С проверкой версии: { $outcome }
replay-accepted = принята, копия вошла в аккаунт как { $user }.
replay-refused-version = отклонена: в копии версия { $copy }, а у пользователя сейчас версия { $current }.
replay-refused-anonymous = отклонена: в копии нет входа в аккаунт.
replay-refused-invalid = отклонена: подпись копии не проходит проверку.
