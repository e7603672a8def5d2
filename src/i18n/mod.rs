//! Languages of the web pages, chosen from `Accept-Language`.
//!
//! Each language is a Fluent catalogue, `locales/<code>.ftl`, that a
//! translator can edit without knowing Rust; [`catalogue`] turns each into
//! one [`Strings`] value when first needed, and the templates read only
//! that. Every shipped catalogue is complete (the tests below refuse one
//! that is not), so no page ever mixes languages.

mod catalogue;

use std::sync::OnceLock;

pub use catalogue::{CatalogueError, FIELDS, message_id, placeables};

/// Every text the pages show, in one language.
pub struct Strings {
    /// BCP 47 code for `<html lang>`.
    pub code: &'static str,
    /// Written right to left: the page gets `dir="rtl"`.
    pub rtl: bool,
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
    /// Contains `{size}` and `{limit}` (bytes); also shown by the page's
    /// script before sending, which fills in `{size}`.
    pub form_too_large: &'static str,
    pub form_views_invalid: &'static str,
    /// Under an error on the form: what was typed is still there.
    pub form_kept: &'static str,

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

    /// A request no page answers: a method a page does not take, a Host
    /// that cannot go in a link.
    pub bad_request_heading: &'static str,
    pub bad_request_body: &'static str,

    pub too_large_heading: &'static str,
    /// Contains `{limit}`, the largest secret in bytes.
    pub too_large_body: &'static str,

    pub unavailable_heading: &'static str,
    pub unavailable_body: &'static str,

    /// A create refused by the storage quota (`HUSHLINK_MAX_STORED_BYTES`).
    pub over_quota_heading: &'static str,
    pub over_quota_body: &'static str,

    /// A create refused by the create rate (`HUSHLINK_CREATE_RATE`).
    pub too_many_creates_heading: &'static str,
    /// Contains `{n}`, the seconds to wait.
    pub too_many_creates_body: &'static str,

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

    /// The form's link page: the way to the receipt page.
    pub link_receipt: &'static str,
    pub receipt_heading: &'static str,
    pub receipt_intro: &'static str,
    pub receipt_state_available: &'static str,
    pub receipt_state_viewed: &'static str,
    pub receipt_state_burned: &'static str,
    pub receipt_state_expired: &'static str,
    pub receipt_state_destroyed: &'static str,
    pub receipt_created: &'static str,
    pub receipt_expires: &'static str,
    /// Contains `{n}`, replaced by the number of views used.
    pub receipt_views_used: &'static str,
    pub receipt_history: &'static str,
    pub receipt_no_events: &'static str,
    pub event_viewed: &'static str,
    pub event_passphrase_failed: &'static str,
    pub event_burned: &'static str,
    pub event_expired: &'static str,
    pub event_destroyed: &'static str,
    pub receipt_delete: &'static str,
    pub receipt_delete_note: &'static str,
    pub receipt_not_found: &'static str,

    pub back_home: &'static str,

    // Sign-in for senders (`HUSHLINK_OIDC_*`).
    pub signin_heading: &'static str,
    pub signin_intro: &'static str,
    pub signin_button: &'static str,
    pub signin_unavailable: &'static str,
    pub signin_refused: &'static str,
    pub signin_failed: &'static str,
    pub signed_in_as: &'static str,
    pub sign_out: &'static str,
    // The personal API keys page.
    pub keys_link: &'static str,
    pub keys_heading: &'static str,
    pub keys_intro: &'static str,
    pub keys_name_label: &'static str,
    pub keys_create: &'static str,
    pub keys_new: &'static str,
    pub keys_none: &'static str,
    pub keys_revoke: &'static str,
    pub keys_invalid: &'static str,
}

