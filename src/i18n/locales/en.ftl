# hushlink: the pages' strings in English, the fallback language.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · share a secret
brand = hushlink
tagline = Share a secret through a link that works once.
footer = Encrypted by the server (SnapPass format). The key lives only in the link; the server sees the secret while it creates and reveals it, and keeps nothing it could read.

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
over-quota-heading = Storage quota reached
over-quota-body = This server already holds as many secrets as its storage quota allows. Nothing was stored. Room comes back as secrets are opened or expire: please try again later.
too-many-creates-heading = Too many secrets
too-many-creates-body = Too many secrets were created from this address. Nothing was stored. Please try again in { $n } seconds.

link-receipt = Track or delete this secret (keep this link to yourself)
receipt-heading = What happened to your secret
receipt-intro = This page is for the sender only: keep its address to yourself. It shows what happened to the secret, never the secret itself or who opened it.
receipt-state-available = Still available: the link works.
receipt-state-viewed = Viewed: every view has been used and the secret is deleted.
receipt-state-burned = Deleted by the sender: the link no longer works.
receipt-state-expired = Expired: its time ran out and the secret is deleted.
receipt-state-destroyed = Destroyed after too many wrong passphrases: the link no longer works.
receipt-created = Created
receipt-expires = Expires
receipt-views-used = Views used: { $n }
receipt-history = History
receipt-no-events = Nothing has happened to it yet.
event-viewed = Opened
event-passphrase-failed = Wrong passphrase
event-burned = Deleted by the sender
event-expired = Expired
event-destroyed = Destroyed
receipt-delete = Delete now
receipt-delete-note = Deleting cannot be undone: the link stops working at once, for everyone.
receipt-not-found = Receipt not found: it never existed, or it is older than its retention period.

back-home = Back to the start

## Zero-knowledge links

footer-zk = Encrypted in the browser. The key lives only in the link, after the #, which browsers never send: the server never sees the secret and stores nothing it could read.
footer-form = With JavaScript on, this form encrypts in your browser and the server never sees the secret. Without it, the server encrypts (SnapPass format) and sees the secret while it serves the request.
form-passphrase-label = Passphrase (optional)
form-passphrase-hint = The reader must type it too. It never leaves your browser; send it separately from the link.
form-working = Encrypting in your browser…
form-failed = The secret could not be created; nothing was stored. Please try again.
link-kind-zk = Zero-knowledge link: encrypted in your browser. The key is the part after the #, which is never sent to the server.
link-kind-server = Server-encrypted link (SnapPass format): the server encrypted the secret. It saw the secret while making the link and will see it again when the link is opened; it keeps nothing it could read.
link-passphrase-note = This link also needs the passphrase. Send it by another channel.
zk-preview-intro = This secret was encrypted in the sender's browser and is decrypted in yours: the server cannot read it. Reveal it only when you are ready to store it somewhere safe.
zk-needs-js = Opening this link needs JavaScript: the secret is decrypted in your browser with the key in the link, which the server never receives. Nothing has been revealed or used. Turn JavaScript on for this site, or open the link with the hushlink command-line client (hushlink get).
zk-needs-https = This page cannot decrypt here: browsers allow the cryptography it needs only on HTTPS (or localhost). Nothing has been revealed or used. Open the link over HTTPS, or with the hushlink command-line client (hushlink get).
zk-passphrase-label = Passphrase
zk-working = Decrypting…
zk-wrong-passphrase = Wrong passphrase. Nothing was revealed and the link still works. Attempts left: { $n }.
zk-destroyed = Too many wrong passphrases: the secret has been destroyed and the link no longer works.
zk-decrypt-failed = The secret arrived but could not be decrypted: it may have been altered. Ask the sender to share it again.
zk-binary = This secret is a file (binary data).
zk-download = Download it

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Sign in to send a secret
signin-intro = Only people of this organisation can create secrets here. Anyone with a link can still open it, without an account.
signin-button = Sign in
signin-unavailable = Sign-in is not available right now, so secrets cannot be created. Please try again in a few minutes.
signin-refused = Your account is not allowed to send secrets here. Ask your administrator if you need to.
signin-failed = Sign-in did not complete. Please start again.
signed-in-as = Signed in as
sign-out = Sign out
keys-link = My API keys
keys-heading = Your API keys
keys-intro = Keys for the command-line client and scripts: they can create secrets, nothing else. A new key is shown only once.
keys-name-label = Key name
keys-create = Create key
keys-new = Your new key. Copy it now: it will not be shown again.
keys-none = You have no API keys yet.
keys-revoke = Revoke
keys-invalid = Choose another name: 1 to 64 letters, digits, dots, dashes or underscores, not already in use.
