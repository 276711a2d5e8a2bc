# METADATA
# title: A price change gives the buyer an exit in time
# description: >-
#   Every way the vendor may change prices other than a pure index (no floor, no margin on top)
#   must give the buyer a right to leave, with a real window: the notice of the increase must
#   arrive before the buyer's own deadline to terminate (the notice of a termination right for
#   price changes, failing which the renewal notice of each term), or the exit must run for a
#   stated time after the notice. Not applicable when the vendor may change no prices, or only by a
#   pure index.
# custom:
#   id: price/exit-right
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: unilateral price changes without a valid reason)"
#     - "NL Civil Code art. 6:236(i) (black list: price increase within three months without a right to dissolve; by
#       reflex for business buyers) (to confirm)"
#   remediation: >-
#     Ask for written notice of any increase other than the index at least thirty days before the
#     buyer's own deadline to terminate, and a right to terminate without cost before the new price
#     applies.
package termlint.rules.price.exit_right

import data.termlint.lib
import data.termlint.lib.price

changes := lib.list(input.price_changes)

rights := lib.list(input.termination_rights)

terms := lib.list(input.term)

# The playbook gives no number for a "real" window; params has no key for it (price.exit_right is
# empty), so the smallest window that counts is a constant here: at least one whole day between
# the notice of the increase and the buyer's deadline.
min_window_days := 1

positive(pc, key) if pc[key] > 0

# pure_index: prices follow the index, down as well as up; no exit is needed. A cap that limits
# the indexed increase (cap_basis total) is a ceiling on a pure index.
pure_index(pc) if {
	price.index_linked(pc)
	not positive(pc, "cap_pct")
	not positive(pc, "floor_pct")
}

pure_index(pc) if {
	price.index_linked(pc)
	positive(pc, "cap_pct")
	pc.cap_basis == "total"
	not positive(pc, "floor_pct")
}

# margin_unclear: an index with a cap, and the encoding does not say (cap_basis) whether the cap
# comes on top of the index (not a pure index) or limits it (a pure index with a ceiling), so a
# missing exit is unknown.
margin_unclear(pc) if {
	price.index_linked(pc)
	positive(pc, "cap_pct")
	not pc.cap_basis
	not positive(pc, "floor_pct")
}

# describe says what kind of price change needs an exit, for a message.
describe(pc) := sprintf(
	"%sprices rise by at least %v %% a year whatever the index does",
	[lib.for_applies_to(pc), pc.floor_pct],
) if {
	price.index_linked(pc)
	positive(pc, "floor_pct")
} else := sprintf(
	"%sprices may rise by the index plus up to %v %% a year",
	[lib.for_applies_to(pc), pc.cap_pct],
) if {
	price.index_linked(pc)
	positive(pc, "cap_pct")
	pc.cap_basis == "above_index"
} else := sprintf("%sthe vendor may change prices %s", [lib.for_applies_to(pc), price.when[pc.trigger]]) if {
	pc.trigger
} else := sprintf("%sthe vendor may change prices", [lib.for_applies_to(pc)])

window_words(w) := "no window" if w.text == "none"

else := sprintf("a window of %s", [lib.duration_words(w)])

service(t) := sprintf(" for %s", [t.applies_to]) if t.applies_to

else := ""

# needs_exit lists the stated price changes that are not a pure index, by index.
needs_exit contains i if {
	some i, pc in changes
	lib.stated(pc)
	not pure_index(pc)
}

exit_open(pc) if {
	lib.stated(pc.customer_exit)
	pc.customer_exit.available == true
	not positive(pc.customer_exit, "threshold_pct")
}

# Deadlines of the buyer: a termination right for price changes wins over the renewal notice.
price_rights contains r if {
	some r in rights
	lib.stated(r)
	r.party in {"customer", "both"}
	"price_change" in r.grounds
	r.notice
}

renewing contains t if {
	some t in terms
	lib.stated(t)
	lib.stated(t.auto_renewal)
	t.auto_renewal.renews == true
	t.auto_renewal.notice
}

# deadlines: [text for a message, days] of each deadline the buyer must meet to leave. Of several
# termination rights for price changes the buyer may use the most favourable (the shortest notice).
deadlines contains [
	sprintf(
		"give notice %s before the end of the term under its termination right for price changes",
		[lib.duration_words(r.notice)],
	),
	lib.days(r.notice),
] if {
	some r in price_rights
	lib.days(r.notice) == min({lib.days(x.notice) | some x in price_rights})
}

deadlines contains [
	sprintf("give notice %s before the end of the term%s", [lib.duration_words(t.auto_renewal.notice), service(t)]),
	lib.days(t.auto_renewal.notice),
] if {
	count(price_rights) == 0
	some t in renewing
}

# deadline_unclear: the buyer's termination deadline may depend on a term that is not (clearly)
# encoded.
deadline_unclear if {
	count(price_rights) == 0
	term_unclear
}

term_unclear if not input.term

term_unclear if lib.ambiguous(input.term)

term_unclear if {
	some t in terms
	lib.ambiguous(t)
}

term_unclear if {
	some t in terms
	lib.stated(t)
	not t.auto_renewal
}