/// Every language offered: its BCP 47 tag (for `<html lang>` and for
/// matching `Accept-Language`), whether it is written right to left, and its
/// catalogue. English first: it is the answer when nothing else fits.
pub const CATALOGUES: &[(&str, bool, &str)] = &[
    ("en", false, include_str!("locales/en.ftl")),
    ("es", false, include_str!("locales/es.ftl")),
    ("ca", false, include_str!("locales/ca.ftl")),
    ("de", false, include_str!("locales/de.ftl")),
    ("nl", false, include_str!("locales/nl.ftl")),
    ("fr", false, include_str!("locales/fr.ftl")),
    ("it", false, include_str!("locales/it.ftl")),
    ("pt-BR", false, include_str!("locales/pt-BR.ftl")),
    ("ro", false, include_str!("locales/ro.ftl")),
    ("pl", false, include_str!("locales/pl.ftl")),
    ("cs", false, include_str!("locales/cs.ftl")),
    ("sk", false, include_str!("locales/sk.ftl")),
    ("hu", false, include_str!("locales/hu.ftl")),
    ("sv", false, include_str!("locales/sv.ftl")),
    ("da", false, include_str!("locales/da.ftl")),
    ("nb", false, include_str!("locales/nb.ftl")),
    ("fi", false, include_str!("locales/fi.ftl")),
    ("el", false, include_str!("locales/el.ftl")),
    ("bg", false, include_str!("locales/bg.ftl")),
    ("ru", false, include_str!("locales/ru.ftl")),
    ("uk", false, include_str!("locales/uk.ftl")),
    ("tr", false, include_str!("locales/tr.ftl")),
    ("id", false, include_str!("locales/id.ftl")),
    ("vi", false, include_str!("locales/vi.ftl")),
    ("ja", false, include_str!("locales/ja.ftl")),
    ("zh-CN", false, include_str!("locales/zh-CN.ftl")),
    ("ko", false, include_str!("locales/ko.ftl")),
    ("ar", true, include_str!("locales/ar.ftl")),
    ("he", true, include_str!("locales/he.ftl")),
    ("fa", true, include_str!("locales/fa.ftl")),
];

/// Each language's texts, read from its catalogue the first time a page is
/// shown in it: a server whose visitors read two languages does not keep
/// thirty (a catalogue is about 13 KiB of text, and parsing all of them
/// added about 0.5 MiB to the resident memory of the first page shown).
static LANGUAGES: [OnceLock<Strings>; CATALOGUES.len()] =
    [const { OnceLock::new() }; CATALOGUES.len()];

/// The language at `index` of [`CATALOGUES`].
fn language(index: usize) -> &'static Strings {
    LANGUAGES[index].get_or_init(|| {
        let (code, rtl, source) = CATALOGUES[index];
        // Only a catalogue the tests would have refused can fail here.
        catalogue::build(code, rtl, source).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Texts that are rightly the same as the English ones, as `(language,
/// field)` (`*`: every language): the product's name, the word "Secret",
/// which French, Romanian and Catalan share with English, and "Passphrase",
/// which German shares with it. Any other text equal to its English one is a translation
/// that was forgotten, and the tests refuse it.
pub const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("*", "brand"),
    ("fr", "form_secret_label"),
    ("fr", "reveal_label"),
    ("ro", "form_secret_label"),
    ("ro", "reveal_label"),
    ("ca", "form_secret_label"),
    ("ca", "reveal_label"),
    ("de", "form_passphrase_label"),
    ("de", "zk_passphrase_label"),
];

/// Whether `field` may rightly read as in English in language `code`.
pub fn same_as_english(code: &str, field: &str) -> bool {
    SAME_AS_ENGLISH
        .iter()
        .any(|&(c, f)| f == field && (c == "*" || c == code))
}

/// The languages offered, in the order of [`CATALOGUES`] (reading every
/// catalogue not read yet).
pub fn languages() -> impl ExactSizeIterator<Item = &'static Strings> {
    (0..CATALOGUES.len()).map(language)
}

/// The fallback language.
pub fn english() -> &'static Strings {
    language(0)
}

