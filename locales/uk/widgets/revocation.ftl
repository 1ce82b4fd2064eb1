# Демонстрація вкраденої копії з уроку «Відкликання сесій: вийти із системи всюди».
replay-login = Увійти
replay-copy = Скопіювати кукі сесії (як це зробив би крадій)
replay-logout = Вийти тут: session.clear()
replay-logout-everywhere = Вийти всюди: збільшити версію сесії
replay-replay = Якщо злодій надішле копію зараз:
replay-send = Надіслати копію
replay-no-copy = Копії ще немає: увійдіть, а потім скопіюйте кукі.
replay-copy-is = Копія крадія: { $value }
replay-version = Версія сесії користувача { $user }: { $version }.
replay-without = Без перевірки версії: { $outcome }
replay-with = З перевіркою версії: { $outcome }
replay-accepted = прийнято, копія увійшла в систему як { $user }.
replay-refused-version = відхилено: копія має версію { $copy }, а користувач зараз має версію { $current }.
replay-refused-anonymous = відхилено: у копії немає входу в систему.
replay-refused-invalid = відхилено: підпис копії недійсний.
