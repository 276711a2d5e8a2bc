# METADATA
# title: The vendor does not delete the buyer's data at or right after the end
# description: >-
#   The vendor may not delete the buyer's data, or make it inaccessible, at or right after the end
#   of the contract: the data must stay available until the buyer has had the chance to retrieve
#   it. Deletion "immediately" fails; deletion after a retention period fails when that period is
#   shorter than the buyer's retrieval window (the window the contract grants, and at least the
#   playbook's minimum window of exit/data-return, default 30 days). Deletion only on the buyer's
#   request passes, and so does a document that says nothing about deletion.
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

# This rule has no threshold of its own; "right after" is measured against the playbook's
# retrieval window of exit/data-return.
window_params := data.termlint.params.exit.data_return

ex := input.exit

del := ex.data_deletion

deny contains lib.finding(
	concat("", [
		"the vendor may delete the buyer's data, or make it inaccessible, as soon as the contract ends; the playbook ",
		"requires the data to stay available until the buyer has retrieved it",
	]),
	["exit", "data_deletion", "timing"],
) if {
	del.timing == "immediate"
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
}

# The buyer's retrieval window: the longer of the contract's own window and the playbook minimum.
contract_window := lib.days(ex.data_return.window) if ex.data_return.available == true

else := 0

required_days := max({contract_window, window_params.min_window_days})

required_words := lib.duration_words(ex.data_return.window) if contract_window > window_params.min_window_days

else := sprintf("%v days", [window_params.min_window_days])

unknown contains lib.finding("the exit arrangements have not been encoded", []) if not ex

unknown contains lib.finding(lib.reason(ex, "the exit arrangements"), ["exit"]) if lib.ambiguous(ex)

unknown contains lib.finding("the deletion of the buyer's data at the end has not been encoded", ["exit"]) if {
	lib.stated(ex)
	not del
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
