## Site chrome

site-title = কুকি ও Flask সেশন
site-tagline = ওয়েবসাইট কীভাবে আপনাকে মনে রাখে, তা নিয়ে একটি ইন্টারঅ্যাকটিভ কোর্স
skip-to-content = সরাসরি পাঠে যান
nav-course = কোর্স
nav-lessons = পাঠসমূহ
nav-decoder = কুকি ডিকোডার
footer-note = এই সাইটের সবকিছু অফলাইনে চলে: অন্য কোথাও থেকে কোনো ফন্ট, স্ক্রিপ্ট বা ট্র্যাকার আনা হয় না।
footer-session = এই সাইট আপনার বেছে নেওয়া ভাষা একটি আসল Flask সেশন কুকিতে মনে রাখে — ঠিক সেই ধরনের কুকি, যা পাঠগুলোতে খুলে খুলে দেখানো হয়।

## Language and theme switchers

lang-switcher-label = ভাষা
lang-switch-button = ভাষা বদলান
# Language names are written in their own language everywhere (autonyms).
lang-en = English
lang-ru = Русский
lang-uk = Українська
lang-bn = বাংলা
theme-label = রঙের থিম
theme-auto = সিস্টেম অনুযায়ী
theme-light = হালকা
theme-dark = গাঢ়
theme-apply = প্রয়োগ করুন

## Course home

home-heading = ওয়েবসাইট কীভাবে আপনাকে মনে রাখে
home-intro = HTTP দুটি অনুরোধের মাঝখানে প্রত্যেক ভিজিটরকে ভুলে যায়। কুকি আর সেশনের সাহায্যেই একটি Flask অ্যাপ মনে রাখে আপনি কে, আপনার কার্টে কী আছে আর আপনি কোন ভাষায় পড়েন। প্রতিটি পাঠে আপনি এই ব্রাউজারে আসল কুকি সেট করতে পারবেন এবং নিজের সেশন কুকিটিকে টুকরো টুকরো করে খুলে দেখতে পারবেন।
home-lessons-heading = পাঠসমূহ
# $count: number of lessons in the course
lessons-count = { $count ->
    [one] { $count }টি পাঠ
   *[other] { $count }টি পাঠ
}
home-start = প্রথম পাঠ দিয়ে শুরু করুন
home-translated = { $total }টি পাঠের মধ্যে { $translated }টি এই ভাষায় লেখা হয়েছে; বাকিগুলো আপাতত ইংরেজিতে দেখানো হচ্ছে।

## Lesson page

# $number: this lesson's position, $total: number of lessons
lesson-position = { $total }টির মধ্যে { $number } নম্বর পাঠ
# $minutes: estimated reading time
reading-time = { $minutes ->
    [one] পড়তে { $minutes } মিনিট লাগবে
   *[other] পড়তে { $minutes } মিনিট লাগবে
}
lesson-prev = আগের পাঠ
lesson-next = পরের পাঠ
lesson-contents = সব পাঠ
lesson-keyboard-hint = টিপ: ← আর → কী চেপে এক পাঠ থেকে আরেক পাঠে যাওয়া যায়।
notice-untranslated = এই পাঠটি এখনও বাংলায় অনুবাদ করা হয়নি, তাই আপনি ইংরেজি মূল লেখাটি পড়ছেন।
notice-stale = এই অনুবাদটি লেখার পরে পাঠটির ইংরেজি মূল লেখা বদলেছে, তাই কিছু তথ্য পুরোনো হয়ে থাকতে পারে।
notice-stale-link = ইংরেজি মূল লেখাটি পড়ুন
callout-note = নোট
callout-warning = সতর্কতা
callout-misconception = প্রচলিত ভুল ধারণা
example-caption = সম্পূর্ণ উদাহরণ: { $path }
example-run = এটিকে app.py নামে সেভ করুন এবং এভাবে চালান:
heading-anchor = এই অংশের লিঙ্ক

## Diagram: the cookie exchange

