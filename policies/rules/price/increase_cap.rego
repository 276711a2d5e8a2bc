# METADATA
# title: Price increases are index-linked or capped
# description: >-
#   Every way the vendor may raise prices must follow an index, or be capped at a set percentage a
#   year (default 5 %; for an index-linked increase, 5 % on top of the index). An increase with
#   neither index nor cap, or a larger cap or guaranteed minimum increase, fails. A document that
#   lets the vendor change no prices passes. An index-linked increase with a cap above the limit
#   fails when the cap comes on top of the index (cap_basis above_index), passes when it limits the
#   indexed increase (total), and is unknown when the encoding does not say.
# custom:
#   id: price/increase-cap
#   severity: warning
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: unilateral price changes without a valid reason)"
#     - CUAD "Price Restrictions"
#   remediation: >-
#     Limit price changes to a named public index (e.g. Agoria, CBS CPI) applied once a year to the
#     original price, or to a fixed cap of at most 5 % a year; strike open clauses that pass on any
#     cost increase or let the vendor correct prices at will.
package termlint.rules.price.increase_cap

import data.termlint.lib
import data.termlint.lib.price

params := data.termlint.params.price.increase_cap

changes := lib.list(input.price_changes)

# trigger words the trigger of a price change for a message.
trigger(pc) := price.when[pc.trigger] if pc.trigger

else := "on its own"

stated_items contains i if {
	some i, pc in changes
	lib.stated(pc)
}

deny contains lib.finding(msg, ["price_changes", i]) if {
	some i in stated_items
	pc := changes[i]
	not price.index_linked(pc)
	not pc.cap_pct
	msg := sprintf(
		concat("", [
			"%sthe vendor may raise prices %s, with no index and no cap; the playbook expects index-linked increases or a cap ",
			"of at most %v %% a year",
		]),
		[lib.for_applies_to(pc), trigger(pc), params.max_pct],
	)
	not lib.unclear(["price_changes", i])
}

deny contains lib.finding(msg, ["price_changes", i, "cap_pct"]) if {
	some i in stated_items
	pc := changes[i]
	not price.index_linked(pc)
	pc.cap_pct > params.max_pct
	msg := sprintf(
		"%sthe vendor may raise prices %s by up to %v %%; the playbook accepts at most %v %% a year",
		[lib.for_applies_to(pc), trigger(pc), pc.cap_pct, params.max_pct],
	)
	not lib.unclear(["price_changes", i, "cap_pct"])
}

deny contains lib.finding(msg, ["price_changes", i, "floor_pct"]) if {
	some i in stated_items
	pc := changes[i]
	price.index_linked(pc)
	pc.floor_pct > params.max_pct
	msg := sprintf(
		concat("", [
			"%sprices rise by at least %v %% a year whatever the index does; the playbook accepts at most %v %% a year above ",
			"the index",
		]),
		[lib.for_applies_to(pc), pc.floor_pct, params.max_pct],
	)
	not lib.unclear(["price_changes", i, "floor_pct"])
}

deny contains lib.finding(msg, ["price_changes", i, "cap_pct"]) if {
	some i in stated_items
	pc := changes[i]
	price.index_linked(pc)
	pc.cap_basis == "above_index"
	pc.cap_pct > params.max_pct
	msg := sprintf(
		"%sprices may rise by the index plus up to %v %% a year; the playbook accepts at most %v %% a year above the index",
		[lib.for_applies_to(pc), pc.cap_pct, params.max_pct],
	)
}

# Without cap_basis the model does not say whether the cap comes on top of the index or limits it;
# a cap that limits the indexed increase (cap_basis total) is a ceiling on the index and passes.
unknown contains lib.finding(msg, ["price_changes", i, "cap_pct"]) if {
	some i in stated_items
	pc := changes[i]
	price.index_linked(pc)
	not pc.cap_basis
	pc.cap_pct > params.max_pct
	msg := sprintf(
		concat("", [
			"%sthe increase follows an index with a cap of %v %%; the contract model does not say whether the cap comes on ",
			"top of the index (the playbook accepts at most %v %% above it) or limits the indexed increase",
		]),
		[lib.for_applies_to(pc), pc.cap_pct, params.max_pct],
	)
}

unknown contains lib.finding("price changes have not been encoded", []) if not input.price_changes

unknown contains lib.finding(lib.reason(input.price_changes, "the price changes"), ["price_changes"]) if {
	lib.ambiguous(input.price_changes)
}

unknown contains lib.finding(lib.reason(pc, "this price change"), ["price_changes", i]) if {
	some i, pc in changes
	lib.ambiguous(pc)
}
