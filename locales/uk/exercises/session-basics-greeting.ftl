# Вправа до уроку «Основи сесії: записати, прочитати, видалити».
session-basics-greeting-title = Привітати нового відвідувача без падіння
session-basics-greeting-new-visitor = Новий відвідувач із порожньою сесією отримує сторінку зі словом «stranger», а не помилку 500.
session-basics-greeting-remembers = Після /name/Ada головна сторінка вітає Ada.
session-basics-greeting-forgets = Після /forget головна сторінка знову каже «stranger».
session-basics-greeting-forget-twice = /forget відповідає 200, навіть коли видаляти нічого.
session-basics-greeting-hint = Квадратні дужки й pop() без значення за замовчуванням кидають KeyError, коли ключа немає. Які способи натомість повертають значення за замовчуванням?
