# «সেশন বাতিল: সব জায়গা থেকে লগআউট» পাঠের চুরি-করা-কপির ডেমো।
replay-login = লগইন করুন
replay-copy = সেশন কুকিটি কপি করুন (চোর যেভাবে করত)
replay-logout = এখানে লগআউট করুন: session.clear()
replay-logout-everywhere = সব জায়গা থেকে লগআউট: সেশন ভার্সন এক বাড়ান
replay-replay = চোর যদি এখন কপিটি পাঠায়:
replay-send = কপিটি আবার পাঠান
replay-no-copy = এখনো কোনো কপি নেই: লগইন করুন, তারপর কুকিটি কপি করুন।
replay-copy-is = চোরের কপি: { $value }
replay-version = ব্যবহারকারী { $user }-এর সেশন ভার্সন: { $version }।
replay-without = ভার্সন যাচাই ছাড়া: { $outcome }
replay-with = ভার্সন যাচাইসহ: { $outcome }
replay-accepted = গৃহীত, কপিটি { $user } হিসেবে লগইন করা।
replay-refused-version = প্রত্যাখ্যাত, কপিতে ভার্সন { $copy }, কিন্তু ব্যবহারকারীর বর্তমান ভার্সন { $current }।
replay-refused-anonymous = প্রত্যাখ্যাত, কপিতে কোনো লগইন নেই।
replay-refused-invalid = প্রত্যাখ্যাত, কপির সই মিলছে না।
