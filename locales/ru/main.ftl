## Оформление сайта

site-title = Куки и сессии Flask
site-tagline = Интерактивный курс о том, как сайты вас запоминают
skip-to-content = Перейти к уроку
nav-course = Курс
nav-lessons = Уроки
nav-decoder = Декодер куки
footer-note = Всё на этом сайте работает офлайн: никаких шрифтов, скриптов или трекеров со сторонних серверов.
footer-session = Выбранный язык этот сайт хранит в настоящей куки сессии Flask — именно такую куки уроки разбирают по частям.

## Переключатели языка и темы

lang-switcher-label = Язык
lang-switch-button = Сменить язык
# Названия языков везде пишутся на самих этих языках (автонимы).
lang-en = English
lang-ru = Русский
lang-uk = Українська
lang-bn = বাংলা
theme-label = Цветовая тема
theme-auto = Как в системе
theme-light = Светлая
theme-dark = Тёмная
theme-apply = Применить

## Главная страница курса

home-heading = Как сайты вас запоминают
home-intro = HTTP забывает каждого посетителя между двумя запросами. Куки и сессии — это то, благодаря чему приложение на Flask помнит, кто вы, что лежит у вас в корзине и на каком языке вы читаете. В каждом уроке можно установить настоящие куки в этом браузере и посмотреть, как разбирается по частям куки вашей собственной сессии.
home-lessons-heading = Уроки
# $count: число уроков в курсе
lessons-count = { $count ->
    [one] { $count } урок
    [few] { $count } урока
    [many] { $count } уроков
   *[other] { $count } урока
}
home-start = Начать с первого урока
home-translated = На этом языке написано уроков: { $translated } из { $total }; остальные пока показываются на английском.

## Страница урока

# $number: номер этого урока, $total: число уроков
lesson-position = Урок { $number } из { $total }
# $minutes: примерное время чтения
reading-time = { $minutes ->
    [one] { $minutes } минута чтения
    [few] { $minutes } минуты чтения
    [many] { $minutes } минут чтения
   *[other] { $minutes } минуты чтения
}
lesson-prev = Предыдущий урок
lesson-next = Следующий урок
lesson-contents = Все уроки
lesson-keyboard-hint = Совет: клавиши ← и → переключают уроки.
notice-untranslated = Этот урок ещё не переведён на русский, поэтому вы читаете английский оригинал.
notice-stale = С тех пор как был сделан этот перевод, английский оригинал урока изменился, поэтому некоторые детали могут быть устаревшими.
notice-stale-link = Читать английский оригинал
callout-note = Примечание
callout-warning = Внимание
callout-misconception = Распространённое заблуждение
example-caption = Полный пример: { $path }
example-run = Сохраните его как app.py и запустите командой:
heading-anchor = Ссылка на этот раздел

## Схема: обмен куки

diagram-exchange-title = Как куки передаются между браузером и сервером
diagram-browser = Браузер
diagram-server = Сервер Flask
diagram-first-request = 1. Первый запрос: куки ещё нет
diagram-response = 2. Ответ: Set-Cookie просит браузер сохранить куки
diagram-next-request = 3. Все следующие запросы возвращают куки в заголовке Cookie
diagram-stored = Браузер сохраняет куки

## Песочница (интерактивный виджет внутри уроков)