diagram-exchange-title = ব্রাউজার আর সার্ভারের মধ্যে কুকি কীভাবে আসা-যাওয়া করে
diagram-browser = ব্রাউজার
diagram-server = Flask সার্ভার
diagram-first-request = ১. প্রথম অনুরোধ: এখনও কোনো কুকি নেই
diagram-response = ২. উত্তর: Set-Cookie ব্রাউজারকে কুকিটি রেখে দিতে বলে
diagram-next-request = ৩. পরের প্রতিটি অনুরোধে ব্রাউজার সেটি Cookie হেডারে ফেরত পাঠায়
diagram-stored = ব্রাউজার কুকিটি সংরক্ষণ করে

## Sandbox (the live widget embedded in lessons)

sandbox-heading = নিজে করে দেখুন: আপনার আসল কুকি
sandbox-intro = এই বোতামগুলো চাপলে সাইটটি ঠিক তা-ই করে, যা একটি Flask ভিউ করত। কুকিগুলো সত্যি সত্যিই এই ব্রাউজারে জমা হয়।
sandbox-received = এই পেজের সঙ্গে আপনার ব্রাউজার যে Cookie হেডার পাঠিয়েছে
sandbox-no-cookies = এই অনুরোধের সঙ্গে আপনার ব্রাউজার কোনো কুকি পাঠায়নি।
sandbox-js-sees = JavaScript যা দেখতে পায় (document.cookie)
sandbox-js-off = তুলনা করতে JavaScript চালু করুন: HttpOnly কুকিগুলো document.cookie-তে দেখা যায় না।
sandbox-js-empty = document.cookie খালি: JavaScript কোনো কুকিই দেখতে পাচ্ছে না।
sandbox-cookie-name = নাম
sandbox-cookie-value = মান
sandbox-set-cookie = কুকি সেট করুন
sandbox-delete-cookie = কুকি মুছে ফেলুন
sandbox-read-cookies = কুকিগুলো আবার পড়ুন
sandbox-attr-max-age = Max-Age (সেকেন্ড)
sandbox-attr-expires = Expires
sandbox-attr-path = Path
sandbox-attr-domain = Domain
sandbox-attr-secure = Secure (শুধু HTTPS)
sandbox-attr-httponly = HttpOnly (JavaScript থেকে লুকানো)
sandbox-attr-samesite = SameSite
sandbox-samesite-unset = সেট করা নেই
sandbox-session-heading = আপনার সেশন কুকি, ডিকোড করা অবস্থায়
sandbox-session-none = আপনার এখনও কোনো সেশন কুকি নেই।
sandbox-session-valid = সইটি বৈধ: এই কুকিটি এই সার্ভারই তৈরি করেছে এবং কেউ এটি বদলায়নি।
sandbox-session-invalid = এই কুকিটি বৈধ নয়, তাই Flask একটি খালি সেশন শুরু করত। কারণ: { $reason }
sandbox-part-payload = পেলোড
sandbox-part-timestamp = টাইমস্ট্যাম্প
sandbox-part-signature = সই
sandbox-signed-at = সই করার সময়
sandbox-signed-not-encrypted = সই করা, কিন্তু এনক্রিপ্ট করা নয়: এই কুকি যার হাতে আছে, সে-ই পেলোড পড়তে পারে। শুধু সিক্রেট কী ছাড়া এটি বদলানো অসম্ভব।

## Error pages

not-found-title = পেজটি পাওয়া যায়নি
not-found-body = এই ঠিকানায় কোনো পেজ নেই। হয়তো পাঠটি অন্য জায়গায় সরানো হয়েছে, অথবা লিঙ্কে কোনো টাইপো আছে।
not-found-home = কোর্সে ফিরে যান

## Why a session cookie was not accepted (shown in the state panel)