term_unclear if {
	some t in terms
	lib.stated(t)
	lib.ambiguous(t.auto_renewal)
}

term_unclear if {
	some t in terms
	lib.stated(t)
	lib.stated(t.auto_renewal)
	not t.auto_renewal.renews == false
	not t.auto_renewal.notice
}

# problems: [i, key at fault, what is wrong] for each price change that needs an exit; what is
# wrong is a clause that deny and unknown each put in a sentence of their own.
problems contains [i, "customer_exit", "the document gives the buyer no right to leave over it"] if {
	some i in needs_exit
	lib.absent(changes[i].customer_exit)
}

problems contains [i, "customer_exit", "the buyer has no right to leave over it"] if {
	some i in needs_exit
	ce := changes[i].customer_exit
	lib.stated(ce)
	ce.available == false
}

problems contains [i, "customer_exit", msg] if {
	some i in needs_exit
	ce := changes[i].customer_exit
	lib.stated(ce)
	ce.available == true
	positive(ce, "threshold_pct")
	msg := sprintf("the buyer may leave only over increases above %v %%", [ce.threshold_pct])
}

problems contains [i, "customer_exit", msg] if {
	some i in needs_exit
	pc := changes[i]
	exit_open(pc)
	lib.days(pc.customer_exit.window) < min_window_days
	msg := sprintf("the buyer's exit leaves it no time to act (%s)", [window_words(pc.customer_exit.window)])
}

problems contains [
	i,
	"notice",
	"the new price may apply without notice, so the buyer can only leave once it applies",
] if {
	some i in needs_exit
	pc := changes[i]
	exit_open(pc)
	not pc.customer_exit.window
	lib.days(pc.notice) < min_window_days
}

problems contains [i, "notice", msg] if {
	some i in needs_exit
	pc := changes[i]
	exit_open(pc)
	not pc.customer_exit.window
	lib.days(pc.notice) >= min_window_days
	some [deadline, days] in deadlines
	lib.days(pc.notice) - days < min_window_days
	msg := sprintf(
		concat("", [
			"the increase may be announced only %s before it applies, while the buyer must %s to leave, so the notice can ",
			"come too late to use the exit",
		]),
		[lib.duration_words(pc.notice), deadline],
	)
}

deny contains lib.finding(
	sprintf(
		concat("", [
			"%s (not a pure index), and %s; the playbook expects a right to leave with time to use it before the new price ",
			"applies",
		]),
		[describe(changes[i]), msg],
	),
	["price_changes", i, key],
) if {
	some [i, key, msg] in problems
	not margin_unclear(changes[i])
	not lib.unclear(["price_changes", i, key])
}

unknown contains lib.finding(msg, ["price_changes", i, key]) if {
	some [i, key, problem] in problems
	pc := changes[i]
	margin_unclear(pc)
	msg := sprintf(
		concat("", [
			"%sprices follow an index with a cap of %v %%; the contract model does not say whether the cap comes on top of ",
			"the index (then this is not a pure index) or limits it; if it comes on top, %s",
		]),
		[lib.for_applies_to(pc), pc.cap_pct, problem],
	)
}

unknown contains lib.finding("price changes have not been encoded", []) if not input.price_changes

unknown contains lib.finding(lib.reason(input.price_changes, "the price changes"), ["price_changes"]) if {
	lib.ambiguous(input.price_changes)
}

unknown contains lib.finding(lib.reason(pc, "this price change"), ["price_changes", i]) if {
	some i, pc in changes
	lib.ambiguous(pc)
}

unknown contains lib.finding(
	"the buyer's right to leave over this price change has not been encoded",
	["price_changes", i],
) if {
	some i in needs_exit
	not changes[i].customer_exit
}

unknown contains lib.finding(
	lib.reason(ce, "the buyer's right to leave over this price change"),
	["price_changes", i, "customer_exit"],
) if {
	some i in needs_exit
	ce := changes[i].customer_exit
	lib.ambiguous(ce)
}

unknown contains lib.finding(
	"whether the buyer may leave over this price change has not been encoded (customer_exit.available)",
	["price_changes", i, "customer_exit"],
) if {
	some i in needs_exit
	ce := changes[i].customer_exit
	lib.stated(ce)
	not is_boolean(object.get(ce, "available", null))
}

unknown contains lib.finding(
	"the notice of this price change has not been encoded, so whether the buyer's exit comes in time cannot be told",
	["price_changes", i],
) if {
	some i in needs_exit
	pc := changes[i]
	exit_open(pc)
	not pc.customer_exit.window
	not pc.notice
}

unknown contains lib.finding(
	concat("", [
		"the buyer's deadline to terminate (the renewal notice of the term) has not been encoded or is unclear, so whether ",
		"the notice of this price change comes in time cannot be told",
	]),
	["price_changes", i],
) if {
	some i in needs_exit
	pc := changes[i]
	exit_open(pc)
	not pc.customer_exit.window
	lib.days(pc.notice) >= min_window_days
	deadline_unclear
}

# Not applicable when no price change needs an exit.
default applies := true

applies := false if lib.absent(input.price_changes)

applies := false if {
	is_array(input.price_changes)
	every pc in input.price_changes {
		lib.stated(pc)
		pure_index(pc)
	}
}
