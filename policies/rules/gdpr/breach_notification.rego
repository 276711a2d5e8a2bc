# METADATA
# title: The vendor notifies a personal data breach within a short deadline
# description: >-
#   Where the vendor processes personal data for the buyer as processor, it must notify the buyer of
#   a personal data breach within a fixed deadline of at most 48 hours (params, in days) after
#   becoming aware of it. Art. 33 gives the buyer, as controller, 72 hours from its own awareness to
#   notify the supervisory authority, and art. 33(2) asks the processor only to notify "without
#   undue delay": a processor deadline of 72 hours would use up the controller's whole period, so
#   the playbook leaves the buyer at least a day to assess the breach and notify. "Without undue
#   delay" with no deadline does not meet the playbook unless params accept it. The deadline is
#   read from the processor agreement when the deal has it encoded, else from the main terms.
#   Silence fails where the vendor offers no processor agreement at all; where the terms refer to a
#   separate processor agreement that is not encoded, that agreement may set the deadline, so a
#   person must check it (unknown). Not applicable where the vendor is only a controller or
#   processes no personal data for the buyer.
# custom:
#   id: gdpr/breach-notification
#   severity: error
#   references:
#     - GDPR art. 33(2) (the processor notifies the controller without undue delay after becoming aware of a breach)
#     - GDPR art. 33(1) (the controller notifies the supervisory authority within 72 hours)
#     - GDPR art. 28(3)(f) (the processor assists the controller with arts. 32 to 36)
#   remediation: >-
#     Ask that the vendor notify the buyer of any personal data breach without undue delay and in any
#     case within 48 hours (24 hours for critical services) of becoming aware of it, with the
#     information art. 33(3) requires, supplemented as it becomes known.
package termlint.rules.gdpr.breach_notification

import data.termlint.lib
import data.termlint.lib.deal
import data.termlint.lib.gdpr

params := data.termlint.params.gdpr.breach_notification

dp := input.data_protection

processor_roles := {"processor", "both", "not_stated"}

# Processor-agreement forms kept outside the encoded document.

separate_forms := {"separate_signed", "separate_on_request", "vendor_standard_online"}

# The processor agreement's clause when the deal has one encoded, else the main terms'.

group := "dpa" if deal.dpa.breach_notification

else := "data_protection"

bn := input[group].breach_notification

path := [group, "breach_notification"]

default applies := true

applies := false if {
	not deal.dpa
	dp.role.value == "controller"
}

applies := false if {
	not deal.dpa
	lib.absent(dp)
}

processor if deal.dpa
processor if dp.role.value in processor_roles

# silent_words: the vendor need not notify; a role the terms do not state is a presumption, and the
# message says so.
silent_words := sprintf("%sthe terms do not require it to notify the buyer of a personal data breach", [
	gdpr.presumed_prefix(dp),
]) if {
	gdpr.presumed(dp)
} else := "the vendor processes personal data as processor but need not notify the buyer of a personal data breach"

limit_words := sprintf("%v hours", [params.max_days * 24])

deny contains lib.finding(msg, array.concat(path, ["within"])) if {
	lib.days(bn.within) > params.max_days
	msg := sprintf(
		concat("", [
			"the vendor must notify a personal data breach within %s; the playbook asks for at most %s, so that the ",
			"buyer can notify the authority within its own 72 hours (art. 33)",
		]),
		[lib.duration_words(bn.within), limit_words],
	)
	not lib.unclear(array.concat(path, ["within"]))
}

deny contains lib.finding(msg, path) if {
	bn.without_undue_delay == true
	not bn.within
	not params.accept_undue_delay
	msg := sprintf(
		concat("", [
			"the vendor must notify a personal data breach only \"without undue delay\", with no deadline; the playbook ",
			"asks for at most %s",
		]),
		[limit_words],
	)
	not lib.unclear(path)
}

deny contains lib.finding(msg, path) if {
	processor
	lib.absent(bn)
	not dpa_elsewhere
	msg := sprintf("%s; the playbook asks for at most %s", [silent_words, limit_words])
	not lib.unclear(path)
}

unknown contains lib.finding(msg, path) if {
	processor
	lib.absent(bn)
	dpa_elsewhere
	msg := sprintf(
		concat("", [
			"these terms set no deadline for notifying a personal data breach, but the processor agreement %s; ",
			"a person must check its breach clause",
		]),
		[elsewhere_words],
	)
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

unknown contains lib.finding("the notification of personal data breaches has not been encoded", [group]) if {
	processor
	encoded
	not bn
}

unknown contains lib.finding(lib.reason(bn, "the notification of personal data breaches"), path) if {
	processor
	lib.ambiguous(bn)
}

unknown contains lib.finding("the deadline for notifying a personal data breach has not been encoded", path) if {
	processor
	lib.stated(bn)
	not bn.within
	not bn.without_undue_delay == true
}

# encoded: the deal has a processor agreement, or the main terms have a data-protection section.
encoded if deal.dpa
encoded if lib.stated(dp)

# The processor agreement is, or may be, a document of its own that was not encoded.
dpa_elsewhere if {
	not deal.dpa
	deal.missing("dpa")
}

dpa_elsewhere if {
	not deal.dpa
	dp.processor_agreement.form in separate_forms
}

dpa_elsewhere if {
	not deal.dpa
	lib.ambiguous(dp.processor_agreement)
}

dpa_elsewhere if {
	not deal.dpa
	lib.stated(dp)
	not dp.processor_agreement
}

elsewhere_words := sprintf("is referred to%s but %s", [deal.reference("dpa"), deal.missing_words("dpa")]) if {
	deal.missing("dpa")
} else := sprintf("(%s) is a separate document that has not been encoded", [lib.label(form)]) if {
	form := dp.processor_agreement.form
} else := "has not been encoded"
