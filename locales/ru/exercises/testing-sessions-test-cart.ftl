testing-sessions-test-cart-title = Научите тест корзины падать
testing-sessions-test-cart-passes-on-good-app = test_cart_keeps_items(app) проходит на приложении из редактора.
testing-sessions-test-cart-fails-on-buggy-app = test_cart_keeps_items(app) падает на копии приложения, которая теряет все товары после первого (append на месте).
testing-sessions-test-cart-hint = Проверяйте корзину в запросе, который начинается с куки, а не в том, который добавил товар.
