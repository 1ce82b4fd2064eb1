# Exercise of the lesson "Under the hood: reading a session cookie".
under-the-hood-inspect-title = Verify before you trust
under-the-hood-inspect-valid = A genuine session cookie of user 42 is reported as "User: 42".
under-the-hood-inspect-tampered = A cookie whose payload was edited to user 1, with the old signature, is reported as "User: None".
under-the-hood-inspect-expired = A cookie signed with the right key 32 days ago, older than the 31-day lifetime, is reported as "User: None".
under-the-hood-inspect-garbage = A value that is not a cookie at all gives "User: None", not an error.
under-the-hood-inspect-hint = Let the serializer Flask itself uses check the signature and the age before anything is decoded: app.session_interface.get_signing_serializer(app).
