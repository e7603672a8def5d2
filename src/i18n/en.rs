//! English, the fallback language.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "en",
    title: "hushlink · share a secret",
    brand: "hushlink",
    tagline: "Share a secret through a link that works once.",
    footer: "The key to your secret lives only in the link. The server keeps nothing it could read.",

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
    form_too_large: "This secret is {size} bytes long, and this server accepts at most {limit} bytes. Nothing was stored: shorten it, or split it into parts.",
    form_views_invalid: "Views allowed must be a whole number from 1 to 100.",
    form_kept: "Your secret is still in the form below; nothing was stored.",

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

    bad_request_heading: "This request cannot be answered",
    bad_request_body: "This address is not used that way, or the request named a host this server cannot put in a link. Start again from the home page.",

    too_large_heading: "That secret is too large",
    too_large_body: "This server accepts secrets of at most {limit} bytes. Nothing was stored: share a smaller secret, or split it.",

    unavailable_heading: "Temporarily unavailable",
    unavailable_body: "The server cannot reach its storage right now. Nothing was changed. Please try again in a moment.",

    back_home: "Back to the start",
};
