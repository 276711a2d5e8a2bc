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

# --- Liability carve-outs, for the rules that ask whether a cap or exclusion is lifted ---------
#
# A carve-out lifts the caps and exclusions whose ids it names in lifts, or every one when lifts
# holds "all". The helpers below answer per carve-out list once, as sets of ids, so that a rule
# asks each cap or exclusion a set-membership question instead of looping over the carve-outs
# again for every item: on long contracts that loop dominated evaluation time.

# clear_carve_out: stated in full, so its kinds and what it lifts are known.
clear_carve_out(co) if {
	stated(co)
	co.kinds
	co.lifts
}

# lifts returns what the clear carve-outs of one of kinds lift: ids, and "all".
lifts(carve_outs, kinds) := {id |
	some co in list(carve_outs)
	clear_carve_out(co)
	some k in co.kinds
	k in kinds
	some id in co.lifts
}

# may_lift returns what the unclear carve-outs (ambiguous, or silent on their kinds or on what
# they lift) that may be of one of kinds may lift; "all" for one silent on what it lifts.
may_lift(carve_outs, kinds) := {id |
	some co in list(carve_outs)
	not clear_carve_out(co)
	may_be_kind(co, kinds)
	some id in lifted_ids(co)
}

may_be_kind(co, kinds) if {
	some k in co.kinds
	k in kinds
}

may_be_kind(co, _) if not co.kinds

lifted_ids(co) := co.lifts if co.lifts

else := ["all"]

# lifted: ids (from lifts or may_lift) reach the cap or exclusion id. id is null for an item
# without an id, which only "all" reaches.
lifted(ids, _) if "all" in ids

lifted(ids, id) if id in ids

# lifting_kinds returns the kinds of the clear carve-outs that lift the item id, of any kind.
lifting_kinds(carve_outs, id) := {k |
	some co in list(carve_outs)
	clear_carve_out(co)
	lifted(co.lifts, id)
	some k in co.kinds
}
