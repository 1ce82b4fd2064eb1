# পাঠ «শপিং কার্ট ও হারিয়ে যাওয়া জিনিস»-এর অনুশীলনী।
mutable-values-cart-title = কার্টে প্রতিটি জিনিস রাখুন
mutable-values-cart-add-works = POST /add উত্তর দেয় 200।
mutable-values-cart-first-item = একটি POST /add-এর পর পরের অনুরোধে কার্টে সেই জিনিসটি পাওয়া যায়।
mutable-values-cart-every-item = তিনটি POST /add-এর (apple, pear, plum) পর পরের GET /cart তিনটিই দেখায়, একই ক্রমে।
mutable-values-cart-remove = apple আর pear যোগ করার পর apple-এর জন্য POST /remove করলে সংরক্ষিত কার্টে থাকে শুধু pear।
mutable-values-cart-hint = append() আর remove() তালিকাটিকে জায়গাতেই বদলায়, সেশন তা টেরই পায় না। Flask-কে নিজে জানান, অথবা তালিকাটি আবার বসিয়ে দিন।
