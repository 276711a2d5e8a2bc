# METADATA
# title: The vendor does not delete the buyer's data at or right after the end
# description: >-
#   The vendor may not delete the buyer's data, or make it inaccessible, at or right after the end
#   of the contract: the data must stay available until the buyer has had the chance to retrieve
#   it. Deletion "immediately" fails; deletion after a retention period fails when that period is
#   shorter than the buyer's retrieval window (the window the contract grants, and at least the
#   playbook's minimum window of exit/data-return, default 30 days). Deletion only on the buyer's
#   request passes, and so does a document that says nothing about deletion. Where the main terms
#   do not record the deletion and the deal has the processor agreement encoded, its deletion clause
#   (GDPR art. 28(3)(g)) is read: deletion or return at the buyer's choice passes; deletion by the
#   vendor is judged by when it may happen. Where both speak, the main terms are read: they cover
#   all of the buyer's data, the processor agreement only its personal data.
# custom:
#   id: exit/no-immediate-deletion
#   severity: error
#   references:
#     - GDPR art. 28(3)(g) (deletion or return of the personal data at the choice of the controller)
#   remediation: >-
#     Have the vendor keep the buyer's data, unchanged and accessible, for at least the retrieval
#     window after any end of the contract (30 days or more), delete it only after that window or on
#     the buyer's written instruction, and confirm the deletion in writing.
package termlint.rules.exit.no_immediate_deletion

import data.termlint.lib
import data.termlint.lib.deal

# This rule has no threshold of its own; "right after" is measured against the playbook's
# retrieval window of exit/data-return.
window_params := data.termlint.params.exit.data_return

ex := input.exit

del := ex.data_deletion

# The processor agreement's deletion clause, read when the main terms do not record the deletion.
# Exit arrangements marked unclear, or left to a document not provided, may record it: they answer
# unknown, and the processor agreement, which covers only personal data, cannot settle it for them.
dpa_del := deal.dpa.deletion if {
	not del
	not lib.ambiguous(ex)
}

# vendor_deletes: under the processor agreement the vendor deletes without the buyer choosing.
vendor_deletes if dpa_del.choice in {"delete", "vendor_choice"}

deny contains lib.finding(
	concat("", [
		"the vendor may delete the buyer's data, or make it inaccessible, as soon as the contract ends; the playbook ",
		"requires the data to stay available until the buyer has retrieved it",
	]),
	["exit", "data_deletion", "timing"],
) if {
	del.timing == "immediate"
	not lib.unclear(["exit", "data_deletion", "timing"])
}

deny contains lib.finding(msg, ["exit", "data_deletion", "after"]) if {
	del.timing == "after_retention"
	lib.days(del.after) < required_days
	msg := sprintf(
		concat("", [
			"the vendor may delete the buyer's data %s after the end of the contract, before the buyer's retrieval window of ",
			"%s has run; the playbook requires the data to stay available until then",
		]),
		[lib.duration_words(del.after), required_words],
	)
	not lib.unclear(["exit", "data_deletion", "after"])
}

deny contains lib.finding(msg, ["dpa", "deletion", "within"]) if {
	vendor_deletes
	lib.days(dpa_del.within) < required_days
	msg := sprintf(
		concat("", [
			"the processor agreement lets the vendor delete the buyer's personal data %s after the end, before the ",
			"buyer's retrieval window of %s has run; the playbook requires the data to stay available until then",
		]),
		[lib.duration_words(dpa_del.within), required_words],
	)
	not lib.unclear(["dpa", "deletion", "within"])
}

# The buyer's retrieval window: the longer of the contract's own window and the playbook minimum.
contract_window := lib.days(ex.data_return.window) if ex.data_return.available == true

else := 0

required_days := max({contract_window, window_params.min_window_days})

required_words := lib.duration_words(ex.data_return.window) if contract_window > window_params.min_window_days

else := sprintf("%v days", [window_params.min_window_days])

# A processor agreement the deal refers to but does not provide must settle the deletion or return
# of personal data at the end (GDPR art. 28(3)(g)): terms silent on deletion pass only once a
# person has read it.
unknown contains lib.finding(msg, ["exit", "data_deletion"]) if {
	deal.missing("dpa")
	lib.absent(del)
	msg := sprintf(
		concat("", [
			"the terms say nothing about deleting the buyer's data at the end, but the processor agreement referred to%s ",
			"%s; it must say whether personal data is deleted or returned at the end (GDPR art. 28(3)(g)), so a person ",
			"must check that it does not delete the data at once",
		]),
		[deal.reference("dpa"), deal.missing_words("dpa")],
	)
}

unknown contains lib.finding("the exit arrangements have not been encoded", []) if {
	not dpa_del
	not ex
}

unknown contains lib.finding(lib.reason(ex, "the exit arrangements"), ["exit"]) if {
	not dpa_del
	lib.ambiguous(ex)
}

unknown contains lib.finding("the deletion of the buyer's data at the end has not been encoded", ["exit"]) if {
	not dpa_del
	lib.stated(ex)
	not del
}

unknown contains lib.finding(lib.reason(dpa_del, "the processor agreement's deletion clause"), ["dpa", "deletion"]) if {
	lib.ambiguous(dpa_del)
}

unknown contains lib.finding(
	"the processor agreement lets the vendor delete the buyer's personal data at the end without saying when",
	["dpa", "deletion"],
) if {
	vendor_deletes
	not dpa_del.within
}

unknown contains lib.finding(lib.reason(del, "the deletion of data"), ["exit", "data_deletion"]) if lib.ambiguous(del)

unknown contains lib.finding(
	"the deletion of data is recorded without saying when the vendor deletes",
	["exit", "data_deletion"],
) if {
	lib.stated(del)
	not del.timing
}

unknown contains lib.finding(
	"the vendor deletes after a retention period, but the period has not been encoded",
	["exit", "data_deletion"],
) if {
	del.timing == "after_retention"
	not del.after
}
