# পাঠ «পার্মানেন্ট সেশন ও মেয়াদ»-এর অনুশীলনী।
permanent-sessions-remember-title = আমাকে ৩০ দিন মনে রাখো
permanent-sessions-remember-login-works = নাম আর টিক দেওয়া remember চেকবক্স নিয়ে POST /login উত্তর দেয় 200 আর সেশন কুকি পাঠায়।
permanent-sessions-remember-whoami = এমন লগইনের পর /whoami ব্যবহারকারীকে দেখায়।
permanent-sessions-remember-expires-30-days = চেকবক্সে টিক থাকলে সেশন কুকিতে ৩০ দিন পরের একটি Expires তারিখ থাকে।
permanent-sessions-remember-unticked = টিক না থাকলে সেশন কুকিতে Expires বা Max-Age কিছুই থাকে না: এটি ব্রাউজার-সেশন কুকি।
permanent-sessions-remember-hint = শুধু মেয়াদের সেটিং Expires যোগ করে না। ভিউয়ের ভেতরে সেশনের কোন ফ্ল্যাগ বসালে তা হয়?
