## Оформлення сайту

site-title = Кукі та сесії Flask
site-tagline = Інтерактивний курс про те, як вебсайти вас запам’ятовують
skip-to-content = Перейти до уроку
nav-course = Курс
nav-lessons = Уроки
nav-decoder = Декодер кукі
footer-note = Усе на цьому сайті працює офлайн: жодних шрифтів, скриптів чи трекерів зі сторонніх ресурсів.
footer-session = Цей сайт зберігає вибрану мову в справжньому кукі сесії Flask — саме такому, яке розбирають уроки.

## Перемикачі мови та теми

lang-switcher-label = Мова
lang-switch-button = Змінити мову
# Назви мов усюди пишуться їхньою власною мовою (автоніми).
lang-en = English
lang-ru = Русский
lang-uk = Українська
lang-bn = বাংলা
theme-label = Колірна тема
theme-auto = Як у системі
theme-light = Світла
theme-dark = Темна
theme-apply = Застосувати

## Головна сторінка курсу

home-heading = Як вебсайти вас запам’ятовують
home-intro = HTTP забуває кожного відвідувача між двома запитами. Кукі та сесії — це те, завдяки чому застосунок Flask пам’ятає, хто ви, що лежить у вашому кошику і якою мовою ви читаєте. У кожному уроці ви можете встановлювати справжні кукі в цьому браузері й бачити, як розбирають на частини ваше власне кукі сесії.
home-lessons-heading = Уроки
# $count: кількість уроків у курсі
lessons-count = { $count ->
    [one] { $count } урок
    [few] { $count } уроки
    [many] { $count } уроків
   *[other] { $count } уроку
}
home-start = Почати з першого уроку
home-translated = Українською вже написано уроків: { $translated } з { $total }; решту поки що показано англійською.

## Сторінка уроку

# $number: номер цього уроку, $total: кількість уроків
lesson-position = Урок { $number } з { $total }
# $minutes: орієнтовний час читання
reading-time = { $minutes ->
    [one] { $minutes } хвилина читання
    [few] { $minutes } хвилини читання
    [many] { $minutes } хвилин читання
   *[other] { $minutes } хвилини читання
}
lesson-prev = Попередній урок
lesson-next = Наступний урок
lesson-contents = Усі уроки
lesson-keyboard-hint = Порада: клавіші ← і → перемикають між уроками.
notice-untranslated = Цей урок ще не перекладено українською, тому ви читаєте англійський оригінал.
notice-stale = Англійський оригінал цього уроку змінився після того, як було зроблено цей переклад, тож деякі подробиці можуть бути застарілими.
notice-stale-link = Читати англійський оригінал
callout-note = Примітка
callout-warning = Увага
callout-misconception = Поширена хибна думка
example-caption = Повний приклад: { $path }
example-run = Збережіть його як app.py і запустіть командою:
heading-anchor = Посилання на цей розділ

## Діаграма: обмін кукі

diagram-exchange-title = Як кукі передається між браузером і сервером
diagram-browser = Браузер
diagram-server = Сервер Flask
diagram-first-request = 1. Перший запит: кукі ще немає
diagram-response = 2. Відповідь: Set-Cookie просить браузер зберегти кукі
diagram-next-request = 3. Кожен наступний запит надсилає його назад у Cookie
diagram-stored = Браузер зберігає кукі

## Пісочниця (інтерактивний віджет усередині уроків)

