# METADATA
# title: Tacit renewal is short and easy to stop
# description: >-
#   Where a term renews automatically, each renewal lasts at most a set period (default 12 months)
#   and the notice needed to stop it is at most a set period (default 60 days); the buyer must be
#   able to give that notice itself. Every term (one per service type) is checked. A contract
#   without any automatic renewal is not applicable. Durations are compared in whole days, so two
#   months (60.8 days) count as 60.
# custom:
#   id: term/auto-renewal
#   severity: warning
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: tacit renewal of a fixed-term contract without a reasonable
#       notice period)"
#     - CUAD "Renewal Term" and "Notice Period to Terminate Renewal"
#   remediation: >-
#     Negotiate renewals of at most twelve months and a notice period of at most sixty days to stop
#     them, open to the buyer by ordinary written notice (e-mail), or a term that simply ends.
package termlint.rules.term.auto_renewal

import data.termlint.lib

params := data.termlint.params.term.auto_renewal

terms := lib.list(input.term)

# whole_days of a duration: the loader counts a month as 365/12 days, so 2mo is 60.8 days; a limit
# in days written for "two months" should not fail on the fraction.
whole_days(d) := floor(lib.days(d))

# renewing lists the terms that renew automatically, by index.
renewing contains i if {
	some i, t in terms
	lib.stated(t)
	lib.stated(t.auto_renewal)
	t.auto_renewal.renews == true
}

# Not applicable when no term renews automatically: the document has no term clause at all, or
# every term is silent on renewal or says it does not renew.
default applies := true

applies := false if lib.absent(input.term)

applies := false if {
	is_array(input.term)
	every t in input.term {
		not_renewing(t)
	}
}

not_renewing(t) if lib.absent(t)

not_renewing(t) if {
	lib.stated(t)
	lib.absent(t.auto_renewal)
}

not_renewing(t) if {
	lib.stated(t)
	lib.stated(t.auto_renewal)
	t.auto_renewal.renews == false
}

deny contains lib.finding(msg, ["term", i, "auto_renewal", "period"]) if {
	some i in renewing
	period := terms[i].auto_renewal.period
	whole_days(period) > params.max_period_days
	msg := sprintf(
		"%sthe term renews automatically for %s at a time; the playbook accepts renewals of at most %s",
		[lib.for_applies_to(terms[i]), lib.duration_words(period), lib.days_words(params.max_period_days)],
	)
	not lib.unclear(["term", i, "auto_renewal", "period"])
}

deny contains lib.finding(msg, ["term", i, "auto_renewal", "notice"]) if {
	some i in renewing
	notice := terms[i].auto_renewal.notice
	whole_days(notice) > params.max_notice_days
	msg := sprintf(
		concat("", [
			"%sthe notice to stop the automatic renewal is %s (%v days) before the end of the term; the playbook accepts at ",
			"most %s",
		]),
		[
			lib.for_applies_to(terms[i]),
			lib.duration_words(notice),
			whole_days(notice),
			lib.days_words(params.max_notice_days),
		],
	)
	not lib.unclear(["term", i, "auto_renewal", "notice"])
}

deny contains lib.finding(msg, ["term", i, "auto_renewal", "notice_by"]) if {
	some i in renewing
	terms[i].auto_renewal.notice_by == "vendor"
	msg := sprintf(
		concat("", [
			"%sonly the vendor may give notice to stop the automatic renewal; the playbook expects the buyer to be able to ",
			"stop it",
		]),
		[lib.for_applies_to(terms[i])],
	)
	not lib.unclear(["term", i, "auto_renewal", "notice_by"])
}

unknown contains lib.finding("the term of the contract has not been encoded", []) if not input.term

unknown contains lib.finding(lib.reason(input.term, "the term"), ["term"]) if lib.ambiguous(input.term)

unknown contains lib.finding(lib.reason(t, "this term"), ["term", i]) if {
	some i, t in terms
	lib.ambiguous(t)
}

unknown contains lib.finding(msg, ["term", i]) if {
	some i, t in terms
	lib.stated(t)
	not t.auto_renewal
	msg := sprintf("%swhether the term renews automatically has not been encoded", [lib.for_applies_to(t)])
}

unknown contains lib.finding(lib.reason(t.auto_renewal, "the automatic renewal"), ["term", i, "auto_renewal"]) if {
	some i, t in terms
	lib.stated(t)
	lib.ambiguous(t.auto_renewal)
}

unknown contains lib.finding(msg, ["term", i, "auto_renewal"]) if {
	some i, t in terms
	lib.stated(t)
	lib.stated(t.auto_renewal)
	not is_boolean(object.get(t.auto_renewal, "renews", null))
	msg := sprintf(
		"%swhether the term renews automatically has not been encoded (auto_renewal.renews)",
		[lib.for_applies_to(t)],
	)
}

unknown contains lib.finding(msg, ["term", i, "auto_renewal"]) if {
	some i in renewing
	some key in ["period", "notice"]
	not terms[i].auto_renewal[key]
	msg := sprintf(
		"%sthe term renews automatically, but the renewal %s has not been encoded",
		[lib.for_applies_to(terms[i]), key],
	)
}
