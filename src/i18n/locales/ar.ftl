# hushlink: the pages' strings in Arabic (written right to left).
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · شارك سرًا
brand = hushlink
tagline = شارك سرًا عبر رابط لا يعمل إلا مرة واحدة.
footer = مفتاح سرّك موجود في الرابط فقط. لا يحتفظ الخادم بأي شيء يستطيع قراءته.

form-heading = مشاركة سر
form-intro = الصق كلمة مرور أو أي سر آخر. ستحصل على رابط يعرضه مرة واحدة، ثم يُحذف السر.
form-secret-label = السر
form-secret-placeholder = اكتب السر أو الصقه هنا
form-ttl-label = تنتهي صلاحيته بعد
ttl-two-weeks = أسبوعين
ttl-week = أسبوع واحد
ttl-day = يوم واحد
ttl-hour = ساعة واحدة
form-views-label = عدد المشاهدات المسموح بها
form-views-hint = عدد المرات التي يمكن فيها فتح الرابط قبل حذف السر.
form-submit = إنشاء الرابط
form-too-large = حجم هذا السر { $size } بايت، ولا يقبل هذا الخادم أكثر من { $limit } بايت. لم يُحفظ شيء: اختصره أو قسّمه إلى أجزاء.
form-views-invalid = يجب أن يكون عدد المشاهدات المسموح بها عددًا صحيحًا من 1 إلى 100.
form-kept = لا يزال سرّك في النموذج أدناه؛ لم يُحفظ شيء.

link-heading = رابطك جاهز
link-intro = أرسل هذا الرابط إلى الشخص الذي يحتاج إلى السر. لا يعمل إلا بعدد المرات التي سمحت بها، وتنتهي صلاحيته من تلقاء نفسه.
link-label = رابط السر
link-qr-label = رمز QR للرابط
link-another = مشاركة سر آخر

copy = نسخ
copied = تم النسخ

preview-heading = شاركك أحدهم سرًا
preview-intro = لا تعرضه إلا عندما تكون مستعدًا لحفظه في مكان آمن: فبعد عرضه قد يختفي إلى الأبد.
preview-views-left = المشاهدات المتبقية: { $n }
preview-reveal = عرض السر

reveal-heading = سرّك
reveal-label = السر
reveal-gone = حُذف هذا السر الآن من الخادم، ولم يعد الرابط يعمل. احفظه في مكان آمن قبل مغادرة هذه الصفحة.
reveal-views-left = المشاهدات المتبقية لهذا الرابط: { $n }.

not-found-heading = لم يُعثر على السر
not-found-body = لا يحتوي هذا الرابط على أي سر. ربما سبق عرضه، أو انتهت صلاحيته، أو لم يوجد أصلًا.
not-found-hint = إذا أرسل إليك أحدهم هذا الرابط، فاطلب منه مشاركة السر مرة أخرى.

damaged-heading = هذا الرابط تالف أو غير مكتمل
damaged-body = يشير الرابط إلى سر، لكن جزءًا منه مفقود أو معدَّل، لذا لا يمكن فتح السر. لم يُحذف السر: انسخ الرابط كاملًا مرة أخرى، أو اطلب من المرسل إرساله من جديد.

invalid-heading = هناك شيء ناقص
invalid-body = يُرجى إدخال سر واختيار مدة صلاحيته.

bad-request-heading = لا يمكن الرد على هذا الطلب
bad-request-body = لا يُستخدم هذا العنوان بهذه الطريقة، أو ذكر الطلب مضيفًا لا يستطيع هذا الخادم وضعه في رابط. ابدأ من جديد من الصفحة الرئيسية.

too-large-heading = هذا السر كبير جدًا
too-large-body = يقبل هذا الخادم الأسرار التي لا يتجاوز حجمها { $limit } بايت. لم يُحفظ شيء: شارك سرًا أصغر، أو قسّمه إلى أجزاء.

unavailable-heading = غير متاح مؤقتًا
unavailable-body = لا يستطيع الخادم الوصول إلى مخزنه حاليًا. لم يتغير شيء. يُرجى المحاولة مرة أخرى بعد قليل.

link-receipt = تتبّع هذا السر أو احذفه (احتفظ بهذا الرابط لنفسك)
receipt-heading = ماذا حدث لسرّك
receipt-intro = هذه الصفحة للمرسل وحده: احتفظ بعنوانها لنفسك. تعرض ما حدث للسر، ولا تعرض أبدًا السر نفسه أو من فتحه.
receipt-state-available = ما زال متاحًا: الرابط يعمل.
receipt-state-viewed = عُرض: استُنفدت كل المشاهدات وحُذف السر.
receipt-state-burned = حذفه المرسل: الرابط لم يعد يعمل.
receipt-state-expired = انتهت صلاحيته: انقضى وقته وحُذف السر.
receipt-state-destroyed = أُتلف بعد عدد كبير جدًا من عبارات المرور الخاطئة: الرابط لم يعد يعمل.
receipt-created = أُنشئ
receipt-expires = ينتهي
receipt-views-used = المشاهدات المستخدمة: { $n }
receipt-history = السجل
receipt-no-events = لم يحدث له شيء بعد.
event-viewed = فُتح
event-passphrase-failed = عبارة مرور خاطئة
event-burned = حذفه المرسل
event-expired = انتهت صلاحيته
event-destroyed = أُتلف
receipt-delete = احذفه الآن
receipt-delete-note = لا يمكن التراجع عن الحذف: يتوقف الرابط عن العمل فورًا، للجميع.
receipt-not-found = لم يُعثر على الإيصال: لم يوجد قط، أو أنه أقدم من مدة الاحتفاظ به.

back-home = العودة إلى البداية
