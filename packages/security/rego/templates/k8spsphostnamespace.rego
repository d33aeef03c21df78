package k8spsphostnamespace

import data.lib.platform

violation[{"msg": msg}] {
	spec := platform.pod_spec(input.review.object)
	field := ["hostPID", "hostIPC", "hostNetwork"][_]
	spec[field] == true
	msg := sprintf("%v %v: %v is true; pods may not share the node's namespaces", [input.review.object.kind, platform.name(input.review.object), field])
}
