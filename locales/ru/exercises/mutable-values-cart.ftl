# Упражнение к уроку «Списки и словари в сессии».
mutable-values-cart-title = Корзина должна хранить все товары
mutable-values-cart-add-works = POST /add отвечает 200.
mutable-values-cart-first-item = После одного POST /add следующий запрос находит этот товар в корзине.
mutable-values-cart-every-item = После трёх POST /add (apple, pear, plum) следующий GET /cart показывает все три, по порядку.
mutable-values-cart-remove = После добавления apple и pear запрос POST /remove для apple оставляет в сохранённой корзине только pear.
mutable-values-cart-hint = append() и remove() меняют список на месте, и сессия об этом не узнаёт. Скажите Flask сами или присвойте список заново.
