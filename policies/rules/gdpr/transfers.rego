# METADATA
# title: Transfers of personal data outside the EEA rest on a transfer mechanism
# description: >-
#   Where the vendor may transfer the buyer's personal data outside the European Economic Area, the
#   transfer must rest on a mechanism of GDPR chapter V that the playbook accepts (params): an
#   adequacy decision, the Commission's standard contractual clauses, or binding corporate rules.
#   Read from the processor agreement when the deal has it encoded, else from where the main terms
#   say the data is processed. Data kept within the EEA passes. When neither document says whether
#   or where the data leaves the EEA, the rule cannot tell whether there is a transfer at all: it
#   answers unknown rather than fail, since a transfer mechanism is needed only for a transfer,
#   and the location is what a person must ask the vendor. Not applicable where the vendor is only
#   a controller or processes no personal data for the buyer.
# custom:
#   id: gdpr/transfers
#   severity: error
#   references:
#     - GDPR art. 44 (general principle for transfers)
#     - GDPR art. 45 (adequacy decisions)
#     - GDPR art. 46(2)(c) (standard contractual clauses), art. 47 (binding corporate rules)
#     - GDPR art. 28(3)(a) (processing, including transfers to a third country, only on documented instructions)
#     - Commission Implementing Decision (EU) 2021/914 (standard contractual clauses)
#   remediation: >-
#     Ask where the buyer's personal data is stored and processed (including by sub-processors and
#     for support), and that any transfer outside the EEA rest on an adequacy decision or the
#     standard contractual clauses (Module Two or Three), with a transfer impact assessment.
package termlint.rules.gdpr.transfers

import data.termlint.lib
import data.termlint.lib.deal

params := data.termlint.params.gdpr.transfers

dp := input.data_protection

tr := deal.dpa.transfers

loc := dp.data_location

# The member states of the European Economic Area: the EU 27, Iceland, Liechtenstein and Norway.

eea := {
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LI", "LT",
	"LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "NO",
}

default applies := true

applies := false if {
	not deal.dpa
	dp.role.value == "controller"
}

applies := false if {
	not deal.dpa
	lib.absent(dp)
}

# From the processor agreement.

outside := {c | some c in tr.countries; not c in eea}
leaves_eea if tr.outside_eea in {"allowed", "with_authorisation"}
leaves_eea if count(outside) > 0

mechanism if {
	some m in tr.mechanisms
	m in params.accepted
}

deny contains lib.finding(msg, ["dpa", "transfers"]) if {
	leaves_eea
	tr.mechanisms
	not mechanism
	msg := sprintf(
		concat("", [
			"the vendor may transfer personal data outside the EEA%s, but the processor agreement names no accepted ",
			"transfer mechanism (accepted: %s)",
		]),
		[countries_words(outside), accepted_words],
	)
	not lib.unclear(["dpa", "transfers"])
}

unknown contains lib.finding(
	"the vendor may transfer personal data outside the EEA, but the transfer mechanisms have not been encoded",
	["dpa", "transfers"],
) if {
	leaves_eea
	not tr.mechanisms
}

unknown contains lib.finding(
	concat("", [
		"the processor agreement does not say whether personal data leaves the EEA, nor where it is processed, ",
		"and names no accepted transfer mechanism; a person must ask the vendor",
	]),
	["dpa", "transfers"],
) if {
	lib.stated(tr)
	not leaves_eea
	not tr.outside_eea == "prohibited"
	not tr.countries
	not mechanism
}

unknown contains lib.finding(
	"the processor agreement says nothing about transfers outside the EEA or where personal data is processed",
	["dpa", "transfers"],
) if {
	lib.absent(tr)
}

unknown contains lib.finding(lib.reason(tr, "the transfers of personal data"), ["dpa", "transfers"]) if {
	lib.ambiguous(tr)
}

unknown contains lib.finding(msg, ["data_protection", "data_location"]) if {
	terms
	processor
	outside_terms
	msg := sprintf(
		concat("", [
			"personal data is processed outside the EEA%s; the terms do not record a transfer mechanism, ",
			"so a person must check for one (accepted: %s)",
		]),
		[countries_words(terms_outside), accepted_words],
	)
}

unknown contains lib.finding(
	"the terms do not say where personal data is processed, so whether it leaves the EEA cannot be told",
	["data_protection", "data_location"],
) if {
	terms
	processor
	not_stated(loc)
	count(terms_outside) == 0
	not vendor_outside
}

# A vendor established outside the EEA receives the data there: that is a transfer, wherever the
# terms say (or do not say) the data is processed.
unknown contains lib.finding(msg, ["data_protection", "data_location"]) if {
	terms
	processor
	not_stated(loc)
	count(terms_outside) == 0
	vendor_outside
	msg := sprintf(
		concat("", [
			"the vendor is established in %s, outside the EEA, so giving it personal data is a transfer; the terms record ",
			"no transfer mechanism, and whether an adequacy decision covers the vendor (such as a Data Privacy ",
			"Framework certification) is for a person to check",
		]),
		[vendor_country],
	)
}

unknown contains lib.finding(
	lib.reason(loc, "where personal data is processed"),
	["data_protection", "data_location"],
) if {
	terms
	processor
	lib.ambiguous(loc)
}

unknown contains lib.finding("where personal data is processed has not been encoded", ["data_protection"]) if {
	terms
	processor
	lib.stated(dp)
	not loc
}

unknown contains lib.finding("data protection has not been encoded", []) if {
	not deal.dpa
	not dp
}

unknown contains lib.finding(lib.reason(dp, "the data-protection clause"), ["data_protection"]) if {
	not deal.dpa
	lib.ambiguous(dp)
}

unknown contains lib.finding("the vendor's role under the GDPR has not been encoded", ["data_protection"]) if {
	not deal.dpa
	lib.stated(dp)
	not dp.role
}

unknown contains lib.finding(lib.reason(dp.role, "the vendor's GDPR role"), ["data_protection", "role"]) if {
	not deal.dpa
	lib.ambiguous(dp.role)
}

# From the main terms, when the processor agreement is not encoded or does not address transfers.
terms if {
	not tr
	deal.dpa
}

terms if not deal.dpa
processor if deal.dpa
processor if dp.role.value in {"processor", "both", "not_stated"}

terms_outside := {c | some c in loc.countries; not c in eea}
outside_terms if loc.value == "non_eu"
outside_terms if count(terms_outside) > 0
not_stated(l) if lib.absent(l)
not_stated(l) if l.value == "not_stated"

countries_words(cs) := sprintf(" (%s)", [concat(", ", sort(cs))]) if count(cs) > 0

else := ""

mechanism_names := {
	"adequacy": "an adequacy decision",
	"sccs": "the standard contractual clauses",
	"uk_addendum": "the UK addendum",
	"bcrs": "binding corporate rules",
	"derogation": "a derogation of art. 49",
	"other": "another mechanism",
}

accepted_words := concat(", ", [mechanism_names[m] | some m in params.accepted])

# vendor_outside: the vendor is established outside the EEA.
vendor_country := upper(substring(input.vendor.country, 0, 2))

vendor_outside if not vendor_country in eea