sandbox-heading = Спробуйте: ваші справжні кукі
sandbox-intro = Ці кнопки змушують сайт робити саме те, що зробила б функція представлення (view) у Flask. Кукі справді потрапляють у цей браузер.
sandbox-received = Заголовок Cookie, який ваш браузер надіслав разом із цією сторінкою
sandbox-no-cookies = Ваш браузер не надіслав жодного кукі з цим запитом.
sandbox-js-sees = Що бачить JavaScript (document.cookie)
sandbox-js-off = Увімкніть JavaScript, щоб порівняти: кукі з HttpOnly відсутні в document.cookie.
sandbox-js-empty = document.cookie порожній: JavaScript не бачить жодного кукі.
sandbox-cookie-name = Назва
sandbox-cookie-value = Значення
sandbox-set-cookie = Встановити кукі
sandbox-delete-cookie = Видалити кукі
sandbox-read-cookies = Прочитати кукі ще раз
sandbox-attr-max-age = Max-Age (секунди)
sandbox-attr-expires = Expires
sandbox-attr-path = Path
sandbox-attr-domain = Domain
sandbox-attr-secure = Secure (лише HTTPS)
sandbox-attr-httponly = HttpOnly (приховане від JavaScript)
sandbox-attr-samesite = SameSite
sandbox-samesite-unset = не задано
sandbox-session-heading = Ваше кукі сесії, розкодоване
sandbox-session-none = У вас ще немає кукі сесії.
sandbox-session-valid = Підпис дійсний: це кукі створив саме цей сервер, і ніхто його не змінював.
sandbox-session-invalid = Це кукі недійсне, тож Flask почав би порожню сесію. Причина: { $reason }
sandbox-part-payload = дані
sandbox-part-timestamp = позначка часу
sandbox-part-signature = підпис
sandbox-signed-at = Підписано
sandbox-signed-not-encrypted = Підписане, а не зашифроване: будь-хто, у кого є це кукі, може прочитати дані. Неможливо лише змінити їх без секретного ключа.

## Сторінки помилок

not-found-title = Сторінку не знайдено
not-found-body = За цією адресою немає сторінки. Можливо, урок перенесено або в посиланні є помилка.
not-found-home = Повернутися до курсу

## Чому кукі сесії не прийнято (показується на панелі стану)

reason-no-key = секретний ключ не вказано, тому підпис не вдалося перевірити (дані все одно можна прочитати).
reason-no-separator = у значенні немає крапки, отже це взагалі не підписане значення Flask.
reason-signature-mismatch = підпис не збігається: кукі змінили або його підписано іншим секретним ключем.
reason-timestamp-missing = підпис правильний, але частини з позначкою часу немає.
reason-timestamp-malformed = частину з позначкою часу неможливо розкодувати.
# $age і $max — у секундах
reason-too-old = його підписано { $age } с тому, а це більше за дозволені { $max } с (PERMANENT_SESSION_LIFETIME).
reason-from-the-future = його позначка часу на { $ahead } с у майбутньому.
reason-timestamp-out-of-range = підпис дійсний, але позначка часу пізніша за 9999 рік; справжній Flask тут упав би з помилкою HTTP 500.
reason-payload-base64 = підпис дійсний, але дані не в форматі base64; справжній Flask тут упав би з помилкою HTTP 500.
reason-payload-zlib = дані позначено як стиснені, але це не дані zlib; справжній Flask тут упав би з помилкою HTTP 500.
reason-payload-utf8 = дані не є текстом у UTF-8; справжній Flask тут упав би з помилкою HTTP 500.
reason-payload-json = дані не є коректним JSON; справжній Flask тут упав би з помилкою HTTP 500.
reason-payload-tag = позначене значення в даних неможливо перетворити назад; справжній Flask тут упав би з помилкою HTTP 500.
reason-not-a-dict = дані не є словником; справжній Flask тут упав би з помилкою HTTP 500.

## Flash messages of the demo login (stored in the session until shown)

flash-logged-in = Ви увійшли як { $user }.
flash-login-failed = Неправильне ім’я користувача або пароль.
flash-logged-out = Ви вийшли із системи.

## Sandbox controls and panel

