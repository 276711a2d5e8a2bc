# METADATA
# title: The buyer gets its data back at exit, free, with time to retrieve it
# description: >-
#   At the end of the contract the buyer must be able to get its data back, free of charge, with a
#   retrieval window of at least a set number of days (default 30). A document silent on the return
#   of data, a vendor that need not return it, a charge for the return, or a window shorter than
#   the minimum does not meet the playbook. A document that does not say whether the return is
#   charged needs a person to check the vendor's rates (unknown). A processor agreement that
#   returns personal data at the buyer's choice (GDPR art. 28(3)(g)) does not stand in for the
#   exit clause: it covers only personal data and sets no retrieval window or charge; the finding
#   says so.
# custom:
#   id: exit/data-return
#   severity: error
#   references:
#     - GDPR art. 28(3)(g) (at the end of the services the processor returns or deletes the personal data, at the
#       controller's choice)
#     - DORA art. 30(2)(d) (access, recovery and return of data on termination)
#     - EU Data Act art. 25 (switching between data processing services; data export during a transition period)
#   remediation: >-
#     Add an exit clause: on any end of the contract the vendor returns all of the buyer's data in a
#     common, machine-readable format, free of charge, and keeps it available for retrieval for at
#     least 30 days (longer for large data sets) before deleting it, and confirms deletion.
package termlint.rules.exit.data_return

import data.termlint.lib
import data.termlint.lib.deal

params := data.termlint.params.exit.data_return

ex := input.exit

ret := ex.data_return

deny contains lib.finding(
	sprintf(
		"the document says nothing about the end of the contract: the buyer has no right to get its data back%s",
		[dpa_words],
	),
	["exit"],
) if {
	lib.absent(ex)
	not lib.unclear(["exit"])
}

deny contains lib.finding(
	sprintf("the document gives the buyer no right to get its data back at the end of the contract%s", [dpa_words]),
	["exit", "data_return"],
) if {
	lib.absent(ret)
	not lib.unclear(["exit", "data_return"])
}

deny contains lib.finding(
	"the vendor need not return the buyer's data at the end of the contract; the playbook requires the data back",
	["exit", "data_return", "available"],
) if {
	ret.available == false
	not lib.unclear(["exit", "data_return", "available"])
}

deny contains lib.finding(msg, ["exit", "data_return", "window"]) if {
	ret.available == true
	lib.days(ret.window) < params.min_window_days
	msg := sprintf("%s; the playbook requires at least %v days", [window_words(ret.window), params.min_window_days])
	not lib.unclear(["exit", "data_return", "window"])
}

deny contains lib.finding(
	"the buyer must pay to get its data back; the playbook requires the return free of charge",
	["exit", "data_return", "charge"],
) if {
	ret.available == true
	ret.charge == "charged"
	not lib.unclear(["exit", "data_return", "charge"])
}

unknown contains lib.finding("the exit arrangements have not been encoded", []) if not ex

unknown contains lib.finding(lib.reason(ex, "the exit arrangements"), ["exit"]) if lib.ambiguous(ex)

unknown contains lib.finding("the return of the buyer's data has not been encoded", ["exit"]) if {
	lib.stated(ex)
	not ret
}

unknown contains lib.finding(lib.reason(ret, "the return of data"), ["exit", "data_return"]) if lib.ambiguous(ret)

unknown contains lib.finding(
	"the return of data is recorded without saying whether the buyer gets its data back",
	["exit", "data_return"],
) if {
	lib.stated(ret)
	not available_stated
}

unknown contains lib.finding("the window to retrieve the data has not been encoded", ["exit", "data_return"]) if {
	ret.available == true
	not ret.window
}

unknown contains lib.finding("whether the return of data is charged has not been encoded", ["exit", "data_return"]) if {
	ret.available == true
	not ret.charge
}

unknown contains lib.finding(
	concat("", [
		"the document does not say whether the buyer pays to get its data back; the playbook requires the return free of ",
		"charge, so a person must check the vendor's rates",
	]),
	["exit", "data_return", "charge"],
) if {
	ret.available == true
	ret.charge == "not_stated"
}

# dpa_words: what the processor agreement adds, when the deal has it encoded and it returns
# personal data.
dpa_words := concat("", [
	" (the processor agreement returns personal data at the buyer's choice, but covers no other data and sets ",
	"no retrieval window or charge)",
]) if {
	deal.dpa.deletion.choice in {"controller_choice", "return"}
} else := ""

available_stated if ret.available == true

available_stated if ret.available == false

window_words(w) := "the buyer has no time after the end to retrieve its data" if w.days == 0

else := sprintf("the buyer has only %s after the end to retrieve its data", [lib.duration_words(w)])