sandbox-heading = Попробуйте: ваши настоящие куки
sandbox-intro = Эти кнопки заставляют сайт делать ровно то же, что сделал бы обработчик Flask. Куки по-настоящему попадают в этот браузер.
sandbox-received = Заголовок Cookie, который ваш браузер отправил с запросом этой страницы
sandbox-no-cookies = С этим запросом ваш браузер не отправил ни одной куки.
sandbox-js-sees = Что видит JavaScript (document.cookie)
sandbox-js-off = Включите JavaScript, чтобы сравнить: куки с флагом HttpOnly в document.cookie не попадают.
sandbox-js-empty = document.cookie пуст: JavaScript не видит ни одной куки.
sandbox-cookie-name = Имя
sandbox-cookie-value = Значение
sandbox-set-cookie = Установить куки
sandbox-delete-cookie = Удалить куки
sandbox-read-cookies = Прочитать куки заново
sandbox-attr-max-age = Max-Age (в секундах)
sandbox-attr-expires = Expires
sandbox-attr-path = Path
sandbox-attr-domain = Domain
sandbox-attr-secure = Secure (только HTTPS)
sandbox-attr-httponly = HttpOnly (не видно из JavaScript)
sandbox-attr-samesite = SameSite
sandbox-samesite-unset = не задан
sandbox-session-heading = Раскодированная куки вашей сессии
sandbox-session-none = У вас пока нет куки сессии.
sandbox-session-valid = Подпись верна: куки выдал этот сервер, и с тех пор никто её не менял.
sandbox-session-invalid = Куки не прошла проверку, поэтому Flask начал бы с пустой сессии. Причина: { $reason }
sandbox-part-payload = полезная нагрузка
sandbox-part-timestamp = метка времени
sandbox-part-signature = подпись
sandbox-signed-at = Время подписи
sandbox-signed-not-encrypted = Подписано, но не зашифровано: любой, у кого есть эта куки, может прочитать полезную нагрузку. Без секретного ключа невозможно только изменить её.

## Страницы ошибок

not-found-title = Страница не найдена
not-found-body = По этому адресу страницы нет. Возможно, урок переехал или в ссылке опечатка.
not-found-home = Вернуться к курсу

## Почему куки сессии не приняты (показывается в панели состояния)

reason-no-key = секретный ключ не указан, поэтому подпись проверить нельзя (полезную нагрузку всё равно можно прочитать).
reason-no-separator = в значении нет точки, значит, это вообще не подписанное значение Flask.
reason-signature-mismatch = подпись не совпадает: куки изменили или подписали другим секретным ключом.
reason-timestamp-missing = подпись в порядке, но нет части с меткой времени.
reason-timestamp-malformed = часть с меткой времени не удаётся раскодировать.
# $age и $max — в секундах
reason-too-old = подпись поставлена { $age } с назад — это дольше допустимых { $max } с (PERMANENT_SESSION_LIFETIME).
reason-from-the-future = метка времени опережает текущее время на { $ahead } с.
reason-timestamp-out-of-range = подпись верна, но метка времени указывает на дату позже 9999 года; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-payload-base64 = подпись верна, но полезная нагрузка не в формате base64; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-payload-zlib = полезная нагрузка помечена как сжатая, но это не данные zlib; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-payload-utf8 = полезная нагрузка не является текстом в UTF-8; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-payload-json = полезная нагрузка не является корректным JSON; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-payload-tag = помеченное значение (tagged value) в полезной нагрузке не удаётся преобразовать обратно; настоящий Flask здесь упал бы с ошибкой HTTP 500.
reason-not-a-dict = полезная нагрузка не является словарём; настоящий Flask здесь упал бы с ошибкой HTTP 500.

## Flash messages of the demo login (stored in the session until shown)

flash-logged-in = Вы вошли как { $user }.
flash-login-failed = Неверное имя пользователя или пароль.
flash-logged-out = Вы вышли из аккаунта.

## Sandbox controls and panel