sandbox-session-key = Ключ
sandbox-session-value = Значення
sandbox-permanent-label = Термін життя в секундах (щонайменше 30)
sandbox-cart-item = Товар
sandbox-cart-add-buggy = Додати на місці (без session.modified)
sandbox-cart-add-fixed = Додати та встановити session.modified = True
sandbox-login-username = Ім’я користувача
sandbox-login-password = Пароль
sandbox-login-hint = Демонстраційний обліковий запис: student, пароль cookies.
sandbox-login = Увійти
sandbox-logout = Вийти
sandbox-show-flashes = Показати повідомлення (get_flashed_messages)
sandbox-flashed = Показані повідомлення (у сесії їх уже немає):
sandbox-no-flashes = Повідомлень для показу не було.
sandbox-grow = Збільшити сесію на 256 випадкових символів
# $size і $limit — у байтах
sandbox-size = Розмір кукі в байтах: { $size } з { $limit }
sandbox-decoder-link = Відкрити декодер кукі
sandbox-sent-heading = Заголовки Set-Cookie, які надіслала остання дія
sandbox-sent-none = Ця відповідь не надіслала жодного заголовка Set-Cookie.
sandbox-permanent-yes = Постійне: кукі має Expires і зберігається після перезапуску браузера.
sandbox-permanent-no = Непостійне: Expires немає, тож браузер забуде це кукі, щойно його закриють.
sandbox-expires-at = Коли Flask перестане приймати це кукі
sandbox-expired-now = Термін життя минув: тепер сервер відхиляє це кукі.
sandbox-error-field = Перевірте це поле: { $field }
sandbox-error-too-large = Відхилено: кукі сесії мало б розмір { $size } Б, а браузер зберігає щонайбільше { $limit } Б. Нічого не змінено.
sandbox-copy = Копіювати кукі
sandbox-copied = Скопійовано!
sandbox-payload-heading = Дані такими, якими їх бачить Python

## The cookie decoder page

decoder-title = Декодер кукі сесії
decoder-intro = Вставте будь-яке кукі сесії Flask. Його можна прочитати без жодного ключа, бо Flask підписує сесію, але не шифрує її. Додайте секретний ключ, щоб перевірити підпис.
decoder-cookie = Значення кукі
decoder-keys = Секретні ключі, по одному в рядку: перший — SECRET_KEY, решта — запасні (SECRET_KEY_FALLBACKS)
decoder-max-age = Максимальний вік у секундах (необов’язково)
decoder-decode = Розкодувати
decoder-tamper = Підробити: встановити для «admin» значення true
decoder-crack = Перебрати поширені слабкі ключі
decoder-tampered = Те саме кукі зі зміненими даними, але зі старим підписом:
# $key: знайдений секрет; $tried: кількість спроб; $ms: витрачений час у мілісекундах
decoder-crack-found = Знайдено слабкий ключ: «{ $key }». Спроб: { $tried }, час: { $ms } мс. Маючи його, будь-хто може підробляти кукі, яким довірятиме цей сервер.
decoder-crack-none = Жоден із поширених ключів не підписав це кукі (перевірено ключів: { $tried }, час: { $ms } мс). Але саме по собі це ще не робить ключ надійним: надійний лише довгий випадковий ключ.
decoder-result = Що містить кукі
decoder-no-key = Ключ не вказано: дані все одно можна прочитати, але нічого не перевірено.
decoder-verified = Підпис дійсний для ключа № { $index } зі списку.
decoder-use-mine = Використати моє власне кукі сесії

## Перевірка знань (тести) і прогрес у курсі

quiz-heading = Перевірте себе
quiz-intro = Виберіть одну відповідь на кожне запитання. Сервер перевіряє відповіді й запам’ятовує їх в окремому підписаному кукі.
quiz-submit = Перевірити відповіді
# $correct: кількість правильних відповідей, $total: кількість запитань
quiz-score = Правильних відповідей: { $correct } з { $total }.
quiz-right = Правильно.
quiz-wrong = Не зовсім.
quiz-correct-answer = Правильна відповідь:
quiz-completed = Урок пройдено: усі відповіді правильні.
progress-heading = Ваш прогрес
# $done: кількість пройдених уроків, $total: кількість усіх уроків
progress-summary = { $total ->
    [one] Пройдено { $done } з { $total } уроку
    [few] Пройдено { $done } з { $total } уроків
    [many] Пройдено { $done } з { $total } уроків
   *[other] Пройдено { $done } з { $total } уроку
}
# $count: кількість уроків, відкритих хоча б раз
progress-visited = { $count ->
    [one] Відкрито { $count } урок
    [few] Відкрито { $count } уроки
    [many] Відкрито { $count } уроків
   *[other] Відкрито { $count } уроку
}
progress-continue = Продовжте з того місця, де зупинилися:
progress-start = Ви ще не почали: розпочніть із першого уроку.
progress-reset = Скинути мій прогрес
progress-note = Ваш прогрес зберігається в окремому підписаному кукі, тож очищення сесії в пісочниці його не стирає.
lesson-done = пройдено
lesson-visited = відкрито

