//! The one table from code to rule. `mzlint rule --all`, the configuration
//! resolver, SARIF and the language server all read it.

use crate::rule::RuleMeta;
use crate::rules;

/// Every rule, ordered by code.
pub static RULES: &[&RuleMeta] = &[
    &rules::meta::syntax_error::RULE,
    &rules::meta::io_error::RULE,
    &rules::meta::unused_suppression::RULE,
    &rules::meta::invalid_suppression::RULE,
    &rules::validity::option_not_valid_for_type::RULE,
    &rules::validity::duplicate_option::RULE,
    &rules::validity::conflicting_options::RULE,
    &rules::validity::required_option_missing::RULE,
    &rules::validity::invalid_ssl_mode::RULE,
    &rules::validity::secret_required::RULE,
    &rules::validity::invalid_option_value::RULE,
    &rules::validity::port_out_of_range::RULE,
    &rules::validity::kafka_broker_config::RULE,
    &rules::validity::kafka_format_envelope_mismatch::RULE,
    &rules::validity::column_option_reference_invalid::RULE,
    &rules::validity::mysql_table_reference_unqualified::RULE,
    &rules::validity::internal_option_written::RULE,
    &rules::security::missing_ssl_mode::RULE,
    &rules::security::weak_ssl_mode::RULE,
    &rules::security::secret_literal_committed::RULE,
    &rules::security::aws_static_credentials::RULE,
    &rules::security::kafka_plaintext::RULE,
    &rules::network::availability_zone_name_not_id::RULE,
    &rules::network::duplicate_availability_zone::RULE,
    &rules::network::empty_availability_zones::RULE,
    &rules::network::availability_zone_region_mismatch::RULE,
    &rules::network::privatelink_service_name_format::RULE,
    &rules::network::tunnel_conflict::RULE,
    &rules::network::broker_zone_not_in_privatelink::RULE,
    &rules::upstream::publication_not_found::RULE,
    &rules::upstream::source_scope_outside_publication::RULE,
    &rules::upstream::all_tables_from_database_publication::RULE,
    &rules::upstream::unused_publication_tables::RULE,
    &rules::upstream::replica_identity_not_full::RULE,
    &rules::upstream::publication_missing_operations::RULE,
    &rules::upstream::publish_via_partition_root::RULE,
    &rules::upstream::subsource_name_collision::RULE,
    &rules::upstream::conflicting_publication_definitions::RULE,
    &rules::upstream::unknown_upstream_column::RULE,
    &rules::upstream::unsupported_upstream_type::RULE,
    &rules::upstream::replication_privileges_missing::RULE,
    &rules::upstream::truncate_replicated_table::RULE,
    &rules::references::undefined_reference::RULE,
    &rules::references::wrong_object_kind::RULE,
    &rules::references::duplicate_definition::RULE,
    &rules::references::used_before_definition::RULE,
    &rules::clusters::source_without_cluster::RULE,
    &rules::clusters::shared_source_cluster::RULE,
    &rules::clusters::legacy_cluster_size::RULE,
    &rules::clusters::paused_source_cluster::RULE,
    &rules::clusters::connection_validation_disabled::RULE,
    &rules::clusters::unmanaged_cluster::RULE,
    &rules::legacy::removed_source_size::RULE,
    &rules::legacy::removed_syntax::RULE,
    &rules::legacy::legacy_subsource_syntax::RULE,
    &rules::legacy::legacy_connection_syntax::RULE,
    &rules::legacy::noncanonical_spelling::RULE,
    &rules::legacy::case_folded_identifier_value::RULE,
    &rules::legacy::unfilled_placeholder::RULE,
];

/// Position of a rule in [`RULES`]: the same static first (no string
/// compare on this hot path), else by code (the table is sorted).
pub fn index_of(rule: &RuleMeta) -> Option<usize> {
    RULES
        .iter()
        .position(|r| std::ptr::eq(*r, rule))
        .or_else(|| RULES.binary_search_by(|r| r.code.cmp(rule.code)).ok())
}