/// Picks the best language for an `Accept-Language` header.
///
/// Quality values are honoured (`q=0` refuses a language), a region tag
/// falls back to its language (`de-CH` gets `de`, `pt-PT` gets `pt-BR`,
/// `zh-TW` gets `zh-CN`), and English is the answer when nothing offered is
/// acceptable.
pub fn negotiate(accept_language: Option<&str>) -> &'static Strings {
    let Some(header) = accept_language else {
        return english();
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
        let Some(strings) = offered(&tag) else {
            continue;
        };
        // Higher quality wins; on a tie, the earlier entry in the header.
        if best.is_none_or(|(bq, bp, _)| q > bq || (q == bq && position < bp)) {
            best = Some((q, position, strings));
        }
    }
    best.map(|(_, _, s)| s).unwrap_or_else(english)
}

/// The language offered for one lower-case tag: the same tag, else the same
/// primary language. Norwegian (`no`) and Nynorsk (`nn`) readers get Bokmål,
/// and Hebrew's old code `iw` is Hebrew.
fn offered(tag: &str) -> Option<&'static Strings> {
    let codes = || CATALOGUES.iter().map(|&(code, _, _)| code);
    if let Some(exact) = codes().position(|code| code.eq_ignore_ascii_case(tag)) {
        return Some(language(exact));
    }
    let primary = match primary_subtag(tag) {
        "no" | "nn" => "nb",
        "iw" => "he",
        other => other,
    };
    if primary.is_empty() {
        return None;
    }
    codes()
        .position(|code| primary_subtag(code).eq_ignore_ascii_case(primary))
        .map(language)
}

fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    fn source(code: &str) -> &'static str {
        CATALOGUES
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, _, s)| *s)
            .unwrap()
    }

    fn messages(code: &str) -> BTreeMap<String, BTreeSet<String>> {
        let entries = placeables(source(code)).unwrap_or_else(|| panic!("{code}.ftl parses"));
        let mut out = BTreeMap::new();
        for (id, vars) in entries {
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{code}: `{id}` twice"
            );
        }
        out
    }

    #[test]
    fn twenty_languages_or_more_each_once_english_first() {
        let codes: Vec<_> = languages().map(|s| s.code).collect();
        assert!(codes.len() >= 20, "{codes:?}");
        assert_eq!(codes[0], "en");
        let unique: BTreeSet<_> = codes.iter().map(|c| c.to_ascii_lowercase()).collect();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        let rtl: Vec<_> = languages().filter(|s| s.rtl).map(|s| s.code).collect();
        assert_eq!(rtl, ["ar", "he", "fa"]);
    }

    #[test]
    fn english_has_exactly_one_message_per_field() {
        let english: BTreeSet<_> = messages("en").into_keys().collect();
        let fields: BTreeSet<_> = FIELDS.iter().map(|f| message_id(f)).collect();
        assert_eq!(english, fields);
    }

    #[test]
    fn every_catalogue_has_every_message_with_the_same_placeables() {
        let english = messages("en");
        for &(code, _, _) in CATALOGUES {
            let catalogue = messages(code);
            let missing: Vec<_> = english
                .keys()
                .filter(|id| !catalogue.contains_key(*id))
                .collect();
            let extra: Vec<_> = catalogue
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{code}.ftl has unknown {extra:?}");
            for (id, vars) in &english {
                assert_eq!(&catalogue[id], vars, "{code}.ftl: placeables of `{id}`");
            }
            // And each builds: no message fails to format.
            catalogue::build(code, false, source(code)).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn placeables_are_found_where_they_hide() {
        let found =
            placeables("a = x { $n } y\nb = { $n ->\n [one] { $m }\n *[other] z\n}\n").unwrap();
        let vars = |id: &str| found.iter().find(|(i, _)| i == id).unwrap().1.clone();
        assert_eq!(vars("a"), BTreeSet::from(["n".to_owned()]));
        assert_eq!(vars("b"), BTreeSet::from(["n".to_owned(), "m".to_owned()]));
    }

    #[test]
    fn a_broken_or_incomplete_catalogue_is_refused() {
        assert!(catalogue::build("en", false, "title = x\n").is_err());
        assert!(catalogue::build("en", false, "title = { $n\n").is_err());
        let english = source("en");
        assert!(catalogue::build("en", false, english).is_ok());
        let without_copy = english.replace("\ncopy = Copy\n", "\n");
        assert!(catalogue::build("en", false, &*without_copy.leak()).is_err());
    }

    #[test]
    fn views_left_keeps_the_placeholder_handlers_fill_in() {
        for strings in languages() {
            assert!(
                strings.preview_views_left.contains("{n}"),
                "{}",
                strings.code
            );
            assert!(
                strings.reveal_views_left.contains("{n}"),
                "{}",
                strings.code
            );
        }
    }

    #[test]
    fn every_translation_differs_from_english() {
        let english: BTreeMap<_, _> = english().messages().into_iter().collect();
        for strings in languages().skip(1) {
            for (field, text) in strings.messages() {
                if !same_as_english(strings.code, field) {
                    assert_ne!(
                        text, english[field],
                        "{}: `{field}` is English",
                        strings.code
                    );
                }
                assert!(
                    !text.trim().is_empty(),
                    "{}: `{field}` is empty",
                    strings.code
                );
            }
        }
    }

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(None).code, "en");
        assert_eq!(negotiate(Some("de-CH")).code, "de");
        assert_eq!(negotiate(Some("fr;q=0.5, nl;q=0.9")).code, "nl");
        assert_eq!(negotiate(Some("es, de")).code, "es");
        assert_eq!(negotiate(Some("de;q=0, xx")).code, "en");
        assert_eq!(negotiate(Some("*")).code, "en");
        assert_eq!(negotiate(Some(";;;,,q=")).code, "en");
        assert_eq!(negotiate(Some("pt-PT")).code, "pt-BR");
        assert_eq!(negotiate(Some("pt")).code, "pt-BR");
        assert_eq!(negotiate(Some("zh-TW")).code, "zh-CN");
        assert_eq!(negotiate(Some("zh-Hant-HK")).code, "zh-CN");
        assert_eq!(negotiate(Some("no")).code, "nb");
        assert_eq!(negotiate(Some("nn-NO")).code, "nb");
        assert_eq!(negotiate(Some("iw")).code, "he");
        assert_eq!(negotiate(Some("fa-IR, en;q=0.5")).code, "fa");
        assert_eq!(negotiate(Some("ar;q=0.1, xx, he;q=0.2")).code, "he");
    }

    #[test]
    fn negotiation_reaches_every_language() {
        for strings in languages() {
            let code = strings.code;
            let primary = primary_subtag(code);
            assert_eq!(negotiate(Some(code)).code, code);
            assert_eq!(negotiate(Some(&code.to_ascii_uppercase())).code, code);
            // A region we do not ship falls back to the language.
            assert_eq!(negotiate(Some(&format!("{primary}-ZZ"))).code, code);
            assert_eq!(negotiate(Some(&format!("xx, {code};q=0.3"))).code, code);
            if code != "en" {
                assert_eq!(
                    negotiate(Some(&format!("en;q=0.8, {code};q=0.9"))).code,
                    code
                );
                assert_eq!(
                    negotiate(Some(&format!("en;q=0.9, {code};q=0.8"))).code,
                    "en"
                );
                assert_eq!(negotiate(Some(&format!("{code};q=0"))).code, "en");
                assert_eq!(negotiate(Some(&format!("{code}, en"))).code, code);
                assert_eq!(negotiate(Some(&format!("en, {code}"))).code, "en");
            }
        }
    }

    #[test]
    fn every_language_keeps_the_placeholders() {
        for s in languages() {
            assert!(s.form_too_large.contains("{size}"), "{}", s.code);
            assert!(s.form_too_large.contains("{limit}"), "{}", s.code);
            assert!(s.too_large_body.contains("{limit}"), "{}", s.code);
            assert!(s.preview_views_left.contains("{n}"), "{}", s.code);
            assert!(s.reveal_views_left.contains("{n}"), "{}", s.code);
        }
    }
}
