# METADATA
# title: No deemed knowledge of terms the buyer was never given
# description: >-
#   The buyer may not be deemed to know or accept terms it was never given: terms incorporated by
#   reference and deemed accepted must be attached to the document (website terms, third-party
#   terms behind a URL, terms sent only on request, or terms the document does not say how to get
#   all fail). Clauses that deem the buyer to know or accept other terms, or to accept an invoice
#   or a delivery as correct by some act or by silence, fail as well. A clause by which the buyer
#   acknowledges these terms themselves passes (the buyer has the document in hand; deemed
#   acceptance of later amendments is judged by changes/unilateral-terms); deeming clauses of
#   another kind ("other") are not judged here.
# custom:
#   id: terms/deemed-knowledge
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/4, 4° (black list: irrefutably establishing that the other party knows
#       terms it could not actually know before the contract was made)"
#     - "BE Code of Economic Law art. VI.91/3 (clear imbalance), for deemed acceptance of invoices and deliveries
#       (confirm)"
#   remediation: >-
#     Ask that every set of terms that is to bind the buyer be attached to the contract (or listed
#     by exact version and supplied before signing), that third-party terms bind the buyer only
#     once supplied, and that invoices and deliveries are not deemed accepted by signing a service
#     report or by silence; agree a reasonable complaint period instead.
package termlint.rules.terms.deemed_knowledge

import data.termlint.lib

doc := input.document

# How incorporated terms reach the buyer that do not count as given (attached is the only form
# that does). params.yaml has no key for this (terms.deemed_knowledge is {}), so it is a package
# constant until params gains one.
not_given := {
	"on_request": "sent only when the buyer asks",
	"website": "published on a website the buyer must find",
	"third_party": "terms of a third party the vendor points to",
	"not_stated": "terms the document does not say how the buyer gets",
}

# What the buyer may not be deemed to know or accept, in words for a message. Also a package
# constant for the same reason as not_given.
forbidden_what := {
	"other_terms": "to know or accept other terms that are not in the document",
	"invoice": "to accept an invoice as correct",
	"delivery": "to accept a delivery or performance as correct",
}

deny contains lib.finding(msg, ["document", "incorporated_terms", i]) if {
	some i, t in lib.list(doc.incorporated_terms)
	t.deemed_accepted == true
	how := not_given[t.made_available]
	msg := sprintf(
		concat("", [
			"the buyer is deemed to accept %s, %s%s, which the document does not give; the playbook expects terms that bind ",
			"the buyer to be attached",
		]),
		[name(t), how, location(t)],
	)
	not lib.unclear(["document", "incorporated_terms", i])
}

deny contains lib.finding(msg, ["document", "deemed_knowledge", i]) if {
	some i, d in lib.list(doc.deemed_knowledge)
	what := forbidden_what[d.what]
	msg := sprintf(
		"the buyer is deemed %s%s; the playbook does not accept deemed knowledge or acceptance of this kind",
		[what, trigger(d)],
	)
	not lib.unclear(["document", "deemed_knowledge", i])
}

name(t) := sprintf("the %q", [t.name]) if t.name

else := "terms incorporated by reference"

location(t) := sprintf(" (%s)", [t.location]) if {
	t.made_available in {"website", "third_party"}
	not startswith(t.location, "not stated")
}

else := ""

trigger(d) := sprintf(" (trigger: %s)", [d.trigger]) if d.trigger

else := ""

unknown contains lib.finding("terms incorporated by reference have not been encoded", ["document"]) if {
	not doc.incorporated_terms
}

unknown contains lib.finding("deeming clauses have not been encoded", ["document"]) if {
	not doc.deemed_knowledge
}

unknown contains lib.finding(
	lib.reason(doc.incorporated_terms, "the list of incorporated terms"),
	["document", "incorporated_terms"],
) if {
	lib.ambiguous(doc.incorporated_terms)
}

unknown contains lib.finding(
	lib.reason(doc.deemed_knowledge, "the list of deeming clauses"),
	["document", "deemed_knowledge"],
) if {
	lib.ambiguous(doc.deemed_knowledge)
}

unknown contains lib.finding(lib.reason(t, name(t)), ["document", "incorporated_terms", i]) if {
	some i, t in lib.list(doc.incorporated_terms)
	lib.ambiguous(t)
}

unknown contains lib.finding(msg, ["document", "incorporated_terms", i]) if {
	some i, t in lib.list(doc.incorporated_terms)
	lib.stated(t)
	not t.made_available == "attached"
	not lib.has_key(t, "deemed_accepted")
	msg := sprintf("whether the buyer is deemed to accept %s has not been encoded", [name(t)])
}

unknown contains lib.finding(msg, ["document", "incorporated_terms", i]) if {
	some i, t in lib.list(doc.incorporated_terms)
	t.deemed_accepted == true
	not t.made_available
	msg := sprintf("how the buyer gets %s has not been encoded", [name(t)])
}

unknown contains lib.finding(lib.reason(d, "this deeming clause"), ["document", "deemed_knowledge", i]) if {
	some i, d in lib.list(doc.deemed_knowledge)
	lib.ambiguous(d)
}

unknown contains lib.finding(
	"what the buyer is deemed to know or accept has not been encoded",
	["document", "deemed_knowledge", i],
) if {
	some i, d in lib.list(doc.deemed_knowledge)
	lib.stated(d)
	not d.what
}
