package k8srequiredresources

import data.lib.platform

violation[{"msg": msg}] {
	c := platform.containers[_]
	kind := input.parameters.kinds[_]
	resource := input.parameters.resources[_]
	not c.resources[kind][resource]
	msg := sprintf("%v %v: container %q sets no %v %v", [input.review.object.kind, platform.name(input.review.object), c.name, resource, trim_suffix(kind, "s")])
}