reason-no-key = কোনো সিক্রেট কী দেওয়া হয়নি, তাই সই যাচাই করা যায়নি (তবে পেলোড এমনিতেই পড়া যায়)।
reason-no-separator = মানটিতে কোনো ডট (.) নেই, তাই এটি আদৌ সই করা Flask মান নয়।
reason-signature-mismatch = সই মিলছে না: হয় কুকিটি বদলানো হয়েছে, নয়তো এটি অন্য কোনো সিক্রেট কী দিয়ে সই করা হয়েছিল।
reason-timestamp-missing = সই ঠিক আছে, কিন্তু টাইমস্ট্যাম্প অংশটি নেই।
reason-timestamp-malformed = টাইমস্ট্যাম্প অংশটি ডিকোড করা যাচ্ছে না।
# $age and $max are seconds
reason-too-old = এটি { $age } সেকেন্ড আগে সই করা হয়েছিল, যা অনুমোদিত { $max } সেকেন্ডের (PERMANENT_SESSION_LIFETIME) চেয়ে বেশি।
reason-from-the-future = এর টাইমস্ট্যাম্প ভবিষ্যতের: এখন থেকে { $ahead } সেকেন্ড পরের।
reason-timestamp-out-of-range = সই বৈধ, কিন্তু টাইমস্ট্যাম্পটি ৯৯৯৯ সালের পরের; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-payload-base64 = সই বৈধ, কিন্তু পেলোডটি base64 নয়; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-payload-zlib = পেলোডটিকে সংকুচিত বলে চিহ্নিত করা হয়েছে, কিন্তু এটি zlib ডেটা নয়; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-payload-utf8 = পেলোডটি UTF-8 টেক্সট নয়; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-payload-json = পেলোডটি বৈধ JSON নয়; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-payload-tag = পেলোডের একটি ট্যাগ করা মানকে আবার আগের রূপে ফেরানো যাচ্ছে না; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।
reason-not-a-dict = পেলোডটি কোনো ডিকশনারি নয়; আসল Flask এখানে ক্র্যাশ করে HTTP 500 ফেরত দিত।

## Flash messages of the demo login (stored in the session until shown)

flash-logged-in = আপনি { $user } হিসেবে লগইন করেছেন।
flash-login-failed = ইউজারনেম বা পাসওয়ার্ড ভুল।
flash-logged-out = আপনি লগআউট করেছেন।

## Sandbox controls and panel

sandbox-session-key = কী
sandbox-session-value = মান
sandbox-permanent-label = মেয়াদ, সেকেন্ডে (কমপক্ষে ৩০)
sandbox-cart-item = পণ্য
sandbox-cart-add-buggy = বিদ্যমান তালিকাতেই যোগ করুন (session.modified ছাড়া)
sandbox-cart-add-fixed = যোগ করুন এবং session.modified = True সেট করুন
sandbox-login-username = ইউজারনেম
sandbox-login-password = পাসওয়ার্ড
sandbox-login-hint = ডেমো অ্যাকাউন্ট: student, পাসওয়ার্ড cookies।
sandbox-login = লগইন করুন
sandbox-logout = লগআউট করুন
sandbox-show-flashes = বার্তাগুলো দেখান (get_flashed_messages)
sandbox-flashed = দেখানো বার্তা (এগুলো এখন সেশন থেকে মুছে গেছে):
sandbox-no-flashes = দেখানোর মতো কোনো বার্তা ছিল না।
sandbox-grow = সেশনে ২৫৬টি এলোমেলো অক্ষর যোগ করে সেটিকে বড় করুন
# $size and $limit are bytes
sandbox-size = কুকির আকার: { $limit } বাইটের মধ্যে { $size } বাইট
sandbox-decoder-link = কুকি ডিকোডার খুলুন
sandbox-sent-heading = শেষ অ্যাকশনটি যে Set-Cookie হেডারগুলো পাঠিয়েছে
sandbox-sent-none = এই উত্তরে কোনো Set-Cookie হেডার পাঠানো হয়নি।
sandbox-permanent-yes = পার্মানেন্ট: কুকিটিতে Expires আছে, তাই ব্রাউজার রিস্টার্ট করলেও এটি থেকে যায়।
sandbox-permanent-no = পার্মানেন্ট নয়: Expires নেই, তাই ব্রাউজার বন্ধ হলেই কুকিটি ভুলে যায়।
sandbox-expires-at = Flask এটি গ্রহণ করবে এই সময় পর্যন্ত
sandbox-expired-now = মেয়াদ শেষ: সার্ভার এখন এই কুকিটি প্রত্যাখ্যান করে।
sandbox-error-field = অনুগ্রহ করে এই ঘরটি আবার দেখে নিন: { $field }
sandbox-error-too-large = প্রত্যাখ্যাত: সেশন কুকিটির আকার দাঁড়াত { $size } বাইট, অথচ ব্রাউজার সর্বোচ্চ { $limit } বাইট পর্যন্ত রাখে। কিছুই বদলানো হয়নি।
sandbox-copy = কুকিটি কপি করুন
sandbox-copied = কপি হয়েছে!
sandbox-payload-heading = Python যেভাবে পেলোডটি দেখে

