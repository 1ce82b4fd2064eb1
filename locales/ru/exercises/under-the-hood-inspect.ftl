# Упражнение к уроку «Как устроена куки сессии».
under-the-hood-inspect-title = Сначала проверить, потом доверять
under-the-hood-inspect-valid = Настоящая куки сессии пользователя 42 даёт ответ «User: 42».
under-the-hood-inspect-tampered = Куки, в которой полезную нагрузку подделали на пользователя 1, а подпись оставили старую, даёт ответ «User: None».
under-the-hood-inspect-expired = Куки, подписанная верным ключом 32 дня назад, то есть старше срока жизни в 31 день, даёт ответ «User: None».
under-the-hood-inspect-garbage = Строка, которая вовсе не куки, даёт «User: None», а не ошибку.
under-the-hood-inspect-hint = Пусть сериализатор, которым пользуется сам Flask, проверит подпись и возраст, прежде чем что-либо раскодировать: app.session_interface.get_signing_serializer(app).
