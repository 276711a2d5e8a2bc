# METADATA
# title: Moderate flat late-payment charges and no double interest
# description: >-
#   A flat surcharge on late payment (a fixed percentage, whether the document calls it a penalty,
#   damages or collection costs) is at most a set percentage (default 10 %) with a minimum of at
#   most a set amount (default EUR 150), also when several flat charges add up; and it is not owed
#   on top of late-payment interest (double interest), nor is contractual interest owed on top of
#   statutory interest on the same amount. Costs charged only as actually incurred
#   (court costs, the statutory scale) are not flat charges. A document without late-payment
#   charges passes.
# custom:
#   id: payment/late-fees
#   severity: warning
#   references:
#     - "BE law of 2 August 2002 on late payment in commercial transactions, art. 5-6 (interest and reasonable recovery
#       costs) (to confirm)"
#     - "NL Civil Code art. 6:96 (extrajudicial collection costs) (to confirm)"
#     - "BE Code of Economic Law art. VI.91/5 (grey list: damages clearly disproportionate to the vendor's loss)"
#   remediation: >-
#     Accept statutory late-payment interest, or a flat surcharge of at most 10 % (minimum at most
#     EUR 150) instead of interest, but not both; strike additional flat collection or reminder
#     costs and have the surcharge owed only after a written reminder.
package termlint.rules.payment.late_fees

import data.termlint.lib

params := data.termlint.params.payment.late_fees

payment := input.payment

interest := payment.late_interest

label := {
	"flat_penalty": "the flat late-payment penalty",
	"collection_costs": "the flat collection costs",
}

is := {"flat_penalty": "is", "collection_costs": "are"}

has := {"flat_penalty": "has", "collection_costs": "have"}

flat_charge(g) if g.pct

flat_charge(g) if g.minimum

# flat lists the groups that hold a flat charge (a percentage or a minimum amount).
flat contains key if {
	some key in ["flat_penalty", "collection_costs"]
	lib.stated(payment[key])
	flat_charge(payment[key])
}

# Some documents' one flat clause is recorded under both keys; it is then checked once.
same_clause if {
	fp := payment.flat_penalty
	cc := payment.collection_costs
	object.get(fp, "pct", null) == object.get(cc, "pct", null)
	object.get(object.get(fp, "minimum", {}), "amount", null) == object.get(object.get(cc, "minimum", {}), "amount", null)
}

checked contains "flat_penalty" if "flat_penalty" in flat

checked contains "collection_costs" if {
	"collection_costs" in flat
	not same_clause
}

deny contains lib.finding(msg, ["payment", key, "pct"]) if {
	some key in checked
	payment[key].pct > params.max_flat_pct
	msg := sprintf(
		"%s %s %s of the amount due; the playbook accepts at most %v %%",
		[label[key], is[key], pct_words(payment[key]), params.max_flat_pct],
	)
	not lib.unclear(["payment", key, "pct"])
}

deny contains lib.finding(msg, ["payment", key, "minimum"]) if {
	some key in checked
	m := payment[key].minimum
	m.currency == "EUR"
	m.amount > params.max_flat_minimum_eur
	msg := sprintf(
		"%s %s a minimum of %s; the playbook accepts a minimum of at most %s",
		[label[key], has[key], lib.money("EUR", m.amount), lib.money("EUR", params.max_flat_minimum_eur)],
	)
	not lib.unclear(["payment", key, "minimum"])
}

deny contains lib.finding(msg, ["payment", "collection_costs", "pct"]) if {
	checked == {"flat_penalty", "collection_costs"}
	fp := payment.flat_penalty.pct
	cc := payment.collection_costs.pct
	fp <= params.max_flat_pct
	cc <= params.max_flat_pct
	fp + cc > params.max_flat_pct
	msg := sprintf(
		concat("", [
			"flat collection costs of %v %% come on top of the flat penalty of %v %%, %v %% in all; the playbook accepts at ",
			"most %v %% of flat charges",
		]),
		[cc, fp, fp + cc, params.max_flat_pct],
	)
	not lib.unclear(["payment", "collection_costs", "pct"])
}

deny contains lib.finding(msg, ["payment", "flat_penalty", "cumulative_with_interest"]) if {
	fp := payment.flat_penalty
	lib.stated(fp)
	fp.cumulative_with_interest == true
	msg := sprintf(
		concat("", [
			"%s%s is owed on top of late-payment interest, charging the same delay twice; the playbook does not accept double ",
			"interest",
		]),
		[label.flat_penalty, pct(fp)],
	)
	not lib.unclear(["payment", "flat_penalty", "cumulative_with_interest"])
}

deny contains lib.finding(msg, ["payment", "late_interest", "cumulative_with_statutory_interest"]) if {
	li := payment.late_interest
	lib.stated(li)
	li.cumulative_with_statutory_interest == true
	msg := sprintf(
		concat("", [
			"contractual late-payment interest%s is owed on top of statutory late-payment interest on the same amount, ",
			"charging the same delay twice; the playbook does not accept double interest",
		]),
		[rate(li)],
	)
}

pct(g) := sprintf(" of %s", [pct_words(g)]) if g.pct

else := ""

# pct_words: a flat percentage as the clause words it; a floor ("ten minste") is not a ceiling.
pct_words(g) := sprintf("at least %v %%", [g.pct]) if g.pct_is_floor == true

else := sprintf("%v %%", [g.pct])

# rate: the contractual rate, only where it is a fixed percentage; another basis (a reference
# rate plus a margin, with a minimum) is not one number, so the message names no rate.
rate(li) := sprintf(" of %v %% a %s", [li.rate_pct, li.per]) if {
	li.basis == "fixed_pct"
	li.rate_pct
	li.per
}

else := ""

unknown contains lib.finding("payment terms have not been encoded", []) if not payment

unknown contains lib.finding(lib.reason(payment, "payment"), ["payment"]) if lib.ambiguous(payment)

unknown contains lib.finding(sprintf("%s has not been encoded (payment.%s)", [what[key], key]), ["payment"]) if {
	lib.stated(payment)
	some key in ["flat_penalty", "collection_costs"]
	not payment[key]
}

unknown contains lib.finding(lib.reason(payment[key], what[key]), ["payment", key]) if {
	some key in ["flat_penalty", "collection_costs"]
	lib.ambiguous(payment[key])
}

unknown contains lib.finding(lib.reason(interest, "late-payment interest"), ["payment", "late_interest"]) if {
	lib.ambiguous(interest)
}

unknown contains lib.finding(msg, ["payment", key, "minimum"]) if {
	some key in checked
	m := payment[key].minimum
	m.currency != "EUR"
	msg := sprintf(
		"%s %s a minimum in %s, which the rule cannot compare with the playbook's %s",
		[label[key], has[key], m.currency, lib.money("EUR", params.max_flat_minimum_eur)],
	)
}

what := {
	"flat_penalty": "the flat late-payment penalty",
	"collection_costs": "the collection-costs clause",
}
