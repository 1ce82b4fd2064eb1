# পাঠ «সেশনের মৌলিক কাজ: রাখা, পড়া, মোছা»-র অনুশীলনী।
session-basics-greeting-title = নতুন ভিজিটরকে স্বাগত জানান, ক্র্যাশ ছাড়াই
session-basics-greeting-new-visitor = খালি সেশনের নতুন ভিজিটর পান "stranger" লেখা পাতা, 500 ত্রুটি নয়।
session-basics-greeting-remembers = /name/Ada-র পর হোম পেজ Ada-কে স্বাগত জানায়।
session-basics-greeting-forgets = /forget-এর পর হোম পেজ আবার বলে "stranger"।
session-basics-greeting-forget-twice = মোছার মতো কোনো নাম না থাকলেও /forget উত্তর দেয় 200।
session-basics-greeting-hint = সেশনে সেই কী না থাকলে বর্গবন্ধনী আর ডিফল্ট ছাড়া pop() দুটোই KeyError ছোড়ে। কোন রূপগুলো তার বদলে একটা ডিফল্ট মান ফেরত দেয়?
