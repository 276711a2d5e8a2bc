# METADATA
# title: Payment term of at least 30 days
# description: >-
#   The buyer has at least a set number of days (default 30) to pay an invoice. Where the document
#   is silent on the payment term, the statutory default of 30 days applies and the rule passes.
#   A right of the vendor to demand payment in advance takes the term away and fails.
# custom:
#   id: payment/term
#   severity: warning
#   references:
#     - Buyer policy
#     - "BE law of 2 August 2002 on late payment in commercial transactions, art. 4 (30 days when nothing is agreed)
#       (to confirm)"
#     - "NL Civil Code art. 6:119a (30 days when nothing is agreed) (to confirm)"
#   remediation: >-
#     Ask for a payment term of at least thirty days from receipt of a correct invoice.
package termlint.rules.payment.term

import data.termlint.lib

params := data.termlint.params.payment.term

payment := input.payment

deny contains lib.finding(msg, ["payment", "term", "period"]) if {
	lib.stated(payment.term)
	lib.days(payment.term.period) < params.min_days
	msg := sprintf(
		"invoices must be paid within %s%s; the playbook expects at least %v days",
		[lib.duration_words(payment.term.period), from(payment.term), params.min_days],
	)
	not lib.unclear(["payment", "term", "period"])
}

deny contains lib.finding(msg, ["payment", "prepayment"]) if {
	lib.stated(payment.prepayment)
	payment.prepayment.required == true
	msg := concat("", [
		"the vendor may require payment in advance, so the buyer is not assured of any payment term; the playbook expects ",
		"payment after delivery with a term",
	])
	not lib.unclear(["payment", "prepayment"])
}

from(t) := sprintf(" (from: %s)", [t.from]) if t.from

else := ""

unknown contains lib.finding("payment terms have not been encoded", []) if not payment

unknown contains lib.finding(lib.reason(payment, "payment"), ["payment"]) if lib.ambiguous(payment)

unknown contains lib.finding("the payment term has not been encoded", ["payment"]) if {
	lib.stated(payment)
	not payment.term
}

unknown contains lib.finding(lib.reason(payment.term, "the payment term"), ["payment", "term"]) if {
	lib.ambiguous(payment.term)
}

# An unclear prepayment clause may take away the payment term, whatever its values say.
unknown contains lib.finding(
	lib.reason(payment.prepayment, "whether payment in advance is required"),
	["payment", "prepayment"],
) if {
	lib.ambiguous(payment.prepayment)
}

unknown contains lib.finding("the payment term is stated but its period has not been encoded", ["payment", "term"]) if {
	lib.stated(payment.term)
	not payment.term.period
}
