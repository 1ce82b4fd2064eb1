testing-sessions-test-cart-title = Make the cart test able to fail
testing-sessions-test-cart-passes-on-good-app = test_cart_keeps_items(app) passes against the app in the editor.
testing-sessions-test-cart-fails-on-buggy-app = test_cart_keeps_items(app) fails against a copy of the app that loses every item after the first (the in-place append).
testing-sessions-test-cart-hint = Check the cart in a request that starts from the cookie, not in the request that added the item.