## The cookie decoder page

decoder-title = সেশন কুকি ডিকোডার
decoder-intro = যেকোনো Flask সেশন কুকি এখানে পেস্ট করুন। কোনো কী ছাড়াই আপনি এটি পড়তে পারবেন, কারণ Flask সেশন সই করে, কিন্তু এনক্রিপ্ট করে না। সই যাচাই করতে সিক্রেট কী যোগ করুন।
decoder-cookie = কুকির মান
decoder-keys = সিক্রেট কী, প্রতি লাইনে একটি: প্রথমটি SECRET_KEY, বাকিগুলো ফলব্যাক
decoder-max-age = সর্বোচ্চ বয়স, সেকেন্ডে (ঐচ্ছিক)
decoder-decode = ডিকোড করুন
decoder-tamper = কারসাজি করুন: "admin"-এর মান true করে দিন
decoder-crack = প্রচলিত দুর্বল কীগুলো চেষ্টা করে দেখুন
decoder-tampered = একই কুকি, যার পেলোড বদলানো হয়েছে কিন্তু সই পুরোনোটাই রয়ে গেছে:
# $key: the secret found; $tried: guesses made; $ms: milliseconds taken
decoder-crack-found = দুর্বল কী পাওয়া গেছে: “{ $key }”, { $tried }টি অনুমানের পর, { $ms } মিলিসেকেন্ডে। এটি দিয়ে যে কেউ এমন কুকি জাল করতে পারে, যা এই সার্ভার বিশ্বাস করবে।
decoder-crack-none = যাচাই করা { $tried }টি প্রচলিত কীর কোনোটিই এই কুকির সইয়ের সঙ্গে মেলেনি ({ $ms } মিলিসেকেন্ড)। শুধু এ থেকেই বলা যায় না যে কী-টি শক্তিশালী: শক্তিশালী কেবল লম্বা, এলোমেলো কী।
decoder-result = কুকির ভেতরে যা আছে
decoder-no-key = কোনো কী দেওয়া হয়নি: পেলোড এমনিতেই পড়া যায়, কিন্তু কিছুই যাচাই করা হয়নি।
decoder-verified = সইটি বৈধ: এটি তালিকার { $index } নম্বর কী দিয়ে সই করা।
decoder-use-mine = আমার নিজের সেশন কুকি ব্যবহার করুন

## Check your understanding (quizzes) and course progress

quiz-heading = নিজেকে যাচাই করুন
quiz-intro = প্রতিটি প্রশ্নের একটি করে উত্তর বেছে নিন। সার্ভার উত্তরগুলো মূল্যায়ন করে এবং সেগুলো আলাদা একটি নিজস্ব সই করা কুকিতে মনে রাখে।
quiz-submit = আমার উত্তরগুলো যাচাই করুন
# $correct: right answers, $total: questions
quiz-score = { $total }টি উত্তরের মধ্যে { $correct }টি সঠিক।
quiz-right = সঠিক।
quiz-wrong = পুরোপুরি ঠিক নয়।
quiz-correct-answer = সঠিক উত্তর:
quiz-completed = পাঠ সম্পন্ন: সবগুলো উত্তর সঠিক।
progress-heading = আপনার অগ্রগতি
# $done: completed lessons, $total: all lessons
progress-summary = { $total ->
    [one] { $total }টি পাঠের মধ্যে { $done }টি সম্পন্ন হয়েছে
   *[other] { $total }টি পাঠের মধ্যে { $done }টি সম্পন্ন হয়েছে
}
# $count: lessons opened at least once
progress-visited = { $count ->
    [one] { $count }টি পাঠ খোলা হয়েছে
   *[other] { $count }টি পাঠ খোলা হয়েছে
}
progress-continue = যেখানে থেমেছিলেন, সেখান থেকে আবার শুরু করুন:
progress-start = আপনি এখনও শুরু করেননি: প্রথম পাঠ দিয়ে শুরু করুন।
progress-reset = আমার অগ্রগতি রিসেট করুন
progress-note = আপনার অগ্রগতি আলাদা একটি নিজস্ব সই করা কুকিতে থাকে, তাই স্যান্ডবক্সের সেশন মুছে ফেললেও এটি মুছে যায় না।
lesson-done = সম্পন্ন
lesson-visited = খোলা হয়েছে

