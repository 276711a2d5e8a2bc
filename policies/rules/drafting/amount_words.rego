# METADATA
# title: Amounts in words and figures agree
# description: >-
#   Where the document writes an amount both in figures and in words, the two must agree; a
#   mismatch leaves the amount open to dispute. Every amount in the contract is checked (caps,
#   penalties, fees, ...). Not applicable when the document writes no amount in words. The
#   encoder's own annotations (keys starting with x-) are ignored.
# custom:
#   id: drafting/amount-words
#   severity: error
#   references:
#     - Drafting quality
#   remediation: >-
#     Ask the vendor to correct the amount so that words and figures agree, and to confirm in
#     writing which amount applies in the meantime.
package termlint.rules.drafting.amount_words

import data.termlint.lib

# locations lists where the contract model puts money: every use of the schema's money
# definition ("*" stands for each item of a list, once per location). Looking only there, rather
# than walking the whole input, keeps the rule cheap on long contracts; a Go test
# (TestAmountWordsLocations) fails when the schema gains a money field this list lacks.
locations := [
	["liability", "caps", "*", "ceiling"],
	["non_solicitation", "penalty", "amount"],
	["payment", "flat_penalty", "minimum"],
	["payment", "flat_penalty", "maximum"],
	["payment", "collection_costs", "minimum"],
	["payment", "reminder_fee", "amount"],
	["confidentiality", "penalty", "amount"],
	["exit", "data_return", "charge_amount"],
]

# money holds every amount of the contract that is also written in words, by its path. The
# encoder's own x- keys are never among the locations, so annotations are not read.
money contains [loc, m] if {
	some loc in locations
	not "*" in loc
	m := object.get(input, loc, null)
	written(m)
}

money contains [path, m] if {
	some loc in locations
	some j
	loc[j] == "*"
	head := array.slice(loc, 0, j)
	rest := array.slice(loc, j + 1, count(loc))
	some i, item in lib.list(object.get(input, head, null))
	m := object.get(item, rest, null)
	written(m)
	path := array.concat(array.concat(head, [i]), rest)
}

written(m) if {
	is_object(m)
	m.amount_words
}

default applies := false

applies if count(money) > 0

deny contains lib.finding(msg, path) if {
	some [path, m] in money
	is_object(m.amount_words)
	m.amount_words.value != m.amount
	msg := sprintf(
		"the amount is %s in figures but %q (%s) in words; the playbook expects words and figures to agree",
		[lib.money(m.currency, m.amount), m.amount_words.text, lib.money(m.currency, m.amount_words.value)],
	)
}

unknown contains lib.finding(msg, path) if {
	some [path, m] in money
	is_string(m.amount_words)
	msg := sprintf(
		"the amount in words %q has not been read as a number (the input is not normalised by termlint)",
		[m.amount_words],
	)
}
