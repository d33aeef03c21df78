package k8spspreadonlyrootfilesystem

import data.lib.platform

violation[{"msg": msg}] {
	c := platform.containers[_]
	not c.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("%v %v: container %q has a writable root filesystem; set readOnlyRootFilesystem: true", [input.review.object.kind, platform.name(input.review.object), c.name])
}