/// A rule by code (`MZ200`, any case) or name (`missing-ssl-mode`).
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Rules a selector names: `ALL`, a code, a code prefix (`MZ2`, `MZ30`) or
/// a name. `None` when it names nothing.
pub fn select(selector: &str) -> Option<Vec<&'static RuleMeta>> {
    let selector = selector.trim();
    if selector.eq_ignore_ascii_case("ALL") {
        return Some(RULES.to_vec());
    }
    if let Some(rule) = find(selector) {
        return Some(vec![rule]);
    }
    let upper = selector.to_ascii_uppercase();
    if upper.starts_with("MZ") && upper[2..].chars().all(|c| c.is_ascii_digit()) {
        let matched: Vec<_> = RULES
            .iter()
            .copied()
            .filter(|r| r.code.starts_with(&upper))
            .collect();
        if !matched.is_empty() {
            return Some(matched);
        }
    }
    None
}

/// The one rule whose code or name is within edit distance 2 of `text`
/// (codes compared case-insensitively), for "did you mean" help. `None`
/// when no rule or several rules are that close.
pub fn suggest(text: &str) -> Option<&'static RuleMeta> {
    let lower = text.trim().to_ascii_lowercase();
    let mut found: Option<&'static RuleMeta> = None;
    for rule in RULES.iter().copied() {
        let close = edit_distance(&lower, &rule.code.to_ascii_lowercase()) <= 2
            || edit_distance(&lower, rule.name) <= 2;
        if close {
            if found.is_some() {
                return None;
            }
            found = Some(rule);
        }
    }
    found
}

/// The help text for [`suggest`]: `did you mean 'missing-ssl-mode' (MZ200)?`.
pub fn did_you_mean(text: &str) -> Option<String> {
    suggest(text).map(|rule| format!("did you mean '{}' ({})?", rule.name, rule.code))
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Pseudo-rule references for the engine's own diagnostics.
pub mod engine {
    use crate::rule::RuleMeta;
    use crate::rules::meta;

    pub static SYNTAX_ERROR: &RuleMeta = &meta::syntax_error::RULE;
    pub static IO_ERROR: &RuleMeta = &meta::io_error::RULE;
    pub static UNUSED_SUPPRESSION: &RuleMeta = &meta::unused_suppression::RULE;
    pub static INVALID_SUPPRESSION: &RuleMeta = &meta::invalid_suppression::RULE;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique() {
        assert!(RULES.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn selectors() {
        assert_eq!(find("missing-ssl-mode").map(|r| r.code), Some("MZ200"));
        assert_eq!(find("mz200").map(|r| r.name), Some("missing-ssl-mode"));
        assert!(select("MZ3")
            .unwrap()
            .iter()
            .all(|r| r.code.starts_with("MZ3")));
        assert_eq!(select("ALL").unwrap().len(), RULES.len());
        assert!(select("MZ9").is_none());
        assert!(select("nope").is_none());
    }

    #[test]
    fn meta_rules_are_documented() {
        for code in ["MZ000", "MZ001", "MZ002", "MZ003"] {
            let markdown = find(code).unwrap().markdown();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix",
            ] {
                assert!(markdown.contains(section), "{code} lacks {section}");
            }
            assert!(
                !markdown.contains("/// "),
                "{code}: doc comment markers leaked"
            );
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(suggest("missing-sll-mode").map(|r| r.code), Some("MZ200"));
        assert_eq!(
            did_you_mean("weak-ssl-mod").as_deref(),
            Some("did you mean 'weak-ssl-mode' (MZ201)?")
        );
        // Many codes are within distance 2 of an unknown code: no suggestion.
        assert!(suggest("MZ999").is_none());
        assert!(suggest("completely-different").is_none());
    }
}
