# Exercise of the lesson "The secret key".
secret-key-workers-title = One key for every process
secret-key-workers-counts = Two visits in the same browser count 1, then 2.
secret-key-workers-restart = The cookie this app sends still verifies after a restart: it is signed with the key from the SECRET_KEY environment variable.
secret-key-workers-other-worker = A cookie signed by another worker process of the same app is accepted: a visitor at 5 visits gets "Visit number 6".
secret-key-workers-hint = A key the code generates at start-up differs in every process. Where can every process, today and after the next restart, find the same key?
