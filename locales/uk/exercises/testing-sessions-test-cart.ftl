testing-sessions-test-cart-title = Навчіть тест кошика падати
testing-sessions-test-cart-passes-on-good-app = test_cart_keeps_items(app) проходить на застосунку з редактора.
testing-sessions-test-cart-fails-on-buggy-app = test_cart_keeps_items(app) падає на копії застосунку, яка губить усі товари після першого (append на місці).
testing-sessions-test-cart-hint = Перевіряйте кошик у запиті, що починається з кукі, а не в тому, який додав товар.
