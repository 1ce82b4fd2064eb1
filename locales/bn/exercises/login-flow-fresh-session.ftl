# পাঠ «লগইন, প্রোফাইল ও লগআউট»-এর অনুশীলনী।
login-flow-fresh-session-title = পরিচ্ছন্ন লগইন
login-flow-fresh-session-login-works = student হিসেবে cookies পাসওয়ার্ড দিয়ে POST /login সফল হয়।
login-flow-fresh-session-profile = লগইনের পর /profile দেখায় student।
login-flow-fresh-session-no-password = সেশন কুকিতে পাসওয়ার্ড নেই, পাসওয়ার্ডের হ্যাশও নেই: আছে শুধু ব্যবহারকারী কে, সেটুকু।
login-flow-fresh-session-nothing-crosses = লগইনের আগে সেশনে রাখা মান (ঢুকিয়ে দেওয়া role আর next ঠিকানা) লগইনের পর আর থাকে না।
login-flow-fresh-session-anonymous = লগইন না করা ভিজিটর /profile খুললে রিডাইরেক্ট পান।
login-flow-fresh-session-hint = কুকি সই করা, এনক্রিপ্ট করা নয়: তাতে শুধু ব্যবহারকারীর নাম রাখুন। আর ব্যবহারকারীকে রাখার আগে সেশন খালি করে নিন।
