# Exercise of the lesson "Working with the session".
session-basics-greeting-title = Greet a new visitor without a crash
session-basics-greeting-new-visitor = A new visitor, with an empty session, gets a page that says "stranger", not a 500 error.
session-basics-greeting-remembers = After /name/Ada, the home page greets Ada.
session-basics-greeting-forgets = After /forget, the home page says "stranger" again.
session-basics-greeting-forget-twice = /forget answers 200 even when there is no name to remove.
session-basics-greeting-hint = Square brackets, and pop() without a default, raise KeyError for a missing key. Which forms give you a default instead?