## Інші діаграми

diagram-anatomy-title = Три частини кукі сесії Flask
diagram-anatomy-payload = дані
diagram-anatomy-payload-note = ваш JSON у base64url (zlib, якщо коротше)
diagram-anatomy-timestamp = позначка часу
diagram-anatomy-timestamp-note = коли підписано
diagram-anatomy-signature = підпис
diagram-anatomy-signature-note = HMAC-SHA1 перших двох частин
diagram-anatomy-readable = Ці дві частини може розкодувати будь-хто.
diagram-anatomy-protected = Цю частину створить лише секретний ключ.
diagram-store-title = Де зберігаються дані сесії
diagram-store-client = Стандартна сесія Flask
diagram-store-server = Flask-Session (на сервері)
diagram-store-cookie-data = Кукі містить усі дані з підписом.
diagram-store-cookie-id = Кукі містить лише випадковий ідентифікатор.
diagram-store-store = Redis або база даних
diagram-timeline-title = Життєвий цикл постійної сесії
diagram-timeline-signed = підпис
diagram-timeline-refresh = запит: оновлено
diagram-timeline-last = останній запит
diagram-timeline-expires = спливає
diagram-timeline-browser-session = Непостійна: Expires немає, тож кукі зникає, коли браузер закривають.
diagram-timeline-permanent = Постійна: Expires — через термін життя після останнього запиту, а старіші підписи Flask відхиляє.

## Сесії на сервері в пісочниці

sandbox-store-heading = Де зберігається ваша демосесія
sandbox-store-to-server = Перенести її на сервер (Flask-Session)
sandbox-store-to-cookie = Повернути її в кукі
sandbox-store-cookie-mode = У кукі: усі дані з підписом зберігає ваш браузер.
sandbox-store-server-mode = На сервері: кукі містить лише випадковий ідентифікатор, а дані нижче лишаються у сховищі.
sandbox-store-key = Ключ у сховищі
# $ttl: кількість секунд
sandbox-store-ttl = Зникне зі сховища через { $ttl } с
sandbox-store-record = Збережений запис

## Режим класу: панель на кожній сторінці, режим презентації та вікно нотаток
classroom-invite = Викладач показує цей курс на екрані.
classroom-follow = Стежити за викладачем
classroom-leave = Припинити стежити
classroom-following = Ви стежите за викладачем: сторінка гортається разом із проєктором.
classroom-waiting = Ви стежите за викладачем: чекаємо на початок показу…
classroom-goto = Перейти до уроку викладача
classroom-present = Режим презентації
classroom-forbidden-title = Лише для викладача
classroom-forbidden-body = Ця сторінка відкривається за посиланням викладача, яке сервер надрукував під час запуску в режимі класу.
present-title = Режим презентації
present-join-heading = Приєднуйтеся до заняття
present-join-body = Відкрийте цю адресу на телефоні чи ноутбуці або відскануйте код. Кожен читає своєю мовою; натисніть «Стежити за викладачем», щоб лишатися на уроці, який зараз на екрані.
present-qr-label = QR-код адреси { $url }
present-lessons = Уроки
present-section-position = Розділ { $number } з { $total }
present-prev = Назад
present-next = Далі
present-intro = Вступ
present-followers = { $count ->
    [0] Поки ніхто не стежить
    [one] Стежить { $count } студент
    [few] Стежать { $count } студенти
    [many] Стежать { $count } студентів
   *[other] Стежать { $count } студента
}
present-notes-open = Нотатки доповідача
present-join-link = Слайд приєднання
present-reset = Скинути демо
present-reset-hint = Видаляє кукі пісочниці, сесію та відповіді на тести в цьому браузері перед наступним заняттям.
present-reset-done = { $count ->
    [one] Демо скинуто: видалено { $count } кукі.
    [few] Демо скинуто: видалено { $count } кукі.
    [many] Демо скинуто: видалено { $count } кукі.
   *[other] Демо скинуто: видалено { $count } кукі.
}
present-exit = Вийти з режиму презентації
notes-title = Нотатки доповідача
notes-following = Це вікно стежить за презентацією: тримайте його на своєму екрані.
notes-none = До цього розділу нотаток немає.
live-error-heading = Ця правка не завантажується, тому показано останню робочу версію. Виправте помилку, і сторінка перезавантажиться сама.

