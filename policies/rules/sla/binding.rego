# METADATA
# title: Availability is a binding service level
# description: >-
#   The availability of the service must be a guaranteed figure backed by service credits, and not
#   a level the vendor merely strives for and measures alone. A document that gives no service
#   levels at all fails (the buyer then has no availability commitment). Where the service levels
#   are left to a separate SLA that has not been encoded, the answer is unknown, even where these
#   terms by themselves give only a target: the separate SLA may guarantee more.
# custom:
#   id: sla/binding
#   severity: error
#   references:
#     - "DORA (Regulation (EU) 2022/2554) art. 30(2)(e) (service level descriptions)"
#     - "DORA art. 30(3)(a) (precise quantitative performance targets the financial entity can monitor)"
#   remediation: >-
#     Ask for a guaranteed availability percentage per measurement period, with service credits
#     (a fee reduction) when it is missed, measured by a tool or report the buyer can verify, and
#     have the SLA attached to the contract.
package termlint.rules.sla.binding

import data.termlint.lib

sla := input.sla

# The facts this rule reads from a stated sla section, with words for an unknown message.
needed := {
	"availability_pct": "the availability figure",
	"commitment": "whether the figure is a target or guaranteed",
	"service_credits": "whether there are service credits",
	"measured_by": "who measures availability",
}

deny contains lib.finding(
	"the document gives no service levels; the playbook expects a guaranteed availability figure with service credits",
	["sla"],
) if {
	lib.absent(sla)
}

deny contains lib.finding(
	concat("", [
		"the document states that there are no service levels; the playbook expects a guaranteed availability figure with ",
		"service credits",
	]),
	["sla", "location"],
) if {
	sla.location == "none"
}

deny contains lib.finding(msg, ["sla", "commitment"]) if {
	sla.commitment == "target"
	not separate
	msg := sprintf(
		concat("", [
			"availability%s is only a target the vendor strives for, not a guaranteed level; the playbook expects a ",
			"guaranteed figure",
		]),
		[figure],
	)
}

deny contains lib.finding(msg, ["sla", "service_credits"]) if {
	sla.service_credits == false
	not separate
	msg := sprintf(
		"the buyer gets no service credits when availability%s is missed; the playbook expects credits",
		[figure],
	)
}

deny contains lib.finding(
	"availability is measured by the vendor alone; the playbook expects a measurement the buyer can verify",
	["sla", "measured_by"],
) if {
	not separate
	sla.measured_by == "vendor"
}

# Where the service levels are in a separate SLA (chosen by the buyer, not encoded), what these
# terms say is only the fallback: the separate SLA may guarantee more and then prevails, so a
# person must read it before the rule can fail.
separate if sla.location == "separate"

unknown contains lib.finding(msg, ["sla"]) if {
	separate
	weak := [w |
		some k, w in {
			"commitment": "a target only",
			"service_credits": "no service credits",
			"measured_by": "measurement by the vendor alone",
		}
		weak_fact(k)
	]
	count(weak) > 0
	msg := sprintf(
		"the service levels are in a separate SLA that has not been encoded; these terms by themselves give %s",
		[concat(", ", sort(weak))],
	)
}

unknown contains lib.finding("service levels have not been encoded", []) if not sla

unknown contains lib.finding(lib.reason(sla, "the service levels"), ["sla"]) if lib.ambiguous(sla)

unknown contains lib.finding(msg, ["sla"]) if {
	lib.stated(sla)
	not sla.location == "none"
	missing := [w | some k, w in needed; not lib.has_key(sla, k)]
	count(missing) > 0
	msg := sprintf("%s; not encoded: %s", [where, concat(", ", sort(missing))])
}

weak_fact("commitment") if sla.commitment == "target"

weak_fact("service_credits") if sla.service_credits == false

weak_fact("measured_by") if sla.measured_by == "vendor"

# figure is " of 99.5 %" when the document gives a percentage, else empty.
figure := sprintf(" of %v %%", [sla.availability_pct]) if sla.availability_pct

else := ""

where := "the service levels are in a separate SLA that has not been encoded" if sla.location == "separate"

else := "the service levels cannot be judged"
