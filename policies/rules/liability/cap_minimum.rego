# METADATA
# title: A liability cap the buyer can rely on, of at least 12 months of fees
# description: >-
#   Every cap on the vendor's liability must be one the buyer can rely on and must not be too low.
#   A fee-based cap must cover at least 12 months of fees (or the total order value); a cap of
#   monthly fees at least 12 of them. A cap measured by what the vendor's insurer pays out, or by
#   another basis the playbook does not accept, fails when it is the only cap or when the way the
#   caps combine makes it bind (the lowest amount applies, or it is the first tier of a fallback
#   chain); it passes when it only adds to a cap the buyer can rely on. Where the document says
#   nothing on how several caps combine, each cap is taken to apply on its own terms. No cap at
#   all (liability unlimited under general law) is not applicable. A fee-based cap whose base leaves
#   items out (licences, hardware, third-party products) is less than the fees it names and fails.
#   Fixed amounts are accepted
#   as they stand: the playbook sets no minimum amount.
# custom:
#   id: liability/cap-minimum
#   severity: error
#   references:
#     - Buyer policy
#     - CUAD clause category "Cap on Liability"
#   remediation: >-
#     Ask for a cap of at least the fees of the last 12 months (or the total order value), with a
#     fixed minimum amount, that applies whatever the vendor's insurer pays; the vendor's insurance
#     may come on top of the cap but must not replace it.
package termlint.rules.liability.cap_minimum

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.cap_minimum

liab := liability.section

# The caps, as a list or status marker; a liability section the document leaves out entirely
# counts as no caps.
caps := liability.caps

comb := liab.combination

fee_bases := {"fees_paid_lookback", "fees_payable_lookback"}

# Caps the document states (ambiguous ones answer unknown below).
stated[i] := c if {
	some i, c in lib.list(caps)
	liability.for_vendor(c)
	not lib.ambiguous(c)
}

reliable(c) if c.basis in params.reliable_bases

# A cap without a basis but with a fixed ceiling is a fixed amount in effect.
reliable(c) if {
	not c.basis
	c.ceiling
}

# A cap with a reliable basis whose measure meets the minimum.
adequate(c) if {
	reliable(c)
	not short(c)
	not unmeasured(c)
	not reduced(c)
}

# Bases measured by what the buyer pays: leaving items out of them (licences, hardware,
# third-party products) makes the cap smaller than the fees or the order it names.
price_bases := {"fees_paid_lookback", "fees_payable_lookback", "order_price", "monthly_price"}

reduced(c) if {
	c.basis in price_bases
	some x in c.base_excludes
	not tax(x)
}

# Prices are compared without VAT between businesses, so leaving VAT out reduces nothing.
tax(x) if regex.match(`(?i)\b(btw|vat|tva|belasting|taxes?)\b`, x)

short(c) if {
	c.basis in fee_bases
	lib.days(c.lookback) < params.min_lookback_days
}

short(c) if {
	c.basis == "monthly_price"
	c.months < params.min_months
}

unmeasured(c) if {
	c.basis in fee_bases
	not c.lookback
}

unmeasured(c) if {
	c.basis == "monthly_price"
	not c.months
}

# A cap measured by a basis the playbook does not accept (insurance payout, invoice value).
unreliable(c) if {
	c.basis
	not reliable(c)
}

# --- When an unreliable cap binds the buyer ---------------------------------------------------

other_reliable(i) if {
	some j, c in stated
	j != i
	reliable(c)
}

comb_known if lib.absent(comb)

comb_known if comb.value

# binds holds {i, why}: the unreliable cap i limits what the buyer recovers, for the reason given.
binds contains {"i": i, "why": "it is the only cap the buyer could rely on"} if {
	some i, c in stated
	unreliable(c)
	not other_reliable(i)
}

binds contains {"i": i, "why": why} if {
	some i, c in stated
	unreliable(c)
	other_reliable(i)
	comb.value == "lowest"
	why := "the lowest of the caps applies, so it can bring the vendor's liability below the other caps"
}

binds contains {"i": i, "why": why} if {
	some i, c in stated
	unreliable(c)
	other_reliable(i)
	own_terms
	why := concat("", [
		"the document does not say how the caps combine, so each applies on its own terms and it can bring the vendor's ",
		"liability below the other caps",
	])
}

