//! English, the fallback language.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "en",
    title: "hushlink · share a secret",
    brand: "hushlink",
    tagline: "Share a secret through a link that works once.",
    footer: "Encrypted by the server (SnapPass format). The key lives only in the link; the server sees the secret while it creates and reveals it, and keeps nothing it could read.",
    footer_zk: "Encrypted in the browser. The key lives only in the link, after the #, which browsers never send: the server never sees the secret and stores nothing it could read.",
    footer_form: "With JavaScript on, this form encrypts in your browser and the server never sees the secret. Without it, the server encrypts (SnapPass format) and sees the secret while it serves the request.",

    form_heading: "Share a secret",
    form_intro: "Paste a password or any other secret. You get a link that reveals it once, then the secret is deleted.",
    form_secret_label: "Secret",
    form_secret_placeholder: "Type or paste the secret here",
    form_ttl_label: "Expires after",
    ttl_two_weeks: "Two weeks",
    ttl_week: "One week",
    ttl_day: "One day",
    ttl_hour: "One hour",
    form_views_label: "Views allowed",
    form_views_hint: "How many times the link may be opened before the secret is deleted.",
    form_submit: "Create link",

    link_heading: "Your link is ready",
    link_intro: "Send this link to the person who needs the secret. It works only as often as you allowed, and expires on its own.",
    link_label: "Secret link",
    link_qr_label: "QR code of the link",
    link_another: "Share another secret",

    copy: "Copy",
    copied: "Copied",

    preview_heading: "Someone shared a secret with you",
    preview_intro: "Reveal it only when you are ready to store it somewhere safe: once revealed, it may be gone for good.",
    preview_views_left: "Views left: {n}",
    preview_reveal: "Reveal secret",

    reveal_heading: "Your secret",
    reveal_label: "Secret",
    reveal_gone: "This secret has now been deleted from the server, and the link no longer works. Save it somewhere safe before you leave this page.",
    reveal_views_left: "The link can still be opened {n} more time(s).",

    not_found_heading: "Secret not found",
    not_found_body: "This link holds no secret. It may have been viewed already, it may have expired, or it never existed.",
    not_found_hint: "If someone sent you this link, ask them to share the secret again.",

    damaged_heading: "This link is damaged or incomplete",
    damaged_body: "The link points to a secret, but part of it is missing or altered, so the secret cannot be opened. It has not been deleted: copy the whole link again, or ask the sender to send it again.",

    invalid_heading: "Something is missing",
    invalid_body: "Please enter a secret and choose how long it should last.",

    too_large_heading: "That secret is too large",
    too_large_body: "This server accepts secrets up to a fixed size. Share a smaller secret, or split it.",

    unavailable_heading: "Temporarily unavailable",
    unavailable_body: "The server cannot reach its storage right now. Nothing was changed. Please try again in a moment.",

    form_passphrase_label: "Passphrase (optional)",
    form_passphrase_hint: "The reader must type it too. It never leaves your browser; send it separately from the link.",
    form_working: "Encrypting in your browser…",
    form_failed: "The secret could not be created; nothing was stored. Please try again.",
    link_kind_zk: "Zero-knowledge link: encrypted in your browser. The key is the part after the #, which is never sent to the server.",
    link_kind_server: "Server-encrypted link (SnapPass format): the server encrypted the secret. It saw the secret while making the link and will see it again when the link is opened; it keeps nothing it could read.",
    link_passphrase_note: "This link also needs the passphrase. Send it by another channel.",
    zk_preview_intro: "This secret was encrypted in the sender's browser and is decrypted in yours: the server cannot read it. Reveal it only when you are ready to store it somewhere safe.",
    zk_needs_js: "Opening this link needs JavaScript: the secret is decrypted in your browser with the key in the link, which the server never receives. Nothing has been revealed or used. Turn JavaScript on for this site, or open the link with the hushlink command-line client (hushlink get).",
    zk_needs_https: "This page cannot decrypt here: browsers allow the cryptography it needs only on HTTPS (or localhost). Nothing has been revealed or used. Open the link over HTTPS, or with the hushlink command-line client (hushlink get).",
    zk_passphrase_label: "Passphrase",
    zk_working: "Decrypting…",
    zk_wrong_passphrase: "Wrong passphrase. Nothing was revealed and the link still works. Attempts left: {n}.",
    zk_destroyed: "Too many wrong passphrases: the secret has been destroyed and the link no longer works.",
    zk_decrypt_failed: "The secret arrived but could not be decrypted: it may have been altered. Ask the sender to share it again.",
    zk_binary: "This secret is a file (binary data).",
    zk_download: "Download it",
    back_home: "Back to the start",
};
