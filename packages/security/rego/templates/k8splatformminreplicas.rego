package k8splatformminreplicas

import data.lib.platform

violation[{"msg": msg}] {
	replicas := object.get(input.review.object.spec, "replicas", 1)
	replicas < input.parameters.min
	msg := sprintf("%v %v: %v replicas; run at least %v", [input.review.object.kind, platform.name(input.review.object), replicas, input.parameters.min])
}