sandbox-session-key = Ключ
sandbox-session-value = Значение
sandbox-permanent-label = Время жизни в секундах (не меньше 30)
sandbox-cart-item = Товар
sandbox-cart-add-buggy = Добавить, изменив список на месте (без session.modified)
sandbox-cart-add-fixed = Добавить и установить session.modified = True
sandbox-login-username = Имя пользователя
sandbox-login-password = Пароль
sandbox-login-hint = Демо-аккаунт: student, пароль cookies.
sandbox-login = Войти
sandbox-logout = Выйти
sandbox-show-flashes = Показать сообщения (get_flashed_messages)
sandbox-flashed = Показанные сообщения (из сессии они уже удалены):
sandbox-no-flashes = Сообщений для показа не было.
sandbox-grow = Увеличить сессию на 256 случайных символов
# $size и $limit — в байтах
sandbox-size = Размер куки в байтах: { $size } из { $limit }
sandbox-decoder-link = Открыть декодер куки
sandbox-sent-heading = Заголовки Set-Cookie, отправленные последним действием
sandbox-sent-none = В этом ответе не было заголовка Set-Cookie.
sandbox-permanent-yes = Постоянная сессия: у куки есть атрибут Expires, поэтому она сохранится и после перезапуска браузера.
sandbox-permanent-no = Непостоянная сессия: атрибута Expires нет, поэтому браузер забудет эту куки, как только его закроют.
sandbox-expires-at = Flask перестанет принимать эту куки
sandbox-expired-now = Срок истёк: теперь сервер отклоняет эту куки.
sandbox-error-field = Проверьте это поле: { $field }
sandbox-error-too-large = Отклонено: размер куки сессии в байтах составил бы { $size }, а браузер хранит не больше { $limit }. Ничего не изменено.
sandbox-copy = Скопировать куки
sandbox-copied = Скопировано!
sandbox-payload-heading = Полезная нагрузка глазами Python

## The cookie decoder page

decoder-title = Декодер куки сессии
decoder-intro = Вставьте любую куки сессии Flask. Прочитать её можно без всякого ключа, потому что Flask подписывает сессию, но не шифрует её. Чтобы проверить подпись, добавьте секретный ключ.
decoder-cookie = Значение куки
decoder-keys = Секретные ключи, по одному на строку: первый — SECRET_KEY, остальные — запасные
decoder-max-age = Максимальный возраст в секундах (необязательно)
decoder-decode = Раскодировать
decoder-tamper = Подделать: присвоить „admin“ значение true
decoder-crack = Перебрать распространённые слабые ключи
decoder-tampered = Та же куки с изменённой полезной нагрузкой, но со старой подписью:
# $key: найденный секретный ключ; $tried: число попыток; $ms: затраченное время в миллисекундах
decoder-crack-found = Найден слабый ключ «{ $key }» после { $tried ->
    [one] { $tried } попытки
    [few] { $tried } попыток
    [many] { $tried } попыток
   *[other] { $tried } попытки
} за { $ms } мс. С ним кто угодно может подделать куки, которой этот сервер поверит.
decoder-crack-none = Ни один из { $tried ->
    [one] { $tried } распространённого ключа
    [few] { $tried } распространённых ключей
    [many] { $tried } распространённых ключей
   *[other] { $tried } распространённого ключа
} не подходит к подписи этой куки ({ $ms } мс). Но это ещё не значит, что ключ надёжный: надёжен только длинный случайный ключ.
decoder-result = Что записано в куки
decoder-no-key = Ключ не указан: полезную нагрузку всё равно можно прочитать, но ничего не проверено.
decoder-verified = Подпись верна: куки подписана ключом № { $index } из списка.
decoder-use-mine = Подставить куки моей собственной сессии

## Проверьте себя (тесты) и прогресс по курсу

quiz-heading = Проверьте себя
quiz-intro = Выберите по одному ответу на каждый вопрос. Сервер проверит ответы и запомнит их в отдельных подписанных куки.
quiz-submit = Проверить ответы
# $correct: число правильных ответов, $total: число вопросов
quiz-score = Правильных ответов: { $correct } из { $total }.
quiz-right = Верно.
quiz-wrong = Не совсем так.
quiz-correct-answer = Правильный ответ:
quiz-completed = Урок пройден: все ответы правильные.
progress-heading = Ваш прогресс
# $done: число пройденных уроков, $total: число всех уроков
progress-summary = { $total ->
    [one] Пройдено { $done } из { $total } урока
    [few] Пройдено { $done } из { $total } уроков
    [many] Пройдено { $done } из { $total } уроков
   *[other] Пройдено { $done } из { $total } урока
}
# $count: число уроков, открытых хотя бы один раз
progress-visited = { $count ->
    [one] { $count } урок открыт
    [few] { $count } урока открыто
    [many] { $count } уроков открыто
   *[other] { $count } урока открыто
}
progress-continue = Продолжите с того места, где остановились:
progress-start = Вы ещё не приступали к курсу: начните с первого урока.
progress-reset = Сбросить мой прогресс
progress-note = Ваш прогресс хранится в отдельных подписанных куки, поэтому очистка сессии в песочнице его не сотрёт.
lesson-done = пройден
lesson-visited = открыт

