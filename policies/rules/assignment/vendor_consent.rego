# METADATA
# title: The vendor cannot assign the contract without consent
# description: >-
#   The vendor may transfer the contract to a third party only with the buyer's consent; a
#   transfer within the vendor's group with notice to the buyer is acceptable (the accepted regimes
#   are in params). A document that is silent passes: by law a transfer of a contract as a whole
#   needs the other party's cooperation, so silence leaves the buyer's consent required.
# custom:
#   id: assignment/vendor-consent
#   severity: error
#   references:
#     - CUAD "Anti-Assignment"
#     - "NL art. 6:159 BW, and likewise BE law, for the transfer of a contract as a whole (confirm)"
#   remediation: >-
#     Ask that the vendor may transfer the contract only with the buyer's prior written consent,
#     or within its group with prior notice and a right for the buyer to terminate if the
#     transferee is not acceptable.
package termlint.rules.assignment.vendor_consent

import data.termlint.lib

params := data.termlint.params.assignment.vendor_consent

assignment := input.assignment

# What each regime lets the vendor do, in words for a message.
regime_words := {
	"free": "freely, without the buyer's consent or even notice",
	"with_notice": "by merely notifying the buyer, without its consent",
	"group_with_notice": "within its group with notice to the buyer, otherwise only with consent",
	"with_consent": "only with the buyer's consent",
	"prohibited": "not at all",
}

deny contains lib.finding(msg, ["assignment", "vendor"]) if {
	regime := assignment.vendor
	not regime in params.accepted
	msg := sprintf(
		"the vendor may transfer the contract %s; the playbook accepts only: %s",
		[words(regime), lib.labels(params.accepted)],
	)
	not lib.unclear(["assignment", "vendor"])
}

# A clause with several regimes (consent in general, notice on a merger) lists them in regimes;
# each regime that binds the vendor is judged on its own, naming the occasions it covers.
deny contains lib.finding(msg, ["assignment", "regimes", i]) if {
	some i, r in lib.list(assignment.regimes)
	r.party in {"vendor", "both"}
	not r.regime in params.accepted
	msg := sprintf(
		"the vendor may transfer the contract %s%s; the playbook accepts only: %s",
		[words(r.regime), occasions(r), lib.labels(params.accepted)],
	)
	not lib.unclear(["assignment", "regimes", i])
}

words(regime) := object.get(regime_words, regime, lib.label(regime))

occasions(r) := "" if {
	not r.on
} else := "" if {
	"any" in r.on
} else := sprintf(" (on a %s)", [occasion_list(r.on)])

occasion_list(on) := lib.label(on[0]) if count(on) == 1

else := sprintf("%s or %s", [
	concat(", ", [lib.label(o) | some o in array.slice(on, 0, count(on) - 1)]),
	lib.label(on[count(on) - 1]),
])

unknown contains lib.finding("the transfer of the contract has not been encoded", []) if not assignment

unknown contains lib.finding(lib.reason(assignment, "the transfer clause"), ["assignment"]) if {
	lib.ambiguous(assignment)
}

unknown contains lib.finding("whether the vendor may transfer the contract has not been encoded", ["assignment"]) if {
	lib.stated(assignment)
	not assignment.vendor
	not assignment.regimes
}

unknown contains lib.finding(lib.reason(assignment.regimes, "the transfer regimes"), ["assignment", "regimes"]) if {
	lib.stated(assignment)
	lib.ambiguous(assignment.regimes)
}

# An unclear regime may be the one that lets the vendor transfer without consent, unless it is
# stated to bind the buyer alone.
unknown contains lib.finding(msg, ["assignment", "regimes", i]) if {
	lib.stated(assignment)
	some i, r in lib.list(assignment.regimes)
	lib.ambiguous(r)
	not r.party == "customer"
	msg := lib.reason(r, sprintf("transfer regime no. %d", [i + 1]))
}
