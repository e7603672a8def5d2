//! Reading one Fluent catalogue (`locales/<code>.ftl`) into a [`Strings`].
//!
//! Catalogues are Fluent files because translators and their tools (Pontoon,
//! Weblate, Crowdin) know the format; they are compiled into the binary with
//! `include_str!`, so a deployment cannot lose or swap one. Each is turned
//! into a `Strings` of `&'static str` once, at first use, and that value is
//! what the templates read: a page never formats a message per request.
//!
//! A message's id is its `Strings` field name with `-` for `_`
//! (`form_heading` is `form-heading`). The placeables a message may use are
//! listed in [`PLACEABLES`] (`{ $n }`, `{ $size }`, `{ $limit }`); each is
//! kept as the text `{n}`, `{size}`, `{limit}`, which the page handlers
//! replace, as they did before catalogues existed.

use std::collections::BTreeSet;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;

use super::Strings;

/// A catalogue that cannot make a complete `Strings`: a syntax error, a
/// missing message, or a message that does not format.
#[derive(Debug)]
pub struct CatalogueError {
    pub code: &'static str,
    pub problem: String,
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "catalogue {}.ftl: {}", self.code, self.problem)
    }
}

/// One language's parsed catalogue.
pub struct Catalogue {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// Parses `source`; any syntax error is refused, because the parser
    /// would otherwise skip the broken entry and the message would go
    /// missing.
    pub fn parse(code: &'static str, source: &'static str) -> Result<Self, CatalogueError> {
        let error = |problem: String| CatalogueError { code, problem };
        let resource = FluentResource::try_new(source.to_owned())
            .map_err(|(_, errors)| error(format!("syntax: {errors:?}")))?;
        let langid = code
            .parse()
            .map_err(|e| error(format!("language tag: {e}")))?;
        let mut bundle = FluentBundle::new(vec![langid]);
        // Unicode isolation marks around placeables would end up inside the
        // `{n}` that handlers look for.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| error(format!("duplicate entries: {errors:?}")))?;
        Ok(Catalogue { code, bundle })
    }

    /// The text of the message for `field`, made `'static`: catalogues are
    /// read once per process, so the few kilobytes live as long as it does.
    pub fn message(&self, field: &str) -> Result<&'static str, CatalogueError> {
        let id = message_id(field);
        let error = |problem: String| CatalogueError {
            code: self.code,
            problem,
        };
        let pattern = self
            .bundle
            .get_message(&id)
            .and_then(|m| m.value())
            .ok_or_else(|| error(format!("no message `{id}`")))?;
        let mut args = FluentArgs::new();
        for name in PLACEABLES {
            args.set(*name, format!("{{{name}}}"));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            return Err(error(format!("message `{id}`: {errors:?}")));
        }
        Ok(Box::leak(text.into_owned().into_boxed_str()))
    }
}

/// The variables a message may use, each kept as the text `{name}` that the
/// page handlers (or the page's script) replace: `n`, a number of views;
/// `size` and `limit`, sizes in bytes.
pub const PLACEABLES: &[&str] = &["n", "size", "limit"];

/// `form_heading` → `form-heading`.
pub fn message_id(field: &str) -> String {
    field.replace('_', "-")
}

/// Every message id in a catalogue's source, with the variables it uses
/// (`None` for a source that does not parse).
pub fn placeables(source: &str) -> Option<Vec<(String, BTreeSet<String>)>> {
    let resource = FluentResource::try_new(source.to_owned()).ok()?;
    let messages = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(pattern) = &m.value {
                    pattern_variables(pattern, &mut vars);
                }
                for attribute in &m.attributes {
                    pattern_variables(&attribute.value, &mut vars);
                }
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect();
    Some(messages)
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_variables(arguments, out);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_variables(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn call_variables(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_variables(positional, out);
    }
    for named in &arguments.named {
        inline_variables(&named.value, out);
    }
}

/// Builds a `Strings` from a catalogue, one field per message. The list of
/// fields below is the one place that names them: a field added to
/// `Strings` and not listed here does not compile (the struct literal is
/// incomplete), and a field listed here whose message a catalogue lacks
/// fails the catalogue tests.
macro_rules! catalogue_fields {
    ($($field:ident),* $(,)?) => {
        /// Every `Strings` field read from a catalogue.
        pub const FIELDS: &[&str] = &[$(stringify!($field)),*];

        /// A complete `Strings` for one language, or what is wrong.
        pub fn build(
            code: &'static str,
            rtl: bool,
            source: &'static str,
        ) -> Result<Strings, CatalogueError> {
            let catalogue = Catalogue::parse(code, source)?;
            Ok(Strings {
                code,
                rtl,
                $($field: catalogue.message(stringify!($field))?,)*
            })
        }

        impl Strings {
            /// Every catalogue text as `(field, text)`, for tests and tools
            /// that compare languages.
            pub fn messages(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),*]
            }
        }
    };
}

catalogue_fields!(
    title,
    brand,
    tagline,
    footer,
    footer_zk,
    footer_form,
    form_heading,
    form_intro,
    form_secret_label,
    form_secret_placeholder,
    form_ttl_label,
    ttl_two_weeks,
    ttl_week,
    ttl_day,
    ttl_hour,
    form_views_label,
    form_views_hint,
    form_submit,
    form_too_large,
    form_views_invalid,
    form_kept,
    link_heading,
    link_intro,
    link_label,
    link_qr_label,
    link_another,
    copy,
    copied,
    preview_heading,
    preview_intro,
    preview_views_left,
    preview_reveal,
    reveal_heading,
    reveal_label,
    reveal_gone,
    reveal_views_left,
    not_found_heading,
    not_found_body,
    not_found_hint,
    damaged_heading,
    damaged_body,
    invalid_heading,
    invalid_body,
    bad_request_heading,
    bad_request_body,
    too_large_heading,
    too_large_body,
    unavailable_heading,
    unavailable_body,
    over_quota_heading,
    over_quota_body,
    too_many_creates_heading,
    too_many_creates_body,
    link_receipt,
    receipt_heading,
    receipt_intro,
    receipt_state_available,
    receipt_state_viewed,
    receipt_state_burned,
    receipt_state_expired,
    receipt_state_destroyed,
    receipt_created,
    receipt_expires,
    receipt_views_used,
    receipt_history,
    receipt_no_events,
    event_viewed,
    event_passphrase_failed,
    event_burned,
    event_expired,
    event_destroyed,
    receipt_delete,
    receipt_delete_note,
    receipt_not_found,
    back_home,
    signin_heading,
    signin_intro,
    signin_button,
    signin_unavailable,
    signin_refused,
    signin_failed,
    signed_in_as,
    sign_out,
    keys_link,
    keys_heading,
    keys_intro,
    keys_name_label,
    keys_create,
    keys_new,
    keys_none,
    keys_revoke,
    keys_invalid,
    form_passphrase_label,
    form_passphrase_hint,
    form_working,
    form_failed,
    link_kind_zk,
    link_kind_server,
    link_passphrase_note,
    zk_preview_intro,
    zk_needs_js,
    zk_needs_https,
    zk_passphrase_label,
    zk_working,
    zk_wrong_passphrase,
    zk_destroyed,
    zk_decrypt_failed,
    zk_binary,
    zk_download,
);
