# Вправа до уроку «Під капотом: з чого складається кукі сесії».
under-the-hood-inspect-title = Спершу перевір, потім довіряй
under-the-hood-inspect-valid = Справжнє кукі сесії користувача 42 дає відповідь «User: 42».
under-the-hood-inspect-tampered = Кукі, у якому дані підробили на користувача 1, а підпис лишили старий, дає відповідь «User: None».
under-the-hood-inspect-expired = Кукі, підписане правильним ключем 32 дні тому, тобто старше за термін життя в 31 день, дає відповідь «User: None».
under-the-hood-inspect-garbage = Рядок, який зовсім не є кукі, дає «User: None», а не помилку.
under-the-hood-inspect-hint = Хай серіалізатор, яким користується сам Flask, перевірить підпис і вік, перш ніж щось розкодовувати: app.session_interface.get_signing_serializer(app).
