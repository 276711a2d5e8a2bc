# METADATA
# title: termlint helper library
# description: Shared helpers for playbook rules. Not a rule itself.
package termlint.lib

# finding builds what deny and unknown sets hold: a message and the path of the fact in the
# contract. termlint turns the path into file:line:col and attaches the nearest src.
finding(msg, path) := {"msg": msg, "path": path}

# absent: the encoder searched the document and it is silent.
absent(x) if x.status == "absent"

# ambiguous: the document speaks to it unclearly, or leaves it to another document of the deal that
# is not provided (termlint marks such a fact status "deferred"); either way a person must look.
ambiguous(x) if x.status == "ambiguous"

ambiguous(x) if x.status == "deferred"

# unclear: the fact at path (a path into input, as findings carry it), or a group or list that
# holds it, is ambiguous or deferred. This is where "ambiguous -> unknown" is decided: every
# rule's deny requires `not lib.unclear(path)` of the path it reports, so that no rule fails on a
# fact a person must still read; the rule's unknown for the ambiguous fact says why.
unclear(path) if {
	some n in numbers.range(1, count(path))
	ambiguous(object.get(input, array.slice(path, 0, n), null))
}

# stated: a value the document states (neither absent nor ambiguous).
stated(x) if {
	is_object(x)
	not x.status
}

# list returns the items of a list section, or none when the section is a status marker.
list(x) := x if is_array(x)

else := []

# reason explains an ambiguous fact, using the encoder's note when there is one; a fact left to a
# document the deal does not provide says where it is set, under the name the clause gives it.
reason(x, what) := sprintf(
	"%s is set in the %s (\"%s\"), which is not provided",
	[what, role_words(x.defined_in), x.variable],
) if {
	x.status == "deferred"
	x.variable
} else := sprintf("%s is set in the %s, which is not provided", [what, role_words(x.defined_in)]) if {
	x.status == "deferred"
} else := sprintf("%s is marked ambiguous: %s", [what, x.note]) if x.note

else := sprintf("%s is marked ambiguous", [what])

# days of a normalised duration; an indefinite duration counts as longer than any threshold.
days(d) := d.days if not d.indefinite

else := 1e9

# role_words names a document of a deal by its role, as a lawyer would.
role_words(r) := w if w := role_names[r]

else := label(r)

# role_names are the words for each role of a document in a deal.
role_names := {
	"general_terms": "general terms",
	"msa": "master agreement",
	"order_form": "order form",
	"cover_page": "cover page",
	"dpa": "processor agreement",
	"sla": "service level agreement",
	"security_policy": "security policy",
	"price_list": "price list",
	"website_terms": "terms on the vendor's website",
	"support_policy": "support policy",
	"acceptable_use_policy": "acceptable use policy",
}

# labels joins several enum values into words.
labels(xs) := concat(", ", [label(x) | some x in sort(xs)])

# or_labels joins enum values as "a, b or c", keeping the order of a list (the params order) and
# sorting a set.
or_labels(xs) := concat(" or ", [concat(", ", array.slice(ls, 0, count(ls) - 1)), ls[count(ls) - 1]]) if {
	ls := [label(x) | some x in xs]
	count(ls) > 1
}

else := concat("", [label(x) | some x in xs])

# and_labels joins enum values, sorted, as "a, b and c".
and_labels(xs) := concat(" and ", [concat(", ", array.slice(ls, 0, count(ls) - 1)), ls[count(ls) - 1]]) if {
	ls := [label(x) | some x in sort(xs)]
	count(ls) > 1
}

else := labels(xs)

# has_key: obj has the key k, whatever its value (false and null included).
has_key(obj, k) if _ = obj[k]

# duration_words: a normalised duration in words, as the contract states it ("3mo" -> "3 months",
# "1wd" -> "1 working day"); "none" reads as "0 days", which fits every sentence a rule writes
# ("paid within 0 days", "deleted 0 days after the end").
duration_words(d) := "an indefinite period" if d.indefinite

else := "0 days" if d.text == "none"

else := w if {
	[[_, n, u]] := regex.find_all_string_submatch_n(`^([0-9]+)(min|h|wd|d|w|mo|y)$`, d.text, 1)
	w := sprintf("%s %s", [n, duration_units[u][to_number(n) == 1]])
}

else := d.text

# duration_units: the words of each duration unit, singular (true) and plural (false).
duration_units := {
	"min": {true: "minute", false: "minutes"},
	"h": {true: "hour", false: "hours"},
	"d": {true: "day", false: "days"},
	"wd": {true: "working day", false: "working days"},
	"w": {true: "week", false: "weeks"},
	"mo": {true: "month", false: "months"},
	"y": {true: "year", false: "years"},
}

# days_words: a threshold in days, whole years as months as the playbook states them
# (365 -> "12 months", 30 -> "30 days", 0 -> "0 days").
days_words(n) := sprintf("%d months", [(n / 365) * 12]) if {
	n > 0
	n % 365 == 0
}

else := sprintf("%v days", [n])

# for_applies_to: "for <services>, " when the encoder recorded what a fact applies to, to open a
# message; "" otherwise.
for_applies_to(x) := sprintf("for %s, ", [x.applies_to]) if x.applies_to

else := ""

# applies_to_note: " (<services>)" when the encoder recorded what a fact applies to, to follow a
# noun in a message; "" otherwise.
applies_to_note(x) := sprintf(" (%s)", [x.applies_to]) if x.applies_to

else := ""

# arts_note: " (art. 12.1)" or " (arts. 16.3 and 11.4)" for the articles of a src (one mapping or
# a list), each once and in order, to follow a statement in a message; "" without a src.
arts_note(src) := sprintf(" (art. %s)", [arts[0]]) if {
	arts := src_arts(src)
	count(arts) == 1
} else := sprintf(" (arts. %s)", [and_words(arts)]) if {
	arts := src_arts(src)
	count(arts) > 1
} else := ""

src_arts(src) := [a |
	some i, s in src
	a := s.art
	not a in {b | some s2 in array.slice(src, 0, i); b := s2.art}
] if is_array(src)

else := [src.art] if src.art

else := []

# and_words joins words in their order as "a, b and c".
and_words(ws) := concat(" and ", [concat(", ", array.slice(ws, 0, count(ws) - 1)), ws[count(ws) - 1]]) if count(ws) > 1

else := concat("", ws)

# money: an amount as a lawyer writes it, currency first and thousands separated
# ("EUR 2,500,000", "EUR 250.50"); a whole amount shows no decimals.
money(currency, amount) := sprintf("%s %s", [currency, number_words(amount)])

# number_words: a number with thousands separators, and cents when it has them.
number_words(n) := sprintf("%s%s%s", [sign, thousands(whole), cents]) if {
	sign := {true: "-", false: ""}[n < 0]
	whole := floor(abs(n))
	cents := {true: "", false: sprintf(".%02d", [round((abs(n) - whole) * 100)])}[abs(n) == whole]
}

thousands(n) := s if {
	s := format_int(n, 10)
	count(s) <= 3
} else := concat(",", array.concat([substring(s, 0, head)], [substring(s, head + (3 * k), 3) |
	some k in numbers.range(0, ((count(s) - head) / 3) - 1)
])) if {
	s := format_int(n, 10)
	head := ((count(s) - 1) % 3) + 1
}