## More diagrams

diagram-anatomy-title = Flask সেশন কুকির তিনটি অংশ
diagram-anatomy-payload = পেলোড
diagram-anatomy-payload-note = আপনার ডেটা: base64url JSON (ছোট হলে zlib)
diagram-anatomy-timestamp = টাইমস্ট্যাম্প
diagram-anatomy-timestamp-note = কখন সই করা হয়েছিল
diagram-anatomy-signature = সই
diagram-anatomy-signature-note = প্রথম দুই অংশের HMAC-SHA1
diagram-anatomy-readable = এই দুটি অংশ যে কেউ ডিকোড করতে পারে।
diagram-anatomy-protected = এটি শুধু সিক্রেট কী দিয়েই বানানো যায়।
diagram-store-title = সেশনের ডেটা কোথায় থাকে
diagram-store-client = Flask-এর ডিফল্ট সেশন
diagram-store-server = Flask-Session (সার্ভার-সাইড)
diagram-store-cookie-data = সব ডেটা কুকিতেই থাকে, সই করা অবস্থায়।
diagram-store-cookie-id = কুকিতে থাকে শুধু একটি এলোমেলো আইডি।
diagram-store-store = Redis বা কোনো ডেটাবেস
diagram-timeline-title = একটি পার্মানেন্ট সেশনের জীবনকাল
diagram-timeline-signed = সই হলো
diagram-timeline-refresh = অনুরোধ: নবায়ন
diagram-timeline-last = শেষ অনুরোধ
diagram-timeline-expires = মেয়াদ শেষ
diagram-timeline-browser-session = পার্মানেন্ট নয়: Expires নেই, ব্রাউজার বন্ধ হলেই কুকিটি মুছে যায়।
diagram-timeline-permanent = পার্মানেন্ট: Expires শেষ অনুরোধের এক মেয়াদ পরে, আর মেয়াদের চেয়ে পুরোনো সই Flask প্রত্যাখ্যান করে।

## Server-side sessions in the sandbox

sandbox-store-heading = আপনার ডেমো সেশন কোথায় থাকে
sandbox-store-to-server = এটি সার্ভারে সরিয়ে নিন (Flask-Session)
sandbox-store-to-cookie = এটি আবার কুকিতে ফিরিয়ে আনুন
sandbox-store-cookie-mode = কুকিতে: সব ডেটা আপনার ব্রাউজারই বহন করে, সই করা অবস্থায়।
sandbox-store-server-mode = সার্ভারে: কুকিতে থাকে শুধু একটি এলোমেলো আইডি, আর নিচের ডেটা থাকে স্টোরে।
sandbox-store-key = স্টোর কী
# $ttl: seconds
sandbox-store-ttl = { $ttl } সেকেন্ড পরে স্টোর থেকে মুছে যাবে
sandbox-store-record = সংরক্ষিত রেকর্ড

