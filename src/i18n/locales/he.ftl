# hushlink: the pages' strings in Hebrew (written right to left).
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · שיתוף סוד
brand = hushlink
tagline = שתפו סוד באמצעות קישור שעובד פעם אחת בלבד.
footer = המפתח לסוד שלכם נמצא רק בקישור. השרת לא שומר שום דבר שהוא יכול לקרוא.

form-heading = שיתוף סוד
form-intro = הדביקו סיסמה או כל סוד אחר. תקבלו קישור שמציג אותו פעם אחת, ואז הסוד נמחק.
form-secret-label = סוד
form-secret-placeholder = הקלידו או הדביקו כאן את הסוד
form-ttl-label = תוקף
ttl-two-weeks = שבועיים
ttl-week = שבוע
ttl-day = יום
ttl-hour = שעה
form-views-label = מספר הצפיות המותר
form-views-hint = כמה פעמים אפשר לפתוח את הקישור לפני שהסוד נמחק.
form-submit = יצירת קישור
form-too-large = גודל הסוד הזה הוא { $size } בתים, והשרת מקבל לכל היותר { $limit } בתים. שום דבר לא נשמר: קצרו אותו, או פצלו אותו לחלקים.
form-views-invalid = מספר הצפיות המותר חייב להיות מספר שלם בין 1 ל־100.
form-kept = הסוד שלכם עדיין בטופס שלמטה; שום דבר לא נשמר.

link-heading = הקישור שלכם מוכן
link-intro = שלחו את הקישור לאדם שצריך את הסוד. הוא יעבוד רק כמספר הפעמים שהתרתם, ותוקפו יפוג מעצמו.
link-label = קישור לסוד
link-qr-label = קוד QR של הקישור
link-another = שיתוף סוד נוסף

copy = העתקה
copied = הועתק

preview-heading = מישהו שיתף איתכם סוד
preview-intro = הציגו אותו רק כשאתם מוכנים לשמור אותו במקום בטוח: אחרי שיוצג, ייתכן שייעלם לתמיד.
preview-views-left = צפיות שנותרו: { $n }
preview-reveal = הצגת הסוד

reveal-heading = הסוד שלכם
reveal-label = סוד
reveal-gone = הסוד נמחק עכשיו מהשרת, והקישור כבר לא עובד. שמרו אותו במקום בטוח לפני שתעזבו את הדף.
reveal-views-left = צפיות שנותרו בקישור: { $n }.

not-found-heading = הסוד לא נמצא
not-found-body = בקישור הזה אין סוד. ייתכן שכבר צפו בו, שתוקפו פג או שמעולם לא היה קיים.
not-found-hint = אם מישהו שלח לכם את הקישור, בקשו ממנו לשתף את הסוד שוב.

damaged-heading = הקישור פגום או חלקי
damaged-body = הקישור מפנה לסוד, אבל חלק ממנו חסר או שונה, ולכן אי אפשר לפתוח את הסוד. הסוד לא נמחק: העתיקו שוב את הקישור המלא, או בקשו מהשולח לשלוח אותו שוב.

invalid-heading = משהו חסר
invalid-body = הזינו סוד ובחרו לכמה זמן הוא יישמר.

bad-request-heading = אי אפשר לענות על הבקשה הזו
bad-request-body = הכתובת הזו לא משמשת כך, או שהבקשה ציינה מארח שהשרת לא יכול לשים בקישור. התחילו מחדש מדף הבית.

too-large-heading = הסוד גדול מדי
too-large-body = השרת מקבל סודות בגודל של עד { $limit } בתים בלבד. שום דבר לא נשמר: שתפו סוד קטן יותר, או פצלו אותו.

unavailable-heading = לא זמין כרגע
unavailable-body = השרת לא מצליח להגיע לאחסון שלו כרגע. שום דבר לא השתנה. נסו שוב בעוד רגע.

link-receipt = מעקב אחר הסוד או מחיקתו (שמרו את הקישור הזה לעצמכם)
receipt-heading = מה קרה לסוד שלכם
receipt-intro = הדף הזה מיועד לשולח בלבד: שמרו את הכתובת שלו לעצמכם. הוא מראה מה קרה לסוד, אף פעם לא את הסוד עצמו או מי פתח אותו.
receipt-state-available = עדיין זמין: הקישור עובד.
receipt-state-viewed = נצפה: כל הצפיות נוצלו והסוד נמחק.
receipt-state-burned = נמחק על ידי השולח: הקישור כבר לא עובד.
receipt-state-expired = פג תוקף: הזמן נגמר והסוד נמחק.
receipt-state-destroyed = הושמד אחרי יותר מדי ביטויי סיסמה שגויים: הקישור כבר לא עובד.
receipt-created = נוצר
receipt-expires = פג תוקף ב־
receipt-views-used = צפיות שנוצלו: { $n }
receipt-history = היסטוריה
receipt-no-events = עדיין לא קרה לו כלום.
event-viewed = נפתח
event-passphrase-failed = ביטוי סיסמה שגוי
event-burned = נמחק על ידי השולח
event-expired = פג תוקף
event-destroyed = הושמד
receipt-delete = מחיקה עכשיו
receipt-delete-note = אי אפשר לבטל מחיקה: הקישור מפסיק לעבוד מיד, לכולם.
receipt-not-found = הקבלה לא נמצאה: היא מעולם לא הייתה קיימת, או שהיא ישנה מתקופת השמירה שלה.

back-home = חזרה להתחלה
