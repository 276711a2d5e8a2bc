# METADATA
# title: termlint helper library
# description: Shared helpers for playbook rules. Not a rule itself.
package termlint.lib

# finding builds what deny and unknown sets hold: a message and the path of the fact in the
# contract. termlint turns the path into file:line:col and attaches the nearest src.
finding(msg, path) := {"msg": msg, "path": path}

# absent: the encoder searched the document and it is silent.
absent(x) if x.status == "absent"

# ambiguous: the document speaks to it unclearly; a person must look.
ambiguous(x) if x.status == "ambiguous"

# stated: a value the document states (neither absent nor ambiguous).
stated(x) if {
	is_object(x)
	not x.status
}

# list returns the items of a list section, or none when the section is a status marker.
list(x) := x if is_array(x)

else := []

# reason explains an ambiguous fact, using the encoder's note when there is one.
reason(x, what) := sprintf("%s is marked ambiguous: %s", [what, x.note]) if x.note

else := sprintf("%s is marked ambiguous", [what])

# days of a normalised duration; an indefinite duration counts as longer than any threshold.
days(d) := d.days if not d.indefinite

else := 1e9

# label turns an enum value into words for a message.
label(s) := replace(s, "_", " ")

# labels joins several enum values into words.
labels(xs) := concat(", ", sort([label(x) | some x in xs]))

# or_labels joins enum values with "or", keeping the order of a list (the params order) and
# sorting a set.
or_labels(xs) := concat(" or ", [label(x) | some x in xs])

# and_labels joins enum values, sorted, as "a, b and c".
and_labels(xs) := concat(" and ", [concat(", ", array.slice(ls, 0, count(ls) - 1)), ls[count(ls) - 1]]) if {
	ls := sort([label(x) | some x in xs])
	count(ls) > 1
}

else := labels(xs)