## Другие схемы

diagram-anatomy-title = Три части куки сессии Flask
diagram-anatomy-payload = полезная нагрузка
diagram-anatomy-payload-note = ваши данные: base64url JSON (zlib, если короче)
diagram-anatomy-timestamp = метка времени
diagram-anatomy-timestamp-note = когда подписано
diagram-anatomy-signature = подпись
diagram-anatomy-signature-note = HMAC-SHA1 первых двух частей
diagram-anatomy-readable = Эти две части раскодирует кто угодно.
diagram-anatomy-protected = Эту часть не создать без секретного ключа.
diagram-store-title = Где хранятся данные сессии
diagram-store-client = Сессия Flask по умолчанию
diagram-store-server = Flask-Session (на сервере)
diagram-store-cookie-data = Куки содержит все данные с подписью.
diagram-store-cookie-id = Куки содержит только случайный идентификатор.
diagram-store-store = Redis или база данных
diagram-timeline-title = Жизнь постоянной сессии
diagram-timeline-signed = подпись
diagram-timeline-refresh = обновление
diagram-timeline-last = последний запрос
diagram-timeline-expires = истекает
diagram-timeline-browser-session = Непостоянная: нет Expires, куки исчезнет при закрытии браузера.
diagram-timeline-permanent = Постоянная: Expires — через срок жизни после последнего запроса; более старые подписи Flask отклоняет.

## Сессии на стороне сервера в песочнице

sandbox-store-heading = Где хранится ваша демо-сессия
sandbox-store-to-server = Перенести на сервер (Flask-Session)
sandbox-store-to-cookie = Вернуть обратно в куки
sandbox-store-cookie-mode = В куки: все данные хранит ваш браузер, и они подписаны.
sandbox-store-server-mode = На сервере: в куки лежит только случайный идентификатор, а данные ниже остаются в хранилище.
sandbox-store-key = Ключ в хранилище
# $ttl: число секунд
sandbox-store-ttl = Удалится из хранилища через { $ttl } с
sandbox-store-record = Сохранённая запись

## Режим класса: панель на каждой странице, режим презентации и окно заметок
classroom-invite = Преподаватель показывает этот курс на экране.
classroom-follow = Следовать за преподавателем
classroom-leave = Перестать следовать
classroom-following = Вы следуете за преподавателем: страница листается вместе с проектором.
classroom-waiting = Вы следуете за преподавателем: ждём начала показа…
classroom-goto = Перейти к уроку преподавателя
classroom-present = Режим презентации
classroom-forbidden-title = Только для преподавателя
classroom-forbidden-body = Эта страница открывается по ссылке преподавателя, которую сервер напечатал при запуске в режиме класса.
present-title = Режим презентации
present-join-heading = Подключайтесь к занятию
present-join-body = Откройте этот адрес на телефоне или ноутбуке или отсканируйте код. Каждый читает на своём языке; нажмите «Следовать за преподавателем», чтобы оставаться на уроке, который сейчас на экране.
present-qr-label = QR-код адреса { $url }
present-lessons = Уроки
present-section-position = Раздел { $number } из { $total }
present-prev = Назад
present-next = Дальше
present-intro = Введение
present-followers = { $count ->
    [0] Пока никто не следует
    [one] Следует { $count } студент
    [few] Следуют { $count } студента
    [many] Следуют { $count } студентов
   *[other] Следуют { $count } студента
}
present-notes-open = Заметки докладчика
present-join-link = Слайд подключения
present-reset = Сбросить демо
present-reset-hint = Удаляет куки песочницы, сессию и ответы на тесты в этом браузере перед следующим занятием.
present-reset-done = { $count ->
    [one] Демо сброшено: удалена { $count } куки.
    [few] Демо сброшено: удалены { $count } куки.
    [many] Демо сброшено: удалено { $count } куки.
   *[other] Демо сброшено: удалено { $count } куки.
}
present-exit = Выйти из режима презентации
notes-title = Заметки докладчика
notes-following = Это окно следует за презентацией: держите его на своём экране.
notes-none = К этому разделу заметок нет.
live-error-heading = Эта правка не загружается, поэтому показана последняя рабочая версия. Исправьте ошибку, и страница перезагрузится сама.

