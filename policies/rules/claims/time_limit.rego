# METADATA
# title: No claim or complaint period that is too short
# description: >-
#   A contractual period within which the buyer must bring a liability claim (scope liability or
#   all_claims) must be at least 12 months; a period to complain about a delivery, hidden defects
#   or an invoice (scopes complaints_delivery, hidden_defects, complaints_invoice, and the invoice
#   protest under payment) at least 30 days. Periods of other scopes are not judged. A document
#   without such periods passes.
# custom:
#   id: claims/time-limit
#   severity: error
#   references:
#     - "NL Civil Code art. 6:236(g) BW, by reflex for business buyers (black list: shortening limitation periods)
#       (confirm)"
#     - "BE Code of Economic Law art. VI.91/5 (grey list: clauses that inappropriately limit the buyer's remedies)"
#   remediation: >-
#     Ask for a period of at least 12 months from discovery of the damage for liability claims,
#     and at least 30 days for complaints about deliveries and invoices, without forfeiture for
#     defects the buyer could not reasonably have noticed in that time.
package termlint.rules.claims.time_limit

import data.termlint.lib

params := data.termlint.params.claims.time_limit

liab := input.liability

# Claim time limits, as a list or status marker; a liability section left out entirely has none.
limits := {"status": "absent", "src": null} if lib.absent(liab)

else := liab.claim_time_limits

claim_scopes := {"liability", "all_claims"}

complaint_scopes := {"complaints_delivery", "complaints_invoice", "hidden_defects"}

scope_words := {
	"liability": "a liability claim",
	"all_claims": "any claim against the vendor",
	"complaints_delivery": "a complaint about a delivery",
	"complaints_invoice": "a protest against an invoice",
	"hidden_defects": "a complaint about hidden defects",
}

minimum(scope) := params.min_liability_days if scope in claim_scopes

minimum(scope) := params.min_complaint_days if scope in complaint_scopes

judged(l) if l.scope in claim_scopes

judged(l) if l.scope in complaint_scopes

other_scope(l) if l.scope == "other"

scope_label(l) := scope_words[l.scope] if judged(l)

else := "claims or complaints"

# --- Messages ---------------------------------------------------------------------------------

from_words(l) := sprintf(" (counted from: %s)", [l.from]) if {
	l.from != "not stated"
}

else := ""

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, ["liability", "claim_time_limits", i]) if {
	some i, l in lib.list(limits)
	lib.stated(l)
	judged(l)
	lib.days(l.period) < minimum(l.scope)
	msg := sprintf(
		"the buyer has %s for %s%s%s; the playbook accepts no period shorter than %s",
		[
			period_words(l.period),
			scope_words[l.scope],
			lib.applies_to_note(l),
			from_words(l),
			lib.days_words(minimum(l.scope)),
		],
	)
	not lib.unclear(["liability", "claim_time_limits", i])
}

deny contains lib.finding(msg, ["payment", "invoice_protest"]) if {
	not invoice_in_limits
	lib.stated(protest)
	lib.days(protest.period) < params.min_complaint_days
	msg := sprintf(
		"the buyer has %s to protest an invoice; the playbook accepts no period shorter than %s",
		[period_words(protest.period), lib.days_words(params.min_complaint_days)],
	)
	not lib.unclear(["payment", "invoice_protest"])
}

# The invoice protest under payment, unless claim_time_limits already records one for invoices.
invoice_in_limits if {
	some l in lib.list(limits)
	l.scope == "complaints_invoice"
}

protest := input.payment.invoice_protest

unknown contains lib.finding("liability has not been encoded (claim time limits)", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding("claim time limits have not been encoded", ["liability"]) if {
	lib.stated(liab)
	not liab.claim_time_limits
}

unknown contains lib.finding(lib.reason(limits, "liability.claim_time_limits"), ["liability", "claim_time_limits"]) if {
	lib.ambiguous(limits)
}

unknown contains lib.finding(msg, ["liability", "claim_time_limits", i]) if {
	some i, l in lib.list(limits)
	lib.ambiguous(l)
	not other_scope(l)
	msg := lib.reason(l, sprintf("the time limit for %s", [scope_label(l)]))
}

unknown contains lib.finding(msg, ["liability", "claim_time_limits", i]) if {
	some i, l in lib.list(limits)
	lib.stated(l)
	judged(l)
	not l.period
	msg := sprintf("the time limit for %s is encoded without its period", [scope_words[l.scope]])
}

unknown contains lib.finding(
	"a claim time limit is encoded without its scope",
	["liability", "claim_time_limits", i],
) if {
	some i, l in lib.list(limits)
	lib.stated(l)
	not l.scope
}

unknown contains lib.finding(
	lib.reason(protest, "the period to protest an invoice"),
	["payment", "invoice_protest"],
) if {
	not invoice_in_limits
	lib.ambiguous(protest)
}

unknown contains lib.finding(
	"the period to protest an invoice is encoded without its period",
	["payment", "invoice_protest"],
) if {
	not invoice_in_limits
	lib.stated(protest)
	not protest.period
}

# period_words: a claim period in words ("48h" -> "48 hours"); a period of none says so.
period_words(d) := "0 days (immediately)" if d.days == 0

else := lib.duration_words(d)
