# hushlink: the pages' strings in English, the fallback language.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · share a secret
brand = hushlink
tagline = Share a secret through a link that works once.
footer = The key to your secret lives only in the link. The server keeps nothing it could read.

form-heading = Share a secret
form-intro = Paste a password or any other secret. You get a link that reveals it once, then the secret is deleted.
form-secret-label = Secret
form-secret-placeholder = Type or paste the secret here
form-ttl-label = Expires after
ttl-two-weeks = Two weeks
ttl-week = One week
ttl-day = One day
ttl-hour = One hour
form-views-label = Views allowed
form-views-hint = How many times the link may be opened before the secret is deleted.
form-submit = Create link
form-too-large = This secret is { $size } bytes long, and this server accepts at most { $limit } bytes. Nothing was stored: shorten it, or split it into parts.
form-views-invalid = Views allowed must be a whole number from 1 to 100.
form-kept = Your secret is still in the form below; nothing was stored.

link-heading = Your link is ready
link-intro = Send this link to the person who needs the secret. It works only as often as you allowed, and expires on its own.
link-label = Secret link
link-qr-label = QR code of the link
link-another = Share another secret

copy = Copy
copied = Copied

preview-heading = Someone shared a secret with you
preview-intro = Reveal it only when you are ready to store it somewhere safe: once revealed, it may be gone for good.
preview-views-left = Views left: { $n }
preview-reveal = Reveal secret

reveal-heading = Your secret
reveal-label = Secret
reveal-gone = This secret has now been deleted from the server, and the link no longer works. Save it somewhere safe before you leave this page.
reveal-views-left = The link can still be opened { $n } more time(s).

not-found-heading = Secret not found
not-found-body = This link holds no secret. It may have been viewed already, it may have expired, or it never existed.
not-found-hint = If someone sent you this link, ask them to share the secret again.

damaged-heading = This link is damaged or incomplete
damaged-body = The link points to a secret, but part of it is missing or altered, so the secret cannot be opened. It has not been deleted: copy the whole link again, or ask the sender to send it again.

invalid-heading = Something is missing
invalid-body = Please enter a secret and choose how long it should last.

bad-request-heading = This request cannot be answered
bad-request-body = This address is not used that way, or the request named a host this server cannot put in a link. Start again from the home page.

too-large-heading = That secret is too large
too-large-body = This server accepts secrets of at most { $limit } bytes. Nothing was stored: share a smaller secret, or split it.

unavailable-heading = Temporarily unavailable
unavailable-body = The server cannot reach its storage right now. Nothing was changed. Please try again in a moment.

back-home = Back to the start