## Запис на сервері, якого вже немає, і відмови, що нічого не втрачають
sandbox-store-lost-expired = У сховищі вже немає запису для цього ідентифікатора сесії: його термін життя минув. Наступна зміна почне нову, порожню сесію з новим ідентифікатором.
sandbox-store-lost-evicted = У сховищі вже немає запису для цього ідентифікатора сесії: сховище переповнилося й видалило його (першими видаляються записи, до яких ніхто не повертався). Наступна зміна почне нову, порожню сесію з новим ідентифікатором.
sandbox-store-lost-unknown = У сховищі немає запису для цього ідентифікатора сесії: його термін життя минув, його видалили або сховище перезапустилося (вбудоване сховище тримає записи лише в пам’яті). Наступна зміна почне нову, порожню сесію з новим ідентифікатором.
error-store-title = Сховище сесій не відповідає
error-store-body = Ця демосесія зберігається у сховищі, яке щойно не відповіло. Нічого не змінено, ваш ідентифікатор сесії збережено: оновіть сторінку за кілька секунд.
error-rate-title = Забагато нових сесій
error-rate-body = З вашої адреси за останню хвилину створено { $per_minute } нових серверних сесій — це межа. Нічого не змінено: спробуйте знову через { $retry } с.

## Відхилена форма, пояснена браузеру (поле назване, введене збережене)
error-page-title = Це не спрацювало
error-field = Перевірте поле «{ $field }»:
error-kept = Нічого не змінено. Усе, що ви ввели, нижче: виправте й надішліть знову.
error-resend = Надіслати знову
error-back = Повернутися назад

## Пошук
search-title = Пошук у курсі
search-label = Пошук у курсі
search-placeholder = Пошук: SameSite, підпис…
search-button = Знайти
search-count = { $count ->
    [0] Нічого не знайдено.
    [one] Знайдено { $count } розділ.
    [few] Знайдено { $count } розділи.
   *[many] Знайдено { $count } розділів.
}
search-none = Спробуйте інше або коротше слово: пошук знаходить і інші його форми.
search-quiz = тест

## Дати, які пише сервер (без JavaScript)
date-time = { $day } { $month } { $year } р., { $time } UTC
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

## Запуск прикладу в браузері (Flask у WebAssembly)
runner-code = Ваша копія застосунку (змініть і запустіть; Ctrl+Enter теж запускає)
runner-method = Метод
runner-path = Шлях
runner-form = Поля форми
runner-run = Запустити
runner-reset = Повернути початковий код
runner-loading = Запускаємо Python і Flask у вашому браузері… (перший запуск триває кілька секунд)
runner-error = Python зупинився з помилкою:
runner-jar = Кукі тестового клієнта:
runner-session = Кукі сесії:
runner-invalid = не проходить перевірку підпису
runner-nojs = Цей приклад запускається просто в браузері, якщо ввімкнено JavaScript і WebAssembly; інакше запустіть його на своєму комп’ютері, як показано нижче.

## Вправи (перевіряються в браузері учня)
exercise-label = Вправа:
exercise-check = Перевірити
exercise-solution = Показати розв’язок
exercise-passed = Готово: усі перевірки пройдено. Результат збережено у вашому прогресі.
exercise-failed = Ще ні: не проходить перевірка:
exercise-nojs = Ця вправа запускає й перевіряє ваш код просто в браузері, якщо ввімкнено JavaScript і WebAssembly. Без них скопіюйте застосунок вище, виправте його на своєму комп’ютері й порівняйте з уроком.
exercise-done = вправу розв’язано
# $done: exercises passed, $total: all exercises
progress-exercises = { $total ->
    [one] Розв’язано { $done } з { $total } вправи
   *[other] Розв’язано { $done } з { $total } вправ
}
home-part-core = Частина 1: як працюють сесії Flask
home-part-production = Частина 2: вхід в обліковий запис у справжньому застосунку
