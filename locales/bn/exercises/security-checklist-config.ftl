# পাঠ «নিরাপত্তা চেকলিস্ট ও সাধারণ সমস্যা»-র অনুশীলনী।
security-checklist-config-title = চেকলিস্টটি কনফিগারেশনে বসান
security-checklist-config-login-works = HTTPS-এ student হিসেবে POST /login সফল হয় আর সেশন কুকি পাঠায়।
security-checklist-config-signed-in = এমন লগইনের পর হোম পেজ বলে "Signed in as student"।
security-checklist-config-secure = সেশন কুকিতে Secure আছে: ব্রাউজার এটি শুধু HTTPS-এ পাঠায়।
security-checklist-config-httponly = সেশন কুকিতে HttpOnly আছে: পাতার স্ক্রিপ্ট এটি পড়তে পারে না।
security-checklist-config-samesite-lax = সেশন কুকিতে SameSite=Lax আছে।
security-checklist-config-lifetime = লগইনের আট ঘণ্টা পরে সেশন কুকির মেয়াদ শেষ হয়।
security-checklist-config-hint = প্রতিটি দফা app.config.update(...)-এর ভেতরে একটি করে SESSION_COOKIE_… বা PERMANENT_SESSION_… সেটিং।
