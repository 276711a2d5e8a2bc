package termlint.lib

# enum_labels: the words a message uses for an enum value of the schema where the value with its
# underscores read as spaces is not what a lawyer writes (the schema's enumDescriptions are the
# source; they are sentences, too long for a list in a message). Values not listed read as their
# words ("lost_profit" -> "lost profit"). Keyed by value: the words must fit every enum the value
# belongs to.
enum_labels := {
	"attached": "attached to the contract",
	"incorporated": "incorporated in the terms",
	"separate_signed": "signed separately",
	"separate_on_request": "available only on request",
	"vendor_standard_online": "the vendor's standard text on its website",
	"non_payment": "non-payment",
	"other": "anything else",
	"cost_increase": "a rise in the vendor's costs",
	"customer_information": "incorrect or incomplete information from the buyer",
	"supplier_increase": "a price rise by the vendor's suppliers",
	"each_renewal": "each renewal",
	"fees_paid_lookback": "fees paid",
	"fees_payable_lookback": "fees payable",
	"monthly_price": "monthly fees",
	"insurance_payout": "the insurer's payout",
	"death_personal_injury": "death or personal injury",
	"mandatory_law": "whatever mandatory law does not allow to exclude",
	"war_natural": "war and natural disasters",
	"illness_staff": "illness of the vendor's staff",
	"it_failure": "IT failure",
	"supplier_default": "default of the vendor's suppliers",
	"statutory_be_2002": "the Belgian statutory rate (law of 2 August 2002)",
	"statutory_nl": "Dutch statutory interest",
	"statutory_nl_commercial": "Dutch statutory commercial interest",
	"fixed_pct": "a fixed percentage",
	"per_year": "per contract year",
	"prior_specific": "the buyer's prior specific authorisation",
	"general_with_objection": "a general authorisation with notice and a right to object",
	"notice_only": "notice to the buyer only",
	"not_stated": "not stated",
	"non_eu": "outside the EEA",
	"eu": "EU",
	"eea": "EEA",
	"sccs": "standard contractual clauses",
	"bcrs": "binding corporate rules",
	"uk_addendum": "the UK addendum",
	"vendor_itself": "the vendor itself",
	"vendor_and_staff": "the vendor and its staff",
	"all_implied": "all implied warranties",
	"complaints_delivery": "complaints about delivery",
	"complaints_invoice": "protests against an invoice",
	"group_with_notice": "within its group with notice",
	"ip_infringement": "IP infringement",
	"personal_injury_property": "death, personal injury or damage to property",
}

# label turns an enum value into words for a message.
label(s) := w if w := enum_labels[s]

else := replace(s, "_", " ")
