package k8spspprivilegedcontainer

import data.lib.platform

violation[{"msg": msg}] {
	c := platform.containers[_]
	c.securityContext.privileged == true
	msg := sprintf("%v %v: container %q is privileged; remove securityContext.privileged", [input.review.object.kind, platform.name(input.review.object), c.name])
}
