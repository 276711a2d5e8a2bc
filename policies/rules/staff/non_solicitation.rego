# METADATA
# title: Non-solicitation of the vendor's staff is limited in time and penalty
# description: >-
#   A non-solicitation or no-hire clause that binds the buyer (alone or together with the vendor)
#   may last at most a set time after the contract ends (default 12 months), and its penalty may be
#   at most a set number of months of gross salary (default 6). A penalty that runs per day, week or
#   month has no ceiling and does not meet the playbook. A fixed amount cannot be compared with a
#   maximum in months of salary without the salaries concerned, so a person must weigh it (unknown).
#   Compensation of the vendor's actual, proven damage is not a penalty and passes, as does a clause
#   with no penalty at all. No clause at all, or one that binds only the vendor, is not applicable.
# custom:
#   id: staff/non-solicitation
#   severity: error
#   references:
#     - Buyer policy
#     - "BE Civil Code art. 5.88 (the court may reduce a manifestly excessive penalty clause) (to confirm)"
#     - "NL Civil Code art. 6:94 (moderation of a contractual penalty) (to confirm)"
#   remediation: >-
#     Limit the clause to the term of the contract and at most 12 months after it, to staff the
#     buyer actually worked with, and cap the penalty at 6 months of gross salary per person (or
#     replace it with proven damage); strike penalties that run per day or without a ceiling.
package termlint.rules.staff.non_solicitation

import data.termlint.lib

params := data.termlint.params.staff.non_solicitation

ns := input.non_solicitation

# Parties whose being bound restricts the buyer.
binds_buyer_values := {"customer", "both"}

default applies := true

# No non-solicitation clause at all: nothing restricts the buyer.
applies := false if lib.absent(ns)

# A clause binding only the vendor protects the buyer; this rule does not judge it.
applies := false if ns.binds == "vendor"

binds_buyer if ns.binds in binds_buyer_values

deny contains lib.finding(msg, ["non_solicitation", "after_term"]) if {
	binds_buyer
	lib.days(ns.after_term) > params.max_after_days
	msg := sprintf(
		concat("", [
			"the buyer may not hire or approach the vendor's staff for %s after the contract ends; the playbook accepts at ",
			"most %s",
		]),
		[lib.duration_words(ns.after_term), lib.days_words(params.max_after_days)],
	)
	not lib.unclear(["non_solicitation", "after_term"])
}

deny contains lib.finding(msg, ["non_solicitation", "penalty", "months"]) if {
	binds_buyer
	ns.penalty.basis == "salary_months"
	ns.penalty.months > params.max_penalty_months
	msg := sprintf(
		concat("", [
			"the penalty for hiring or approaching the vendor's staff is %v months of gross salary%s; the playbook accepts at ",
			"most %v months",
		]),
		[ns.penalty.months, per_words(ns.penalty), params.max_penalty_months],
	)
	not lib.unclear(["non_solicitation", "penalty", "months"])
}

deny contains lib.finding(msg, ["non_solicitation", "penalty", "per"]) if {
	binds_buyer
	ns.penalty.basis in {"salary_months", "fixed"}
	running(ns.penalty.per)
	msg := sprintf(
		concat("", [
			"the penalty is owed %s, so it keeps running and has no ceiling; the playbook accepts at most %v months of gross ",
			"salary in all",
		]),
		[ns.penalty.per, params.max_penalty_months],
	)
	not lib.unclear(["non_solicitation", "penalty", "per"])
}

unknown contains lib.finding("the non-solicitation clause has not been encoded", []) if not ns

unknown contains lib.finding(lib.reason(ns, "the non-solicitation clause"), ["non_solicitation"]) if lib.ambiguous(ns)

unknown contains lib.finding(
	"the non-solicitation clause is recorded without saying whom it binds",
	["non_solicitation"],
) if {
	lib.stated(ns)
	not ns.binds
}

unknown contains lib.finding(
	"how long the non-solicitation clause binds the buyer after the contract ends has not been encoded",
	["non_solicitation"],
) if {
	binds_buyer
	not ns.after_term
}

unknown contains lib.finding(
	"whether the non-solicitation clause carries a penalty has not been encoded",
	["non_solicitation"],
) if {
	binds_buyer
	not ns.penalty
}

unknown contains lib.finding(
	lib.reason(ns.penalty, "the non-solicitation penalty"),
	["non_solicitation", "penalty"],
) if {
	binds_buyer
	lib.ambiguous(ns.penalty)
}

unknown contains lib.finding(
	"the non-solicitation penalty is recorded without its basis (months of salary, fixed amount or actual damage)",
	["non_solicitation", "penalty"],
) if {
	binds_buyer
	lib.stated(ns.penalty)
	not ns.penalty.basis
}

unknown contains lib.finding(
	"the non-solicitation penalty is measured in months of salary, but the number of months has not been encoded",
	["non_solicitation", "penalty"],
) if {
	binds_buyer
	ns.penalty.basis == "salary_months"
	not ns.penalty.months
}

unknown contains lib.finding(
	"the non-solicitation penalty is a fixed amount, but the amount has not been encoded",
	["non_solicitation", "penalty"],
) if {
	binds_buyer
	ns.penalty.basis == "fixed"
	not ns.penalty.amount
}

# A fixed sum cannot be set against a maximum in months of salary without knowing the salaries.
unknown contains lib.finding(msg, ["non_solicitation", "penalty", "amount"]) if {
	binds_buyer
	ns.penalty.basis == "fixed"
	amount := ns.penalty.amount
	msg := sprintf(
		concat("", [
			"the penalty is a fixed %s%s; the playbook accepts at most %v months of gross salary, so a person must compare ",
			"it with the salaries of the staff concerned",
		]),
		[lib.money(amount.currency, amount.amount), per_words(ns.penalty), params.max_penalty_months],
	)
}

# A penalty owed per day, week or month of breach has no ceiling.
running(per) if regex.match(`(?i)\b(per|elke|iedere|each|every|a)\s+(kalender|werk)?(dag|day|week|maand|month)`, per)

# " (per werknemer)": what the penalty is owed for, as the contract says it.
per_words(pen) := sprintf(" (%s)", [pen.per]) if regex.match(`(?i)^(per|elke|iedere|each|every|a|bij)\b`, pen.per)

else := sprintf(" (per %s)", [pen.per]) if pen.per

else := ""
