# Вправа до уроку «Постійні сесії й термін життя».
permanent-sessions-remember-title = «Запам’ятати мене» на 30 днів
permanent-sessions-remember-login-works = POST /login з ім’ям і позначеним прапорцем remember відповідає 200 і надсилає кукі сесії.
permanent-sessions-remember-whoami = Після такого входу /whoami показує користувача.
permanent-sessions-remember-expires-30-days = Із позначеним прапорцем кукі сесії має дату Expires на 30 днів уперед.
permanent-sessions-remember-unticked = Без прапорця кукі сесії не має ні Expires, ні Max-Age: це сеансове кукі.
permanent-sessions-remember-hint = Саме налаштування терміну життя не додає Expires. Яка властивість сесії, задана у функції представлення, це робить?
