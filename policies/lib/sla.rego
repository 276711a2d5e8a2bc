# METADATA
# title: termlint SLA helpers
# description: How the SLA rules read the service levels of a deal. Not a rule itself.
package termlint.lib.sla

import data.termlint.lib

# elsewhere: a separate SLA sets, or may set, the availability commitment, so what these terms say
# is only the fallback. An SLA these terms leave only support or fault reporting to does not.
elsewhere if input.sla.location == "separate"

elsewhere if {
	lib.stated(input.sla.separate_sla)
	not input.sla.separate_sla.governs
}

elsewhere if {
	some g in input.sla.separate_sla.governs
	g in {"availability", "service_credits"}
}

# separate: the SLA that sets the service levels is not in front of us. Where the deal provides it,
# its facts are merged into input.sla and are judged like any others.
separate if {
	elsewhere
	status != "provided"
}

# status: whether the deal provides the SLA document ("provided", "on_request", "not_provided"), or
# "not_in_deal" for a contract checked alone. Local until the deal helper of issue 12 lands in
# policies/lib/deal.rego; input.deal is read through object.get because the contract schema that
# types input does not describe it yet.
status := "provided" if {
	"provided" in statuses
} else := "on_request" if {
	"on_request" in statuses
} else := "not_provided" if {
	"not_provided" in statuses
} else := "not_in_deal"

statuses contains object.get(d, "status", "provided") if {
	some d in object.get(input, ["deal", "documents"], [])
	d.role == "sla"
}

# where_separate: where the service levels are, and why they cannot be read, for a message.
where_separate := sprintf("the service levels are in a separate SLA%s", [not_there[status]])

# not_there: why the separate SLA cannot be read, by its status in the deal.
not_there := {
	"not_in_deal": " that has not been encoded",
	"not_provided": ", which is not provided",
	"on_request": ", which is available on request and not provided",
	"provided": "",
}

# credits: service credits attach to missing the level.
credits if input.sla.service_credits == true

credits if {
	lib.stated(input.sla.credits)
	not amounts_absent
}

# no_credits: the document says there are none.
no_credits if input.sla.service_credits == false

no_credits if lib.absent(input.sla.credits)

# A credit mechanism whose amounts are none (a cover page's "Uptime Credit: none" and "Response
# Time Credit: none") gives no credits: its cap and claim procedure have nothing to apply to.
no_credits if {
	lib.stated(input.sla.credits)
	amounts_absent
}

amounts_absent if {
	lib.absent(input.sla.credits.tiers)
	lib.absent(input.sla.credits.response_time_credit)
}
