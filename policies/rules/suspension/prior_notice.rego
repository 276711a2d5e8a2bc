# METADATA
# title: The vendor suspends only after prior written notice
# description: >-
#   Every right of the vendor to suspend its performance at its own choice (for non-payment,
#   breach, maintenance or any other ground) must require written notice to the buyer at least a
#   set number of days beforehand (default 5). A right to suspend without notice, or with shorter
#   notice, does not meet the playbook. Suspension for force majeure alone is not judged here: it
#   is not a sanction the vendor chooses, and the force-majeure clause is weighed by the liability
#   rules. A document that gives the vendor no right to suspend passes.
# custom:
#   id: suspension/prior-notice
#   severity: warning
#   references:
#     - "NL Civil Code art. 6:236(c), by reflex effect between businesses (black list: a suspension right for the user
#       wider than the law gives) (to confirm)"
#   remediation: >-
#     Require written notice of at least 5 days before any suspension, stating the ground and how to
#     cure it, limit the suspension to the affected service and its duration to the cause; for
#     planned maintenance, agree announced maintenance windows. An immediate suspension for an
#     acute security incident may be acceptable if narrowly drawn and followed by prompt notice.
package termlint.rules.suspension.prior_notice

import data.termlint.lib

params := data.termlint.params.suspension.prior_notice

susp := input.suspension

# Suspension rights the vendor holds (alone or with the buyer).
vendor_parties := {"vendor", "both"}

# Suspension whose only ground is force majeure is not the vendor's choice.
force_majeure_only(s) if {
	count(s.grounds) > 0
	every g in s.grounds {
		g == "force_majeure"
	}
}

deny contains lib.finding(msg, ["suspension", i, "prior_notice"]) if {
	some i, s in lib.list(susp)
	s.by in vendor_parties
	not force_majeure_only(s)
	lib.days(s.prior_notice) < params.min_days
	msg := sprintf(
		"the vendor may suspend performance (%s)%s %s; the playbook requires written notice of at least %v days",
		[grounds_words(s), scope_words(s), notice_words(s.prior_notice), params.min_days],
	)
	not lib.unclear(["suspension", i, "prior_notice"])
}

unknown contains lib.finding("the rights to suspend performance have not been encoded", []) if not susp

unknown contains lib.finding(
	lib.reason(susp, "the rights to suspend performance"),
	["suspension"],
) if lib.ambiguous(susp)

unknown contains lib.finding(lib.reason(s, "this right to suspend"), ["suspension", i]) if {
	some i, s in lib.list(susp)
	lib.ambiguous(s)
}

unknown contains lib.finding(
	"a right to suspend is recorded without saying which party holds it",
	["suspension", i],
) if {
	some i, s in lib.list(susp)
	lib.stated(s)
	not s.by
}

unknown contains lib.finding(msg, ["suspension", i]) if {
	some i, s in lib.list(susp)
	s.by in vendor_parties
	not s.prior_notice
	msg := sprintf(
		"the vendor may suspend performance (%s), but the notice it must give has not been encoded",
		[grounds_words(s)],
	)
}

grounds_words(s) := sprintf("grounds: %s", [lib.labels(s.grounds)]) if count(s.grounds) > 0

else := "ground not encoded"

scope_words(s) := object.get({"full": " in full", "partial": " in part"}, object.get(s, "scope", ""), "")

notice_words(d) := "without any prior notice" if d.days == 0

else := sprintf("with only %s of notice", [lib.duration_words(d)])
