# পাঠ «কুকি: সেট করা, পড়া ও মুছে ফেলা»-র অনুশীলনী।
cookies-theme-title = থিমের কুকি টিকিয়ে রাখুন ৩০ দিন
cookies-theme-sets = GET /theme/dark উত্তর দেয় 200 আর theme=dark-এর জন্য ঠিক একটি Set-Cookie হেডার পাঠায়।
cookies-theme-read-back = /theme/dark-এর পর হোম পেজ বলে "Theme: dark"।
cookies-theme-lasts-30-days = থিমের কুকি এখন থেকে ৩০ দিন টেকে: Max-Age=2592000, অথবা ৩০ দিন পরের একটি Expires তারিখ।
cookies-theme-httponly = থিমের কুকিতে HttpOnly আছে, তাই পাতার স্ক্রিপ্ট এটি পড়তে পারে না।
cookies-theme-samesite-lax = থিমের কুকিতে SameSite=Lax আছে।
cookies-theme-hint = অ্যাপটি কোন Expires তারিখ পাঠাচ্ছে, দেখুন। set_cookie()-এর কোন আর্গুমেন্ট এখন থেকে সেকেন্ড গোনে, আর কোনটি চায় একটি তারিখ?