## ক্লাসরুম মোড: প্রতিটি পাতার বার, প্রেজেন্টার ভিউ আর নোটের জানালা
classroom-invite = আপনার শিক্ষক এই কোর্সটি পর্দায় দেখাচ্ছেন।
classroom-follow = শিক্ষককে অনুসরণ করুন
classroom-leave = অনুসরণ বন্ধ করুন
classroom-following = আপনি শিক্ষককে অনুসরণ করছেন: প্রজেক্টরের সঙ্গে সঙ্গে এই পাতাও এগোবে।
classroom-waiting = আপনি শিক্ষককে অনুসরণ করছেন: উপস্থাপনা শুরু হওয়ার অপেক্ষা…
classroom-goto = শিক্ষক যে পাঠে আছেন সেখানে যান
classroom-present = প্রেজেন্টার ভিউ
classroom-forbidden-title = শুধু শিক্ষকের জন্য
classroom-forbidden-body = এই পাতা খুলতে শিক্ষকের লিংক লাগবে, যা সার্ভার ক্লাসরুম মোডে চালু হওয়ার সময় টার্মিনালে দেখিয়েছিল।
present-title = প্রেজেন্টার ভিউ
present-join-heading = ক্লাসে যোগ দিন
present-join-body = ফোন বা ল্যাপটপে এই ঠিকানাটি খুলুন, অথবা কোডটি স্ক্যান করুন। প্রত্যেকে নিজের ভাষায় পড়বেন; পর্দার পাঠের সঙ্গে থাকতে “শিক্ষককে অনুসরণ করুন” চাপুন।
present-qr-label = { $url } ঠিকানার QR কোড
present-lessons = পাঠসমূহ
present-section-position = { $total }টির মধ্যে { $number } নম্বর অংশ
present-prev = পেছনে
present-next = সামনে
present-intro = ভূমিকা
present-followers = { $count ->
    [0] এখনও কেউ অনুসরণ করছে না
    [one] { $count } জন শিক্ষার্থী অনুসরণ করছে
   *[other] { $count } জন শিক্ষার্থী অনুসরণ করছে
}
present-notes-open = বক্তার নোট
present-join-link = যোগ দেওয়ার স্লাইড
present-reset = ডেমো রিসেট
present-reset-hint = পরের ক্লাসের আগে এই ব্রাউজারের স্যান্ডবক্স কুকি, সেশন আর কুইজের উত্তর মুছে দেয়।
present-reset-done = { $count ->
    [one] ডেমো রিসেট হয়েছে: { $count }টি কুকি মোছা হয়েছে।
   *[other] ডেমো রিসেট হয়েছে: { $count }টি কুকি মোছা হয়েছে।
}
present-exit = প্রেজেন্টার ভিউ থেকে বেরোন
notes-title = বক্তার নোট
notes-following = এই জানালা উপস্থাপনার সঙ্গে সঙ্গে চলে: এটি নিজের পর্দায় রাখুন।
notes-none = এই অংশের জন্য কোনো নোট নেই।
live-error-heading = এই সম্পাদনাটি লোড হচ্ছে না, তাই শেষ ঠিকঠাক সংস্করণটি দেখানো হচ্ছে। ভুলটি ঠিক করলে পাতা নিজেই আবার লোড হবে।

## স্টোরে আর নেই এমন রেকর্ড, আর এমন প্রত্যাখ্যান যাতে কিছুই হারায় না
sandbox-store-lost-expired = এই সেশন আইডির রেকর্ড স্টোরে আর নেই: এর মেয়াদ ফুরিয়ে গেছে। আপনার পরের পরিবর্তনে নতুন আইডিসহ একটি নতুন, খালি সেশন শুরু হবে।
sandbox-store-lost-evicted = এই সেশন আইডির রেকর্ড স্টোরে আর নেই: সার্ভার ভরে গিয়েছিল, তাই সেটি সরিয়ে দিয়েছে (যেসব রেকর্ডে কেউ আর ফেরেনি, সেগুলো আগে যায়)। আপনার পরের পরিবর্তনে নতুন আইডিসহ একটি নতুন, খালি সেশন শুরু হবে।
sandbox-store-lost-unknown = এই সেশন আইডির কোনো রেকর্ড স্টোরে নেই: মেয়াদ ফুরিয়েছে, মুছে ফেলা হয়েছে, অথবা স্টোরটি আবার চালু হয়েছে (বিল্ট-ইন স্টোর রেকর্ড শুধু মেমরিতে রাখে)। আপনার পরের পরিবর্তনে নতুন আইডিসহ একটি নতুন, খালি সেশন শুরু হবে।
error-store-title = সেশন স্টোর সাড়া দিচ্ছে না
error-store-body = এই ডেমো সেশনটি যে স্টোরে থাকে, সেটি এইমাত্র সাড়া দেয়নি। কিছুই বদলায়নি, আপনার সেশন আইডিও রাখা আছে: কয়েক সেকেন্ড পরে পেজটি রিলোড করুন।
error-rate-title = অনেক বেশি নতুন সেশন
error-rate-body = গত এক মিনিটে আপনার ঠিকানা থেকে { $per_minute }টি নতুন সার্ভার-সাইড সেশন তৈরি হয়েছে, এটাই সীমা। কিছুই বদলায়নি: { $retry } সেকেন্ড পরে আবার চেষ্টা করুন।

