# Вправа до уроку «Кошик у сесії: коли потрібен session.modified».
mutable-values-cart-title = Кошик має тримати всі товари
mutable-values-cart-add-works = POST /add відповідає 200.
mutable-values-cart-first-item = Після одного POST /add наступний запит знаходить цей товар у кошику.
mutable-values-cart-every-item = Після трьох POST /add (apple, pear, plum) наступний GET /cart показує всі три, по порядку.
mutable-values-cart-remove = Після додавання apple і pear запит POST /remove для apple лишає в збереженому кошику тільки pear.
mutable-values-cart-hint = append() і remove() змінюють список на місці, і сесія про це не дізнається. Скажіть Flask самі або присвойте список наново.
