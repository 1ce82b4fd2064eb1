# Упражнение к уроку «Работа с сессией».
session-basics-greeting-title = Поприветствовать нового посетителя без падения
session-basics-greeting-new-visitor = Новый посетитель с пустой сессией получает страницу со словом «stranger», а не ошибку 500.
session-basics-greeting-remembers = После /name/Ada главная страница приветствует Ada.
session-basics-greeting-forgets = После /forget главная страница снова говорит «stranger».
session-basics-greeting-forget-twice = /forget отвечает 200, даже когда удалять нечего.
session-basics-greeting-hint = Квадратные скобки и pop() без значения по умолчанию бросают KeyError, если ключа нет. Какие способы вместо этого возвращают значение по умолчанию?
