# Упражнение к уроку «Вход и выход».
login-flow-fresh-session-title = Чистый вход
login-flow-fresh-session-login-works = POST /login от имени student с паролем cookies проходит успешно.
login-flow-fresh-session-profile = После входа /profile показывает student.
login-flow-fresh-session-no-password = В куки сессии нет ни пароля, ни хеша пароля: только то, кто этот пользователь.
login-flow-fresh-session-nothing-crosses = Значения, попавшие в сессию до входа (подброшенная роль role и адрес next), после входа исчезают.
login-flow-fresh-session-anonymous = Посетителю, который не вошёл в аккаунт, /profile отвечает перенаправлением.
login-flow-fresh-session-hint = Куки подписана, но не зашифрована: храните в ней только имя пользователя. И очистите сессию, прежде чем записать в неё пользователя.
