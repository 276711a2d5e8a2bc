# METADATA
# title: Cancellation fee at most 20 % and no open-ended damages
# description: >-
#   A fee the buyer owes for cancelling an order, or for not taking the volume it committed to, is
#   at most a set percentage of the order (default 20 %), and the vendor may not claim its actual
#   damage when that is higher. Not applicable when the document has no cancellation clause, or
#   rules out cancellation without setting any fee.
# custom:
#   id: cancellation/fee
#   severity: warning
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: damages clearly disproportionate to the vendor's loss)"
#     - CUAD "Liquidated Damages"
#   remediation: >-
#     Negotiate a cancellation fee of at most 20 % of the order (lower before work has started), as
#     the vendor's full compensation, and strike "or the actual damage if higher".
package termlint.rules.cancellation.fee

import data.termlint.lib

params := data.termlint.params.cancellation.fee

c := input.cancellation

deny contains lib.finding(msg, ["cancellation", "fee_pct"]) if {
	lib.stated(c)
	c.fee_pct > params.max_pct
	msg := sprintf(
		concat("", [
			"on cancellation (or for volume not taken) the buyer owes a fee of %v %%; the playbook accepts at most %v %% of ",
			"the order",
		]),
		[c.fee_pct, params.max_pct],
	)
	not lib.unclear(["cancellation", "fee_pct"])
}

deny contains lib.finding(
	concat("", [
		"on cancellation the vendor may claim its actual damage where it is higher than the fixed fee; the playbook ",
		"expects the fee to be the vendor's full compensation",
	]),
	["cancellation", "actual_damage_if_higher"],
) if {
	lib.stated(c)
	c.actual_damage_if_higher == true
	not lib.unclear(["cancellation", "actual_damage_if_higher"])
}

# Not applicable when the document has no cancellation clause, or rules out cancellation without
# setting any fee.
default applies := true

applies := false if lib.absent(c)

applies := false if {
	lib.stated(c)
	c.allowed == false
	not c.fee_pct
	not c.actual_damage_if_higher
}

unknown contains lib.finding("cancellation has not been encoded", []) if not c

unknown contains lib.finding(lib.reason(c, "cancellation"), ["cancellation"]) if lib.ambiguous(c)