binds contains {"i": i, "why": why} if {
	some i, c in stated
	unreliable(c)
	other_reliable(i)
	comb.value == "sequential_fallback"
	i < min({j | some j, r in stated; reliable(r)})
	why := "it is the first tier of the caps: those the buyer can rely on apply only where it does not pay"
}

# No rule for combining several caps: each applies as written.
own_terms if lib.absent(comb)

own_terms if comb.value == "single"

# An inadequate reliable cap is saved only by caps that explicitly add up with an adequate one.
saved(i) if {
	comb.value == "cumulative"
	some j, c in stated
	j != i
	adequate(c)
}

# --- Messages ---------------------------------------------------------------------------------

months_words(n) := "1 monthly fee" if n == 1

else := sprintf("%v monthly fees", [n])

fee_kind := {"fees_paid_lookback": "paid", "fees_payable_lookback": "payable"}

basis_words(c) := "whatever the vendor's liability insurer pays out, which is not a cap the buyer can rely on" if {
	c.basis == "insurance_payout"
}

else := sprintf("measured by %s, a basis the playbook does not accept for a cap", [lib.label(c.basis)])

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	c.basis in fee_bases
	short(c)
	not saved(i)
	msg := sprintf(
		"the cap is the fees %s over %s; the playbook expects a cap of at least %s of fees (or the total order value)",
		[fee_kind[c.basis], period_words(c.lookback), lib.days_words(params.min_lookback_days)],
	)
	not lib.unclear(["liability", "caps", i])
}

deny contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	c.basis == "monthly_price"
	short(c)
	not saved(i)
	msg := sprintf(
		"the cap is %s; the playbook expects a cap of at least %v monthly fees (or the total order value)",
		[months_words(c.months), params.min_months],
	)
	not lib.unclear(["liability", "caps", i])
}

deny contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	unreliable(c)
	some b in binds
	b.i == i
	msg := sprintf(
		"the cap is %s (the playbook accepts caps measured by %s), and %s",
		[basis_words(c), lib.labels(params.reliable_bases), b.why],
	)
	not lib.unclear(["liability", "caps", i])
}

deny contains lib.finding(msg, ["liability", "caps", i, "base_excludes"]) if {
	some i, c in stated
	reduced(c)
	not saved(i)
	msg := sprintf(
		concat("", [
			"the cap's base leaves out %s, so it is less than the fees or order value it names; the playbook expects a cap of ",
			"at least %s of all fees (or the total order value)",
		]),
		[concat(", ", [x | some x in c.base_excludes; not tax(x)]), lib.days_words(params.min_lookback_days)],
	)
	not lib.unclear(["liability", "caps", i, "base_excludes"])
}

default applies := true

# No cap at all: liability is unlimited under general law, and there is nothing to measure.
applies := false if lib.absent(caps)

applies := false if caps == []

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding("liability caps have not been encoded", ["liability"]) if {
	lib.stated(liab)
	not liab.caps
}

unknown contains lib.finding(lib.reason(caps, "liability.caps"), ["liability", "caps"]) if lib.ambiguous(caps)

unknown contains lib.finding(lib.reason(c, "this cap"), ["liability", "caps", i]) if {
	some i, c in lib.list(caps)
	lib.ambiguous(c)
}

unknown contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	not c.basis
	not c.ceiling
	msg := sprintf("what this cap is measured by has not been encoded%s", [note_suffix(c)])
}

unknown contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	unmeasured(c)
	msg := sprintf(
		"the cap is %s but its measure (lookback period or number of months) has not been encoded",
		[lib.label(c.basis)],
	)
}

# Whether an unreliable cap binds depends on how the caps combine, which is unclear.
unknown contains lib.finding(msg, ["liability", "caps", i]) if {
	some i, c in stated
	unreliable(c)
	other_reliable(i)
	not comb_known
	msg := sprintf("the cap is %s; whether it binds depends on how the caps combine: %s", [basis_words(c), comb_reason])
}

comb_reason := lib.reason(comb, "the combination of the caps") if lib.ambiguous(comb)

else := "that has not been encoded"

note_suffix(c) := sprintf(": %s", [c.note]) if c.note

else := ""

# period_words: a look-back period in words ("6mo" -> "6 months"); a look-back of none says so.
period_words(d) := "no period at all" if d.text == "none"

else := lib.duration_words(d)
