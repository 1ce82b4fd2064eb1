# পাঠ «সেশন কুকির ভেতরে কী আছে»-এর অনুশীলনী।
under-the-hood-inspect-title = আগে যাচাই, তারপর বিশ্বাস
under-the-hood-inspect-valid = ৪২ নম্বর ব্যবহারকারীর আসল সেশন কুকির উত্তর "User: 42"।
under-the-hood-inspect-tampered = যে কুকির পেলোডে কারসাজি করে ১ নম্বর ব্যবহারকারী বসানো হয়েছে, সই পুরোনোটাই, তার উত্তর "User: None"।
under-the-hood-inspect-expired = সঠিক সিক্রেট কী দিয়ে ৩২ দিন আগে সই করা কুকি, অর্থাৎ ৩১ দিনের মেয়াদের চেয়ে পুরোনো, তার উত্তর "User: None"।
under-the-hood-inspect-garbage = যে মান আদৌ কুকি নয়, তার উত্তরও "User: None", কোনো ত্রুটি নয়।
under-the-hood-inspect-hint = কিছু ডিকোড করার আগে Flask নিজে যে সিরিয়ালাইজার ব্যবহার করে, তাকে দিয়ে সই আর বয়স যাচাই করান: app.session_interface.get_signing_serializer(app)।
