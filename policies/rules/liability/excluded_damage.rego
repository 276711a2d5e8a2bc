# METADATA
# title: No exclusion of forbidden damage categories
# description: >-
#   The vendor may not exclude liability for the damage categories on the buyer's forbidden list
#   (by default loss of data and cyber incidents), may not exclude direct damage, and may not
#   exclude more than a set number of categories overall.
# custom:
#   id: liability/excluded-damage
#   severity: error
#   references:
#     - Buyer policy
#     - "BE Code of Economic Law art. VI.91/5 (grey list: clauses that inappropriately limit the buyer's remedies)"
#     - EU Data Act art. 13 (unfair contractual terms on data access and use)
#   remediation: >-
#     Ask the vendor to strike the exclusion for the forbidden categories, or to limit it to
#     indirect damage under a reasonable cap; data loss caused by the vendor's own failure to
#     back up or secure data must remain recoverable.
package termlint.rules.liability.excluded_damage

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.excluded_damage

# Exclusions marked ambiguous are left to the unknown rules below: a person must first say what
# they exclude.
stated_exclusions contains [i, ex] if {
	some i, ex in lib.list(input.liability.exclusions)
	liability.for_vendor(ex)
	not lib.ambiguous(ex)
}

deny contains lib.finding(msg, ["liability", "exclusions", i]) if {
	some [i, ex] in stated_exclusions
	forbidden := {c | some c in ex.categories; c in params.forbidden}
	count(forbidden) > 0
	msg := sprintf("the vendor excludes liability for %s, which the playbook does not accept", [lib.labels(forbidden)])
	not lib.unclear(["liability", "exclusions", i])
}

deny contains lib.finding(msg, ["liability", "exclusions", i]) if {
	params.forbid_direct
	some [i, ex] in stated_exclusions
	excludes_direct(ex)
	msg := sprintf("the exclusion covers direct damage too (%s), not only indirect damage", [lib.labels(ex.categories)])
	not lib.unclear(["liability", "exclusions", i])
}

deny contains lib.finding(msg, ["liability", "exclusions"]) if {
	excluded := {c | some [_, ex] in stated_exclusions; some c in ex.categories}
	count(excluded) > params.max_categories
	msg := sprintf(
		"the vendor excludes %d categories of damage (%s); the playbook accepts at most %d",
		[count(excluded), lib.labels(excluded), params.max_categories],
	)
	not lib.unclear(["liability", "exclusions"])
}

# An exclusion of direct damage counts unless every category it covers is exempt (damage the
# buyer causes itself may be excluded outright).
excludes_direct(ex) if {
	ex.direct_too == true
	some c in ex.categories
	not c in params.direct_exempt
}

excludes_direct(ex) if "direct" in ex.categories

unknown contains lib.finding("liability exclusions have not been encoded", ["liability"]) if {
	not input.liability.exclusions
}

unknown contains lib.finding(lib.reason(input.liability, "the liability section"), ["liability"]) if {
	lib.ambiguous(input.liability)
}

unknown contains lib.finding(
	lib.reason(input.liability.exclusions, "liability.exclusions"),
	["liability", "exclusions"],
) if {
	lib.ambiguous(input.liability.exclusions)
}

unknown contains lib.finding(lib.reason(ex, "this exclusion"), ["liability", "exclusions", i]) if {
	some i, ex in lib.list(input.liability.exclusions)
	lib.ambiguous(ex)
}
