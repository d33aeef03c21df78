package k8spspallowedusers

import data.lib.platform

non_root(c) {
	c.securityContext.runAsNonRoot == true
}

non_root(c) {
	not has_key(c, "securityContext")
	platform.pod_spec(input.review.object).securityContext.runAsNonRoot == true
}

non_root(c) {
	not has_key(object.get(c, "securityContext", {}), "runAsNonRoot")
	platform.pod_spec(input.review.object).securityContext.runAsNonRoot == true
}

has_key(obj, key) {
	_ = obj[key]
}

violation[{"msg": msg}] {
	c := platform.containers[_]
	not non_root(c)
	msg := sprintf("%v %v: container %q may run as root; set runAsNonRoot: true", [input.review.object.kind, platform.name(input.review.object), c.name])
}

violation[{"msg": msg}] {
	c := platform.containers[_]
	object.get(object.get(c, "securityContext", {}), "runAsUser", 1) == 0
	msg := sprintf("%v %v: container %q runs as user 0", [input.review.object.kind, platform.name(input.review.object), c.name])
}