## Запись на сервере, которой больше нет, и отказы, которые ничего не теряют
sandbox-store-lost-expired = В хранилище больше нет записи для этого идентификатора сессии: её срок жизни истёк. Следующее изменение начнёт новую, пустую сессию с новым идентификатором.
sandbox-store-lost-evicted = В хранилище больше нет записи для этого идентификатора сессии: хранилище переполнилось и удалило её (первыми удаляются записи, к которым никто не возвращался). Следующее изменение начнёт новую, пустую сессию с новым идентификатором.
sandbox-store-lost-unknown = В хранилище нет записи для этого идентификатора сессии: её срок истёк, её удалили или хранилище перезапустилось (встроенное хранилище держит записи только в памяти). Следующее изменение начнёт новую, пустую сессию с новым идентификатором.
error-store-title = Хранилище сессий не отвечает
error-store-body = Эта демо-сессия хранится в хранилище, которое сейчас не ответило. Ничего не изменилось, ваш идентификатор сессии сохранён: обновите страницу через несколько секунд.
error-rate-title = Слишком много новых сессий
error-rate-body = С вашего адреса за последнюю минуту создано { $per_minute } новых серверных сессий — это предел. Ничего не изменилось: попробуйте снова через { $retry } с.

## Отклонённая форма, объяснённая браузеру (поле названо, введённое сохранено)
error-page-title = Это не сработало
error-field = Проверьте поле «{ $field }»:
error-kept = Ничего не изменилось. Всё, что вы ввели, ниже: исправьте и отправьте снова.
error-resend = Отправить снова
error-back = Вернуться назад

## Поиск
search-title = Поиск по курсу
search-label = Поиск по курсу
search-placeholder = Поиск: SameSite, подпись…
search-button = Найти
search-count = { $count ->
    [0] Ничего не найдено.
    [one] Найден { $count } раздел.
    [few] Найдено { $count } раздела.
   *[many] Найдено { $count } разделов.
}
search-none = Попробуйте другое или более короткое слово: поиск находит и другие его формы.
search-quiz = тест

## Даты, которые пишет сервер (без JavaScript)
date-time = { $day } { $month } { $year } г., { $time } UTC
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Запуск примера в браузере (Flask в WebAssembly)
runner-code = Ваша копия приложения (измените и запустите; Ctrl+Enter тоже запускает)
runner-method = Метод
runner-path = Путь
runner-form = Поля формы
runner-run = Запустить
runner-reset = Вернуть исходный код
runner-loading = Запускаем Python и Flask в вашем браузере… (первый запуск занимает несколько секунд)
runner-error = Python остановился с ошибкой:
runner-jar = Куки тестового клиента:
runner-session = Куки сессии:
runner-invalid = не проходит проверку подписи
runner-nojs = Этот пример запускается прямо в браузере, если включены JavaScript и WebAssembly; иначе запустите его на своём компьютере, как показано ниже.

## Упражнения (проверяются в браузере ученика)
exercise-label = Упражнение:
exercise-check = Проверить
exercise-solution = Показать решение
exercise-passed = Готово: все проверки пройдены. Результат сохранён в вашем прогрессе.
exercise-failed = Пока нет: не проходит проверка:
exercise-nojs = Это упражнение запускает и проверяет ваш код прямо в браузере, если включены JavaScript и WebAssembly. Без них скопируйте приложение выше, исправьте его на своём компьютере и сверьтесь с уроком.
exercise-done = упражнение решено
# $done: exercises passed, $total: all exercises
progress-exercises = { $total ->
    [one] Решено { $done } из { $total } упражнения
   *[other] Решено { $done } из { $total } упражнений
}
home-part-core = Часть 1: как устроены сессии Flask
home-part-production = Часть 2: вход в аккаунт в реальном приложении
