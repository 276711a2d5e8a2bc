# METADATA
# title: Credits that are the only remedy come with an exit for repeated failure
# description: >-
#   Service credits are small and capped. Where they are the buyer's only remedy for a missed
#   service level, the buyer must at least be able to terminate when the level is missed again and
#   again (for example two months out of three), or it stays bound to a service that does not work.
#   Credits that leave the buyer's other remedies intact pass. A document without service credits
#   is not judged here (sla/binding already fails it). Where a separate SLA that the deal does not
#   provide sets the service levels, the answer is unknown.
# custom:
#   id: sla/chronic-failure
#   severity: warning
#   references:
#     - "DORA (Regulation (EU) 2022/2554) art. 28(7)(a) (termination where the provider significantly breaches
#       the contractual terms)"
#     - "DORA art. 30(2)(h) (termination rights)"
#   remediation: >-
#     Ask for a right to terminate, with a refund of prepaid fees, when the service level is missed in a
#     set number of measurement periods (for example two out of any three consecutive months), or for
#     the credits not to be the only remedy.
package termlint.rules.sla.chronic_failure

import data.termlint.lib
import data.termlint.lib.sla as sla_lib

params := data.termlint.params.sla.chronic_failure

sla := input.sla

applies := false if lib.absent(sla)

# Unclear service levels may hold credits whatever the encoding shows: unknown, never not applicable.
else if lib.ambiguous(sla)

else := false if sla.location == "none"

else := false if sla_lib.no_credits

else := true

deny contains lib.finding(
	concat("", [
		"the service credits are the buyer's only remedy when the service level is missed, and the buyer cannot ",
		"terminate however often it is missed; the playbook expects a right to terminate after repeated failure",
	]),
	["sla", "chronic_failure"],
) if {
	not sla_lib.separate
	not unclear_amount
	sole_remedy
	lib.absent(sla.chronic_failure)
	not lib.unclear(["sla", "chronic_failure"])
}

deny contains lib.finding(msg, ["sla", "chronic_failure", "misses"]) if {
	not sla_lib.separate
	not unclear_amount
	sole_remedy
	sla.chronic_failure.misses > params.max_misses
	msg := sprintf(
		concat("", [
			"the service credits are the buyer's only remedy, and it may terminate only after %d missed %s; ",
			"the playbook expects a right to terminate after at most %d",
		]),
		[sla.chronic_failure.misses, periods, params.max_misses],
	)
	not lib.unclear(["sla", "chronic_failure", "misses"])
}

unknown contains lib.finding(msg, ["sla"]) if {
	sla_lib.separate
	msg := sprintf(
		"%s; whether the buyer may leave after repeated failure cannot be judged",
		[sla_lib.where_separate],
	)
}

unknown contains lib.finding("service levels have not been encoded", []) if not sla

unknown contains lib.finding(lib.reason(sla, "the service levels"), ["sla"]) if lib.ambiguous(sla)

unknown contains lib.finding(
	lib.reason(sla.chronic_failure, "the right to terminate after repeated failure"),
	["sla", "chronic_failure"],
) if {
	not sla_lib.separate
	lib.ambiguous(sla.chronic_failure)
}

unknown contains lib.finding(lib.reason(sla.credits, "the service credits"), ["sla", "credits"]) if {
	not sla_lib.separate
	lib.ambiguous(sla.credits)
}

# Credit amounts marked unclear, where no other amount is stated, may be none: whether the SLA grants
# credits at all, and so whether the rule applies, is for a person to read.
unknown contains lib.finding(lib.reason(sla.credits[k], amount_words[k]), ["sla", "credits", k]) if {
	not sla_lib.separate
	lib.stated(sla.credits)
	not stated_amount
	some k, _ in amount_words
	lib.ambiguous(sla.credits[k])
}

unknown contains lib.finding(msg, ["sla"]) if {
	lib.stated(sla)
	not sla_lib.separate
	not sla.location == "none"
	not sla_lib.no_credits
	not unclear
	missing := [w | some k, w in needed; not encoded(k)]
	count(missing) > 0
	msg := sprintf(
		"the remedies for a missed service level cannot be judged; not encoded: %s",
		[concat(", ", sort(missing))],
	)
}

# unclear: the credits or the exit are marked ambiguous or left to a document not provided; the
# unknowns above say which. (A helper rule, since a call in `not` on an undefined key would fail.)
unclear if lib.ambiguous(sla.credits)

unclear if lib.ambiguous(sla.chronic_failure)

unclear if unclear_amount

# amount_words: the credit amounts a cover page may set, each in words for a message.
amount_words := {
	"tiers": "the credit for missed availability",
	"response_time_credit": "the credit for missed response times",
}

# stated_amount: an amount of credit neither absent nor unclear, so there are credits whatever the
# unclear ones say.
stated_amount if {
	some k, _ in amount_words
	x := sla.credits[k]
	not lib.absent(x)
	not lib.ambiguous(x)
}

unclear_amount if {
	not stated_amount
	some k, _ in amount_words
	lib.ambiguous(sla.credits[k])
}

# needed: what this rule must know, with words for an unknown message. Either fact may settle it.
needed := {
	"sole_remedy": "whether the service credits are the only remedy",
	"chronic_failure": "whether the buyer may terminate after repeated failure",
}

# Other remedies kept, or a right to terminate stated: enough to decide.
encoded("sole_remedy") if lib.has_key(sla.credits, "sole_remedy")

encoded("sole_remedy") if lib.stated(sla.chronic_failure)

encoded("chronic_failure") if lib.has_key(sla, "chronic_failure")

encoded("chronic_failure") if sla.credits.sole_remedy == false

sole_remedy if sla.credits.sole_remedy == true

# periods: "measurement periods", or "months" when the SLA measures per calendar month.
periods := "months" if sla.measurement_period.text == "1mo"

else := "measurement periods"
