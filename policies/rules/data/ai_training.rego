# METADATA
# title: No AI training on the buyer's data without its opt-in
# description: >-
#   The vendor may not train artificial-intelligence or machine-learning models on the buyer's
#   data (the kinds of data in params: by default its content and personal data) unless the buyer
#   opts in. A clause that allows training, or only lets the buyer opt out, fails; one that
#   prohibits training or needs the buyer's opt-in passes, as does a clause on other data only
#   (usage data). Terms silent on training pass when they limit the vendor's use of the buyer's
#   content (to the service, or to improving it): a vendor has no right to the buyer's data beyond
#   what the contract grants. Silent terms that let the vendor use the content for any purpose fail.
# custom:
#   id: data/ai-training
#   severity: error
#   references:
#     - Buyer policy
#     - "GDPR art. 5(1)(b) (purpose limitation) and art. 28(3)(a) (a processor acts only on documented instructions)"
#   remediation: >-
#     Ask that the vendor use the buyer's content and personal data only to provide the service, and
#     train no AI or machine-learning model on them (its own or a third party's) without the buyer's
#     prior written opt-in, which the buyer may withdraw.
package termlint.rules.data.ai_training

import data.termlint.lib

params := data.termlint.params.data.ai_training

use := input.data_use

training := use.ai_training

content := use.customer_content

regime_words := {
	"allowed": "and the buyer cannot refuse",
	"opt_out": "unless the buyer opts out",
}

data_words := {"customer_content": "content", "personal_data": "personal data", "usage_data": "usage data"}

# The buyer's data the clause reaches, of the kinds the playbook protects.
reached := {d | some d in training.data; d in params.protected_data}

deny contains lib.finding(msg, ["data_use", "ai_training"]) if {
	not lib.unclear(["data_use", "ai_training"])
	words := regime_words[training.value]
	count(reached) > 0
	msg := sprintf(
		concat("", [
			"the vendor may train AI or machine-learning models on the buyer's %s%s, %s; the playbook expects no ",
			"training on the buyer's data without its opt-in",
		]),
		[lib.and_labels({object.get(data_words, d, d) | some d in reached}), safeguards, words],
	)
}

deny contains lib.finding(msg, ["data_use", "customer_content"]) if {
	not lib.unclear(["data_use", "customer_content"])
	lib.absent(training)
	content.vendor_use == "any"
	msg := concat("", [
		"the terms say nothing of AI training but let the vendor use the buyer's content for any purpose, which ",
		"includes training models on it; the playbook expects no training on the buyer's data without its opt-in",
	])
}

safeguards := " (aggregated first, with only efforts to de-identify it)" if {
	training.aggregated == true
	training.de_identified == "efforts"
} else := " (aggregated first)" if {
	training.aggregated == true
} else := ""

unknown contains lib.finding("the vendor's use of the buyer's data has not been encoded (data_use)", []) if not use

unknown contains lib.finding(lib.reason(use, "the use of the buyer's data"), ["data_use"]) if lib.ambiguous(use)

unknown contains lib.finding(
	"whether the vendor may train AI models on the buyer's data has not been encoded",
	["data_use"],
) if {
	lib.stated(use)
	not training
}

unknown contains lib.finding(lib.reason(training, "the clause on AI training"), ["data_use", "ai_training"]) if {
	lib.ambiguous(training)
}

unknown contains lib.finding(
	"the clause on AI training is recorded without whether training is allowed",
	["data_use", "ai_training"],
) if {
	lib.stated(training)
	not training.value
}

unknown contains lib.finding(
	"the clause on AI training is recorded without the data it covers",
	["data_use", "ai_training"],
) if {
	regime_words[training.value]
	not training.data
}

# Silence on training is judged by what the vendor may do with the content.
unknown contains lib.finding(
	lib.reason(content, "the vendor's use of the buyer's content"),
	["data_use", "customer_content"],
) if {
	lib.absent(training)
	lib.ambiguous(content)
}

unknown contains lib.finding(
	"the terms are silent on AI training, and what the vendor may do with the buyer's content has not been encoded",
	["data_use"],
) if {
	lib.absent(training)
	not content
}
