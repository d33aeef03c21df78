package k8splatformimagepullpolicy

import data.lib.platform

violation[{"msg": msg}] {
	c := platform.containers[_]
	policy := object.get(c, "imagePullPolicy", "")
	not policy_allowed(policy)
	msg := sprintf("%v %v: container %q imagePullPolicy %q is not one of %v", [input.review.object.kind, platform.name(input.review.object), c.name, policy, input.parameters.allowed])
}

policy_allowed(p) {
	p == input.parameters.allowed[_]
}
