# METADATA
# title: The vendor's liability cap is not lower than the buyer's
# description: >-
#   Where the vendor caps its liability, the buyer's liability must be capped as well and not
#   higher: no one-sided cap. A cap binds the party in its party, else the liability section's
#   party, else the vendor (the model's default, as in general terms that limit only the vendor's
#   liability). It fails when the terms cap only the vendor's liability; when a carve-out lifts the
#   caps for the buyer's liability alone (kinds in params, such as the duty to pay the fees, may);
#   and when the buyer's own cap is higher than the vendor's (fixed amounts in one currency, or fees
#   of the same basis over a longer period). Caps that bind both parties alike pass. Not applicable
#   when the terms cap no liability.
# custom:
#   id: liability/one-sided-cap
#   severity: warning
#   references:
#     - Buyer policy
#     - "BE Code of Economic Law art. VI.91/3 (a clause creating a clear imbalance between the parties' rights)"
#   remediation: >-
#     Ask that the limitation of liability be mutual ("each party's total liability"), with the same
#     cap and the same exceptions for both parties; an exception for the buyer's duty to pay the fees
#     is usual.
package termlint.rules.liability.one_sided_cap

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.one_sided_cap

liab := liability.section

caps := liability.caps

party_of(x) := liability.party_of(x)

binds_vendor(x) if party_of(x) in {"vendor", "both"}

binds_customer(x) if party_of(x) in {"customer", "both"}

# Caps marked ambiguous count for neither party: they answer unknown below.
vendor_caps contains i if {
	some i, c in lib.list(caps)
	lib.stated(c)
	binds_vendor(c)
}

customer_caps contains i if {
	some i, c in lib.list(caps)
	lib.stated(c)
	binds_customer(c)
}

cap_ids := {c.id | some c in lib.list(caps); c.id}

default applies := true

applies := false if lib.absent(caps)

deny contains lib.finding(msg, ["liability", "caps"]) if {
	not lib.unclear(["liability", "caps"])
	not unclear_customer_cap
	count(vendor_caps) > 0
	count(customer_caps) == 0
	msg := concat("", [
		"the terms cap the vendor's liability but not the buyer's, whose liability stays unlimited; the playbook ",
		"expects the same cap for both parties",
	])
}

# A carve-out that lifts a cap for the buyer's liability alone leaves the buyer uncapped where the
# vendor stays capped.
deny contains lib.finding(msg, ["liability", "carve_outs", i]) if {
	some i, co in lib.list(liability.carve_outs)
	not lib.unclear(["liability", "carve_outs", i])
	lib.stated(co)
	party_of(co) == "customer"
	some k in co.kinds
	not k in params.exempt_kinds
	lifts_a_cap(co)
	msg := sprintf(
		concat("", [
			"%s lifts the caps for the buyer's liability alone (%s), while the vendor's liability stays capped; the ",
			"playbook expects the same cap for both parties",
		]),
		[carve_out_name(co, i), lib.labels([x | some x in co.kinds; not x in params.exempt_kinds])],
	)
}

# Separate caps for each party: the buyer's may not be higher.
deny contains lib.finding(msg, ["liability", "caps", vi]) if {
	some vi, ci
	not lib.unclear(["liability", "caps", vi])
	not lib.unclear(["liability", "caps", ci])
	vc := caps[vi]
	cc := caps[ci]
	party_of(vc) == "vendor"
	party_of(cc) == "customer"
	same_tier(vc, cc)
	liability.cap_lower(vc, cc)
	msg := sprintf(
		concat("", [
			"the vendor's cap (%s) is lower than the buyer's (%s); the playbook expects the vendor's cap to be at least ",
			"the buyer's",
		]),
		[liability.amount_words(vc), liability.amount_words(cc)],
	)
}

same_tier(a, b) if object.get(a, "tier", "general") == object.get(b, "tier", "general")

lifts_a_cap(co) if "all" in co.lifts

lifts_a_cap(co) if {
	some id in co.lifts
	id in cap_ids
}

carve_out_name(co, i) := sprintf("the carve-out in %s", [liability.art_words(co)]) if liability.art_words(co)

else := sprintf("carve-out no. %d", [i + 1])

# --- What keeps the rule from deciding ------------------------------------------------------------

unclear_caps contains i if {
	some i, c in lib.list(caps)
	lib.ambiguous(c)
}

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding("liability caps have not been encoded", ["liability"]) if {
	lib.stated(liab)
	not liab.caps
}

unknown contains lib.finding(lib.reason(caps, "liability.caps"), ["liability", "caps"]) if lib.ambiguous(caps)

unknown contains lib.finding(lib.reason(caps[i], sprintf("cap no. %d", [i + 1])), ["liability", "caps", i]) if {
	some i in unclear_caps
}

unknown contains lib.finding(msg, ["liability", "carve_outs"]) if {
	count(vendor_caps) > 0
	lib.ambiguous(liability.carve_outs)
	msg := lib.reason(liability.carve_outs, "the list of carve-outs")
}

# An unclear carve-out may lift the caps for the buyer's liability alone, unless it states that it
# concerns the vendor's liability only (one left to another document has lost its party too).
unknown contains lib.finding(msg, ["liability", "carve_outs", i]) if {
	count(vendor_caps) > 0
	some i, co in lib.list(liability.carve_outs)
	lib.ambiguous(co)
	not co.party == "vendor"
	msg := lib.reason(co, carve_out_name(co, i))
}

unknown contains lib.finding(msg, ["liability", "caps", vi]) if {
	some vi, ci
	vc := caps[vi]
	cc := caps[ci]
	party_of(vc) == "vendor"
	party_of(cc) == "customer"
	same_tier(vc, cc)
	not liability.cap_lower(vc, cc)
	not liability.cap_lower(cc, vc)
	not same_amount(vc, cc)
	msg := sprintf(
		concat("", [
			"the vendor's cap (%s) and the buyer's (%s) cannot be compared; a person must check that the vendor's is ",
			"not lower",
		]),
		[liability.amount_words(vc), liability.amount_words(cc)],
	)
}

# The buyer's caps all limited to part of the contract (professional services only) while the
# vendor's cap covers all of it: the buyer stays uncapped elsewhere, or not, as a person reads it.
unknown contains lib.finding(msg, ["liability", "caps", ci]) if {
	count(customer_caps) > 0
	every i in customer_caps {
		caps[i].applies_to
	}
	some vi in vendor_caps
	not caps[vi].applies_to
	some ci in customer_caps
	msg := sprintf(
		concat("", [
			"the buyer's cap covers only %s, while the vendor's covers the whole contract; whether the buyer stays ",
			"uncapped for the rest is for a person to check",
		]),
		[caps[ci].applies_to],
	)
}

# unclear_customer_cap: a cap of the buyer's (or each party's) is marked ambiguous, so whether the
# buyer's liability is capped is for a person to read.
unclear_customer_cap if {
	some c in lib.list(caps)
	lib.ambiguous(c)
	binds_customer(c)
}

same_amount(a, b) if {
	a.basis == b.basis
	object.get(a, "lookback", null) == object.get(b, "lookback", null)
	object.get(a, "ceiling", null) == object.get(b, "ceiling", null)
}
