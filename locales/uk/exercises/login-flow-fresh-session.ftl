# Вправа до уроку «Вхід, профіль і вихід».
login-flow-fresh-session-title = Чистий вхід
login-flow-fresh-session-login-works = POST /login від імені student з паролем cookies проходить успішно.
login-flow-fresh-session-profile = Після входу /profile показує student.
login-flow-fresh-session-no-password = У кукі сесії немає ні пароля, ні хешу пароля: лише те, хто цей користувач.
login-flow-fresh-session-nothing-crosses = Значення, що потрапили в сесію до входу (підкинута роль role та адреса next), після входу зникають.
login-flow-fresh-session-anonymous = Відвідувач, який не увійшов, на /profile отримує переспрямування.
login-flow-fresh-session-hint = Кукі підписане, але не зашифроване: тримайте в ньому лише ім’я користувача. І очистьте сесію, перш ніж записати користувача.
