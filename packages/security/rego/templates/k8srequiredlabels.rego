package k8srequiredlabels

import data.lib.platform

violation[{"msg": msg}] {
	label := input.parameters.labels[_]
	not input.review.object.metadata.labels[label]
	msg := sprintf("%v %v: label %q is missing", [input.review.object.kind, platform.name(input.review.object), label])
}