## প্রত্যাখ্যাত ফর্ম, ব্রাউজারকে বুঝিয়ে বলা (ফিল্ডের নাম, যা লিখেছিলেন তা রাখা)
error-page-title = এটি সম্পন্ন হয়নি
error-field = “{ $field }” ফিল্ডটি দেখুন:
error-kept = কিছুই বদলায়নি। আপনি যা লিখেছিলেন তা নিচে আছে: ঠিক করে আবার পাঠান।
error-resend = আবার পাঠান
error-back = আগের পেজে ফিরে যান

## খোঁজ
search-title = কোর্সে খুঁজুন
search-label = কোর্সে খুঁজুন
search-placeholder = খুঁজুন: SameSite, সই…
search-button = খুঁজুন
search-count = { $count ->
    [0] কিছু পাওয়া যায়নি।
   *[other] { $count }টি অংশ পাওয়া গেছে।
}
search-none = অন্য বা আরও ছোট একটি শব্দ দিয়ে চেষ্টা করুন: শব্দের অন্য রূপগুলোও খুঁজে পাওয়া যায়।
search-quiz = কুইজ

## সার্ভার যে তারিখ লেখে (JavaScript ছাড়া)
date-time = { $day } { $month } { $year }, { $time } UTC
month-1 = জানুয়ারি
month-2 = ফেব্রুয়ারি
month-3 = মার্চ
month-4 = এপ্রিল
month-5 = মে
month-6 = জুন
month-7 = জুলাই
month-8 = আগস্ট
month-9 = সেপ্টেম্বর
month-10 = অক্টোবর
month-11 = নভেম্বর
month-12 = ডিসেম্বর

## ব্রাউজারে উদাহরণ চালানো (WebAssembly-তে Flask)
runner-code = অ্যাপের আপনার কপি (বদলে নিয়ে চালান; Ctrl+Enter চাপলেও চলে)
runner-method = মেথড
runner-path = পাথ
runner-form = ফর্মের ফিল্ড
runner-run = চালান
runner-reset = আগের কোড ফিরিয়ে আনুন
runner-loading = আপনার ব্রাউজারে Python আর Flask চালু হচ্ছে… (প্রথমবার কয়েক সেকেন্ড লাগে)
runner-error = Python একটি ত্রুটিতে থেমে গেছে:
runner-jar = টেস্ট ক্লায়েন্টের কুকি:
runner-session = সেশন কুকি:
runner-invalid = সই মেলে না
runner-nojs = JavaScript আর WebAssembly চালু থাকলে এই উদাহরণটি সরাসরি ব্রাউজারে চলে; না থাকলে নিচের মতো নিজের কম্পিউটারে চালান।

## অনুশীলনী (শিক্ষার্থীর ব্রাউজারেই যাচাই হয়)
exercise-label = অনুশীলনী:
exercise-check = যাচাই করুন
exercise-solution = একটি সমাধান দেখান
exercise-passed = হয়ে গেছে: সব যাচাই মিলেছে। আপনার অগ্রগতিতে এটি লেখা থাকল।
exercise-failed = এখনও হয়নি: এই যাচাইটি মেলেনি:
exercise-nojs = JavaScript আর WebAssembly চালু থাকলে এই অনুশীলনী আপনার কোড ব্রাউজারেই চালিয়ে যাচাই করে। না থাকলে ওপরের অ্যাপটি কপি করে নিজের কম্পিউটারে ঠিক করুন, তারপর পাঠের সঙ্গে মিলিয়ে দেখুন।
exercise-done = অনুশীলনী সম্পন্ন
# $done: exercises passed, $total: all exercises
progress-exercises = { $total ->
    [one] { $total }টি অনুশীলনীর মধ্যে { $done }টি সম্পন্ন
   *[other] { $total }টি অনুশীলনীর মধ্যে { $done }টি সম্পন্ন
}
home-part-core = পর্ব ১: Flask সেশন কীভাবে কাজ করে
home-part-production = পর্ব ২: বাস্তব অ্যাপে লগইন
