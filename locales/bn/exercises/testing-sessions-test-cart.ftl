testing-sessions-test-cart-title = কার্টের টেস্টকে ফেল করতে শেখান
testing-sessions-test-cart-passes-on-good-app = এডিটরের অ্যাপে test_cart_keeps_items(app) পাস করে।
testing-sessions-test-cart-fails-on-buggy-app = অ্যাপের যে কপি প্রথমটার পরের সব পণ্য হারায় (জায়গায় বসে append), তাতে test_cart_keeps_items(app) ফেল করে।
testing-sessions-test-cart-hint = কার্ট যাচাই করুন এমন অনুরোধে, যা কুকি থেকে শুরু হয়; যে অনুরোধ পণ্য যোগ করেছে, তাতে নয়।
