# «যে লগইন টিকে থাকে» পাঠের «আমাকে মনে রাখুন» ডেমো।
remember-check = আমাকে মনে রাখুন
remember-login = login_user(user, remember=…)
remember-close = ব্রাউজার বন্ধ করুন (সেশন কুকি মুছে ফেলুন)
remember-visit = ফিরে আসুন: একটি পাতার অনুরোধ পাঠান
remember-logout = logout_user()
remember-status-out = লগইন করা নেই।
remember-status-fresh = { $user } হিসেবে লগইন: তাজা লগইন।
remember-status-stale = { $user } হিসেবে লগইন: বাসি লগইন, remember_token কুকি থেকে ফিরিয়ে আনা।
remember-cookie = remember_token কুকি: { $value }
remember-no-cookie = remember_token কুকি নেই।
