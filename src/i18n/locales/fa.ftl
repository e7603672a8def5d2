# hushlink: the pages' strings in Persian (written right to left).
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · اشتراک‌گذاری یک راز
brand = hushlink
tagline = رازی را با پیوندی که فقط یک بار کار می‌کند به اشتراک بگذارید.
footer = کلید راز شما فقط در پیوند است. سرور چیزی را که بتواند بخواند نگه نمی‌دارد.

form-heading = اشتراک‌گذاری یک راز
form-intro = یک گذرواژه یا هر راز دیگری را بچسبانید. پیوندی می‌گیرید که آن را یک بار نشان می‌دهد و سپس راز حذف می‌شود.
form-secret-label = راز
form-secret-placeholder = راز را اینجا بنویسید یا بچسبانید
form-ttl-label = انقضا پس از
ttl-two-weeks = دو هفته
ttl-week = یک هفته
ttl-day = یک روز
ttl-hour = یک ساعت
form-views-label = دفعات مجاز مشاهده
form-views-hint = چند بار می‌توان پیوند را باز کرد تا راز حذف شود.
form-submit = ساخت پیوند

link-heading = پیوند شما آماده است
link-intro = این پیوند را برای کسی بفرستید که به راز نیاز دارد. فقط به تعداد دفعاتی که اجازه داده‌اید کار می‌کند و خودبه‌خود منقضی می‌شود.
link-label = پیوند راز
link-qr-label = کد QR پیوند
link-another = اشتراک‌گذاری راز دیگر

copy = کپی
copied = کپی شد

preview-heading = کسی رازی را با شما به اشتراک گذاشته است
preview-intro = فقط وقتی آن را نمایش دهید که آماده‌اید در جای امنی نگهش دارید: پس از نمایش، ممکن است برای همیشه از بین برود.
preview-views-left = مشاهده‌های باقی‌مانده: { $n }
preview-reveal = نمایش راز

reveal-heading = راز شما
reveal-label = راز
reveal-gone = این راز اکنون از سرور حذف شده است و پیوند دیگر کار نمی‌کند. پیش از ترک این صفحه، آن را در جای امنی ذخیره کنید.
reveal-views-left = مشاهده‌های باقی‌مانده این پیوند: { $n }.

not-found-heading = راز پیدا نشد
not-found-body = این پیوند هیچ رازی ندارد. شاید قبلاً دیده شده، منقضی شده یا هرگز وجود نداشته است.
not-found-hint = اگر کسی این پیوند را برایتان فرستاده، از او بخواهید راز را دوباره به اشتراک بگذارد.

damaged-heading = این پیوند آسیب‌دیده یا ناقص است
damaged-body = پیوند به یک راز اشاره می‌کند، اما بخشی از آن از دست رفته یا تغییر کرده است، پس راز باز نمی‌شود. راز حذف نشده است: کل پیوند را دوباره کپی کنید، یا از فرستنده بخواهید آن را دوباره بفرستد.

invalid-heading = چیزی کم است
invalid-body = لطفاً یک راز وارد کنید و مدت اعتبار آن را انتخاب کنید.

too-large-heading = این راز بیش از حد بزرگ است
too-large-body = این سرور رازها را فقط تا اندازهٔ مشخصی می‌پذیرد. راز کوچک‌تری به اشتراک بگذارید یا آن را تقسیم کنید.

unavailable-heading = موقتاً در دسترس نیست
unavailable-body = سرور فعلاً نمی‌تواند به فضای ذخیره‌سازی خود دسترسی پیدا کند. چیزی تغییر نکرد. لطفاً چند لحظه دیگر دوباره تلاش کنید.

back-home = بازگشت به آغاز
