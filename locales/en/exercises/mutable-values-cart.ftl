# Exercise of the lesson "Lists and dicts in the session".
mutable-values-cart-title = Make the cart keep every item
mutable-values-cart-add-works = POST /add answers 200.
mutable-values-cart-first-item = After one POST /add, a later request finds that item in the cart.
mutable-values-cart-every-item = After three POST /add (apple, pear, plum), a later GET /cart lists all three, in order.
mutable-values-cart-remove = After adding apple and pear, POST /remove for apple leaves only pear in the stored cart.
mutable-values-cart-hint = append() and remove() change the list in place, and the session never hears of it. Tell Flask, or assign the list back.
