package termlint.lib.liability_test

import data.termlint.lib.liability

src := {"art": "1", "quote": "q"}

section := {
	"caps": [{"id": "c1", "basis": "fixed_amount", "src": src}, {"src": src}],
	"exclusions": [{"id": "e1", "categories": ["data_loss"], "src": src}],
	"carve_outs": [
		{"kinds": ["intent"], "lifts": ["c1"], "src": src},
		{"kinds": ["fraud"], "lifts": ["all"], "src": src},
		{"kinds": ["gross_negligence"], "src": src},
	],
}

test_absent_section_has_no_lists if {
	liability.caps.status == "absent" with input as {"liability": {"status": "absent", "src": src}}
	liability.exclusions.status == "absent" with input as {"liability": {"status": "absent", "src": src}}
	liability.carve_outs_known with input as {"liability": {"status": "absent", "src": src}}
}

test_items_named if {
	names := {it.name | some it in liability.items} with input as {"liability": section}
	names == {"the cap in art. 1 (fixed amount)", "the cap in art. 1", "the exclusion in art. 1 (data loss)"}
}

test_lifts if {
	liability.lifts({"intent"}) == {"c1"} with input as {"liability": section}
	liability.lifts({"fraud", "intent"}) == {"c1", "all"} with input as {"liability": section}
	liability.lifts({"gross_negligence"}) == set() with input as {"liability": section}
	liability.may_lift({"gross_negligence"}) == {"all"} with input as {"liability": section}
	liability.may_lift({"intent"}) == set() with input as {"liability": section}
}

test_lifted if {
	liability.lifted({"all"}, "x")
	liability.lifted({"x"}, "x")
	not liability.lifted({"y"}, "x")
}

test_lifting_kinds if {
	liability.lifting_kinds("c1") == {"intent", "fraud"} with input as {"liability": section}
	liability.lifting_kinds("e1") == {"fraud"} with input as {"liability": section}
}
