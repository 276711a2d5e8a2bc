# METADATA
# title: Availability is a binding service level
# description: >-
#   The availability of the service must be a figure whose miss costs the vendor (service credits),
#   and not a level the vendor merely strives for and measures alone. A target the vendor uses efforts
#   to meet counts as binding when service credits attach to the figure itself. A document that gives
#   no service levels at all fails (the buyer then has no availability commitment). Where a separate
#   SLA sets the service levels and the deal does not provide it, the answer is unknown, even where
#   these terms by themselves give only a target: the separate SLA may guarantee more. A separate SLA
#   that these terms leave only support or fault reporting to does not change the availability they
#   state.
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
import data.termlint.lib.sla as sla_lib

sla := input.sla

# The facts this rule reads from a stated sla section, with words for an unknown message.
needed := {
	"figure": "the availability figure",
	"commitment": "whether the figure is a target or guaranteed",
	"credits": "whether there are service credits",
	"measured_by": "who measures availability",
}

deny contains lib.finding(
	"the document gives no service levels; the playbook expects a guaranteed availability figure with service credits",
	["sla"],
) if {
	lib.absent(sla)
	not lib.unclear(["sla"])
}

deny contains lib.finding(
	concat("", [
		"the document states that there are no service levels; the playbook expects a guaranteed availability figure with ",
		"service credits",
	]),
	["sla", "location"],
) if {
	sla.location == "none"
	not lib.unclear(["sla", "location"])
}

deny contains lib.finding(
	concat("", [
		"no availability figure is set, so the service level gives the buyer nothing to hold the vendor to; the playbook ",
		"expects a guaranteed availability figure",
	]),
	["sla", "uptime"],
) if {
	not sla_lib.separate
	lib.absent(sla.uptime)
	not lib.unclear(["sla", "uptime"])
}

# A target without credits: missing it costs the vendor nothing. A target with credits that attach to
# the figure itself is binding in effect, whatever efforts the vendor made.
deny contains lib.finding(msg, ["sla", "commitment"]) if {
	sla.commitment == "target"
	not sla_lib.separate
	not sla_lib.credits
	msg := sprintf(
		concat("", [
			"availability%s is only a target the vendor strives for, not a guaranteed level, and missing it earns no ",
			"service credits; the playbook expects a guaranteed figure",
		]),
		[figure],
	)
	not lib.unclear(["sla", "commitment"])
}

deny contains lib.finding(msg, credits_path) if {
	sla_lib.no_credits
	not sla_lib.separate
	msg := sprintf(
		"the buyer gets no service credits when availability%s is missed; the playbook expects credits",
		[figure],
	)
	not lib.unclear(credits_path)
}

deny contains lib.finding(
	"availability is measured by the vendor alone; the playbook expects a measurement the buyer can verify",
	["sla", "measured_by"],
) if {
	not sla_lib.separate
	sla.measured_by == "vendor"
	not lib.unclear(["sla", "measured_by"])
}

unknown contains lib.finding(msg, ["sla"]) if {
	sla_lib.separate
	weak := [w |
		some k, w in {
			"commitment": "a target only",
			"credits": "no service credits",
			"measured_by": "measurement by the vendor alone",
		}
		weak_fact(k)
	]
	count(weak) > 0
	msg := sprintf("%s; these terms by themselves give %s", [where, concat(", ", sort(weak))])
}

unknown contains lib.finding("service levels have not been encoded", []) if not sla

unknown contains lib.finding(lib.reason(sla, "the service levels"), ["sla"]) if lib.ambiguous(sla)

unknown contains lib.finding(lib.reason(sla.separate_sla, "what the separate SLA covers"), ["sla", "separate_sla"]) if {
	lib.ambiguous(sla.separate_sla)
}

unknown contains lib.finding(lib.reason(sla.uptime, "the availability figure"), ["sla", "uptime"]) if {
	not sla_lib.separate
	lib.ambiguous(sla.uptime)
}

unknown contains lib.finding(msg, ["sla"]) if {
	lib.stated(sla)
	not sla.location == "none"
	missing := [w | some k, w in needed; not encoded(k)]
	count(missing) > 0
	msg := sprintf("%s; not encoded: %s", [where, concat(", ", sort(missing))])
}

# figure_pct: the availability figure, from uptime when the document gives it its own fact.
figure_pct := sla.uptime.pct if lib.stated(sla.uptime)

else := sla.availability_pct

credits_path := ["sla", "credits"] if lib.absent(sla.credits)

# Credits whose amounts are none (a cover page's "Uptime Credit: none"): the finding is about
# those amounts, where they are set.
else := ["sla", "credits", "tiers"] if sla_lib.amounts_absent

else := ["sla", "service_credits"]

encoded("figure") if lib.has_key(sla, "availability_pct")

encoded("figure") if lib.has_key(sla, "uptime")

encoded("commitment") if lib.has_key(sla, "commitment")

encoded("credits") if lib.has_key(sla, "service_credits")

encoded("credits") if lib.has_key(sla, "credits")

encoded("measured_by") if lib.has_key(sla, "measured_by")

weak_fact("commitment") if {
	sla.commitment == "target"
	not sla_lib.credits
}

weak_fact("credits") if sla_lib.no_credits

weak_fact("measured_by") if sla.measured_by == "vendor"

# figure is " of 99.5 %" when the document gives a percentage, else empty.
figure := sprintf(" of %v %%", [figure_pct]) if figure_pct

else := ""

where := sla_lib.where_separate if sla_lib.elsewhere

else := "the service levels cannot be judged"
