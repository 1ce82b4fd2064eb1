# The stolen-copy demo of the lesson "Revocation: logging out everywhere".
replay-login = Log in
replay-copy = Copy the session cookie (as a thief would)
replay-logout = Log out here: session.clear()
replay-logout-everywhere = Log out everywhere: bump the session version
replay-replay = If the thief replays the copy now:
replay-send = Replay the copy
replay-no-copy = No copy yet: log in, then copy the cookie.
replay-copy-is = The thief's copy: { $value }
replay-version = User { $user } is at session version { $version }.
replay-without = Without a version check: { $outcome }
replay-with = With a version check: { $outcome }
replay-accepted = accepted, the copy is logged in as { $user }.
replay-refused-version = refused, the copy carries version { $copy } and the user is at version { $current }.
replay-refused-anonymous = refused, the copy holds no login.
replay-refused-invalid = refused, the copy does not verify.
