//! Languages of the web pages, chosen from `Accept-Language`.
//!
//! Each language is one `Strings` value in its own file, so a translator
//! edits one place and the compiler checks that no string is missing.

mod de;
mod en;
mod es;
mod fr;
mod nl;

/// Every text the pages show, in one language.
pub struct Strings {
    /// BCP 47 code for `<html lang>`.
    pub code: &'static str,
    pub title: &'static str,
    pub brand: &'static str,
    pub tagline: &'static str,
    /// The footer of pages about server-encrypted (SnapPass-format) links.
    pub footer: &'static str,
    /// The footer of pages about zero-knowledge links.
    pub footer_zk: &'static str,
    /// The footer of the form, which may make either kind.
    pub footer_form: &'static str,

    pub form_heading: &'static str,
    pub form_intro: &'static str,
    pub form_secret_label: &'static str,
    pub form_secret_placeholder: &'static str,
    pub form_ttl_label: &'static str,
    pub ttl_two_weeks: &'static str,
    pub ttl_week: &'static str,
    pub ttl_day: &'static str,
    pub ttl_hour: &'static str,
    pub form_views_label: &'static str,
    pub form_views_hint: &'static str,
    pub form_submit: &'static str,

    pub link_heading: &'static str,
    pub link_intro: &'static str,
    pub link_label: &'static str,
    pub link_qr_label: &'static str,
    pub link_another: &'static str,

    pub copy: &'static str,
    pub copied: &'static str,

    pub preview_heading: &'static str,
    pub preview_intro: &'static str,
    /// Contains `{n}`, replaced by the number of views left.
    pub preview_views_left: &'static str,
    pub preview_reveal: &'static str,

    pub reveal_heading: &'static str,
    pub reveal_label: &'static str,
    pub reveal_gone: &'static str,
    /// Contains `{n}`, replaced by the number of views left.
    pub reveal_views_left: &'static str,

    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub not_found_hint: &'static str,

    pub damaged_heading: &'static str,
    pub damaged_body: &'static str,

    pub invalid_heading: &'static str,
    pub invalid_body: &'static str,

    pub too_large_heading: &'static str,
    pub too_large_body: &'static str,

    pub unavailable_heading: &'static str,
    pub unavailable_body: &'static str,

    pub form_passphrase_label: &'static str,
    pub form_passphrase_hint: &'static str,
    pub form_working: &'static str,
    pub form_failed: &'static str,
    pub link_kind_zk: &'static str,
    pub link_kind_server: &'static str,
    pub link_passphrase_note: &'static str,
    pub zk_preview_intro: &'static str,
    pub zk_needs_js: &'static str,
    /// The reader's page over plain HTTP, where browsers offer no WebCrypto.
    pub zk_needs_https: &'static str,
    pub zk_passphrase_label: &'static str,
    pub zk_working: &'static str,
    /// Contains `{n}`, replaced by the attempts left.
    pub zk_wrong_passphrase: &'static str,
    pub zk_destroyed: &'static str,
    pub zk_decrypt_failed: &'static str,
    pub zk_binary: &'static str,
    pub zk_download: &'static str,

    pub back_home: &'static str,
}

/// The languages offered, English first (the fallback).
pub const LANGUAGES: [&Strings; 5] = [
    &en::STRINGS,
    &es::STRINGS,
    &de::STRINGS,
    &nl::STRINGS,
    &fr::STRINGS,
];

/// Picks the best language for an `Accept-Language` header.
///
/// Quality values are honoured (`q=0` refuses a language), a region tag
/// falls back to its language (`de-CH` gets `de`), and English is the answer
/// when nothing offered is acceptable.
pub fn negotiate(accept_language: Option<&str>) -> &'static Strings {
    let Some(header) = accept_language else {
        return LANGUAGES[0];
    };
    let mut best: Option<(f32, usize, &'static Strings)> = None;
    for (position, item) in header.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
            })
            .next()
            .unwrap_or(1.0);
        if q <= 0.0 || !q.is_finite() {
            continue;
        }
        let primary = tag.split('-').next().unwrap_or("");
        let Some(strings) = LANGUAGES.iter().find(|s| s.code == primary) else {
            continue;
        };
        // Higher quality wins; on a tie, the earlier entry in the header.
        if best.is_none_or(|(bq, bp, _)| q > bq || (q == bq && position < bp)) {
            best = Some((q, position, strings));
        }
    }
    best.map(|(_, _, s)| s).unwrap_or(LANGUAGES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(None).code, "en");
        assert_eq!(negotiate(Some("de-CH")).code, "de");
        assert_eq!(negotiate(Some("fr;q=0.5, nl;q=0.9")).code, "nl");
        assert_eq!(negotiate(Some("es, de")).code, "es");
        assert_eq!(negotiate(Some("de;q=0, ja")).code, "en");
        assert_eq!(negotiate(Some("*")).code, "en");
        assert_eq!(negotiate(Some(";;;,,q=")).code, "en");
    }
}
