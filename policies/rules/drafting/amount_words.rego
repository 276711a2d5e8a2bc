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

# money holds every amount of the contract that is also written in words, by its path.
money contains [path, m] if {
	walk(input, [path, m])
	is_object(m)
	m.amount_words
	not annotation(path)
}

# annotation: the path runs through an encoder's own x- key, which termlint does not read.
annotation(path) if {
	some k in path
	is_string(k)
	startswith(k, "x-")
}

default applies := false

applies if count(money) > 0

deny contains lib.finding(msg, path) if {
	some [path, m] in money
	is_object(m.amount_words)
	m.amount_words.value != m.amount
	msg := sprintf("the amount is %s %v in figures but %q (%v) in words; the playbook expects words and figures to agree", [m.currency, m.amount, m.amount_words.text, m.amount_words.value])
}

unknown contains lib.finding(msg, path) if {
	some [path, m] in money
	is_string(m.amount_words)
	msg := sprintf("the amount in words %q has not been read as a number (the input is not normalised by termlint)", [m.amount_words])
}
