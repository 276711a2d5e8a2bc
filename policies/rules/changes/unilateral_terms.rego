# METADATA
# title: No unilateral change of terms without an exit
# description: >-
#   The vendor may not change its terms on its own for contracts already running unless the buyer
#   may then leave. A document without such a clause, or one that keeps running contracts on the
#   terms agreed, passes. Changes to price and service are checked by other rules.
# custom:
#   id: changes/unilateral-terms
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: a unilateral change of the terms without a valid reason
#       stated in the contract)"
#     - "NL Civil Code art. 6:237(c) (grey list: the user may change a performance materially; by reflex for business
#       buyers)"
#   remediation: >-
#     Have changes bind running contracts only with the buyer's written consent, or give the buyer
#     written notice of at least thirty days and a right to terminate without cost before the change
#     takes effect; announcements on a website or an invoice should not count as notice.
package termlint.rules.changes.unilateral_terms

import data.termlint.lib

uc := input.unilateral_changes

terms := uc.terms

notice_text(t) := sprintf(" on notice of %s", [lib.duration_words(t.notice)]) if {
	t.notice.days > 0
} else := " without notice" if {
	t.notice
} else := ""

deny contains lib.finding(msg, ["unilateral_changes", "terms", "customer_exit"]) if {
	lib.stated(terms)
	terms.allowed == true
	terms.running_contracts == true
	terms.customer_exit == false
	msg := sprintf(
		concat("", [
			"the vendor may change its terms for running contracts%s, and the buyer has no right to leave; the playbook ",
			"expects an exit right or the buyer's consent",
		]),
		[notice_text(terms)],
	)
	not lib.unclear(["unilateral_changes", "terms", "customer_exit"])
}

unknown contains lib.finding("unilateral changes have not been encoded", []) if not uc

unknown contains lib.finding(lib.reason(uc, "unilateral changes"), ["unilateral_changes"]) if lib.ambiguous(uc)

unknown contains lib.finding("unilateral changes of the terms have not been encoded", ["unilateral_changes"]) if {
	lib.stated(uc)
	not terms
}

unknown contains lib.finding(lib.reason(terms, "the change of terms"), ["unilateral_changes", "terms"]) if {
	lib.ambiguous(terms)
}

unknown contains lib.finding(
	"whether the vendor may change its terms on its own has not been encoded (allowed)",
	["unilateral_changes", "terms"],
) if {
	lib.stated(terms)
	not is_boolean(object.get(terms, "allowed", null))
}

# With a change allowed, the rule needs to know whether it reaches running contracts and whether
# the buyer may leave, unless either answer already settles it.
unknown contains lib.finding(msg, ["unilateral_changes", "terms"]) if {
	lib.stated(terms)
	terms.allowed == true
	not terms.running_contracts == false
	not terms.customer_exit == true
	some key in ["running_contracts", "customer_exit"]
	not is_boolean(object.get(terms, key, null))
	msg := sprintf("the vendor may change its terms, but %s has not been encoded", [what[key]])
}

what := {
	"running_contracts": "whether the changes reach running contracts",
	"customer_exit": "whether the buyer may then leave",
}
