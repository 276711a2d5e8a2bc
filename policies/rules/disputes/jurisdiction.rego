# METADATA
# title: Governing law and forum are the buyer's
# description: >-
#   The contract must state its governing law explicitly, and that law must be on the buyer's list
#   (default Belgian or Dutch law); a document silent on the law does not meet the playbook. Disputes
#   go to a kind of forum the buyer accepts (default the ordinary courts, or mediation followed by
#   the courts; binding advice and arbitration only where allowed), in an accepted country, and the
#   vendor may not keep an extra forum for itself alone (such as also suing at the buyer's seat, or
#   keeping the courts open while the buyer is sent to binding advice). A document silent on the
#   forum leaves disputes to the courts competent under the general rules, which passes.
# custom:
#   id: disputes/jurisdiction
#   severity: error
#   references:
#     - Buyer policy
#     - "BE Code of Economic Law art. VI.91/3 (a clause creating a clear imbalance between the parties' rights, such as
#       a choice of forum open to the vendor alone)"
#   remediation: >-
#     Have the contract state Belgian or Dutch law expressly, give disputes to the ordinary courts
#     of the buyer's (or a neutral) district in Belgium or the Netherlands, and strike any forum
#     reserved to the vendor alone, or open it to both parties alike. Accept binding advice or
#     arbitration only where the buyer has chosen it.
package termlint.rules.disputes.jurisdiction

import data.termlint.lib

params := data.termlint.params.disputes.jurisdiction

law := input.governing_law

disp := input.disputes

deny contains lib.finding(msg, ["governing_law"]) if {
	lib.absent(law)
	msg := sprintf(
		"the document does not state which law governs the contract; the playbook requires an explicit choice of %s law",
		[one_of(params.allowed_law)],
	)
	not lib.unclear(["governing_law"])
}

# An ISO 3166-2 value (US-DE, GB-ENG) is judged by its country.
deny contains lib.finding(msg, ["governing_law", "value"]) if {
	not split(law.value, "-")[0] in params.allowed_law
	msg := sprintf(
		"the contract is governed by %s law; the playbook accepts only %s law",
		[law.value, one_of(params.allowed_law)],
	)
	not lib.unclear(["governing_law", "value"])
}

deny contains lib.finding(msg, ["disputes", "forum"]) if {
	forum := disp.forum
	not forum in params.allowed_forums
	msg := sprintf(
		"disputes are decided by %s%s%s; the playbook accepts only %s",
		[forum_words[forum], venue_words, ousts[forum], one_of([lib.label(f) | some f in params.allowed_forums])],
	)
	not lib.unclear(["disputes", "forum"])
}

deny contains lib.finding(msg, ["disputes", "country"]) if {
	country := disp.country
	not country in params.allowed_forum_countries
	msg := sprintf(
		"disputes go to a forum in %s%s; the playbook accepts a forum in %s only",
		[country, venue_words, one_of(params.allowed_forum_countries)],
	)
	not lib.unclear(["disputes", "country"])
}

deny contains lib.finding(msg, ["disputes", "asymmetric_options", i]) if {
	some i, opt in lib.list(disp.asymmetric_options)
	opt.party == "vendor"
	msg := sprintf(
		concat("", [
			"the vendor alone may also take disputes to %s, an option the buyer does not have; the playbook accepts no extra ",
			"forum for the vendor alone",
		]),
		[object.get(opt, "forum", "another forum")],
	)
	not lib.unclear(["disputes", "asymmetric_options", i])
}

unknown contains lib.finding("the governing law has not been encoded", []) if not law

unknown contains lib.finding(lib.reason(law, "the governing law"), ["governing_law"]) if lib.ambiguous(law)

unknown contains lib.finding("the governing law is recorded without its country", ["governing_law"]) if {
	lib.stated(law)
	not law.value
}

unknown contains lib.finding("the forum for disputes has not been encoded", []) if not disp

unknown contains lib.finding(lib.reason(disp, "the forum for disputes"), ["disputes"]) if lib.ambiguous(disp)

unknown contains lib.finding(
	"the forum for disputes is recorded without its kind (courts, arbitration, binding advice, mediation then courts)",
	["disputes"],
) if {
	lib.stated(disp)
	not disp.forum
}

unknown contains lib.finding("the forum for disputes is recorded without its country", ["disputes"]) if {
	lib.stated(disp)
	not disp.country
}

unknown contains lib.finding(
	"whether either party may also go to a forum of its own has not been encoded (asymmetric_options)",
	["disputes"],
) if {
	lib.stated(disp)
	not disp.asymmetric_options
}

unknown contains lib.finding(
	lib.reason(disp.asymmetric_options, "an extra forum for one party"),
	["disputes", "asymmetric_options"],
) if {
	lib.ambiguous(disp.asymmetric_options)
}

unknown contains lib.finding(lib.reason(opt, "this extra forum"), ["disputes", "asymmetric_options", i]) if {
	some i, opt in lib.list(disp.asymmetric_options)
	lib.ambiguous(opt)
}

unknown contains lib.finding(
	"an extra forum is recorded without saying which party may use it",
	["disputes", "asymmetric_options", i],
) if {
	some i, opt in lib.list(disp.asymmetric_options)
	lib.stated(opt)
	not opt.party
}

forum_words := {
	"courts": "the ordinary courts",
	"arbitration": "arbitration",
	"binding_advice": "binding advice",
	"mediation_then_courts": "mediation, then the courts",
}

# Forms of forum that take the dispute away from the state courts altogether.
ousts := {
	"courts": "",
	"arbitration": ", which takes disputes away from the ordinary courts",
	"binding_advice": ", which takes disputes away from the ordinary courts",
	"mediation_then_courts": "",
}

venue_words := sprintf(" (%s)", [disp.venue]) if disp.venue

else := ""

# "BE or NL", "BE, DE or NL".
one_of(xs) := s if {
	l := sort([x | some x in xs])
	count(l) > 1
	s := sprintf("%s or %s", [concat(", ", array.slice(l, 0, count(l) - 1)), l[count(l) - 1]])
} else := concat("", [x | some x in xs])
