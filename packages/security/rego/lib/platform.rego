# Shared helpers of the platform's ConstraintTemplates (Gatekeeper `libs`): the pod spec and the
# containers of any workload kind, so each template checks Pods, Deployments, StatefulSets,
# DaemonSets, ReplicaSets, Jobs and CronJobs alike.
package lib.platform

pod_spec(obj) = spec {
	obj.kind == "Pod"
	spec := obj.spec
}

pod_spec(obj) = spec {
	obj.kind != "Pod"
	obj.kind != "CronJob"
	spec := obj.spec.template.spec
}

pod_spec(obj) = spec {
	obj.kind == "CronJob"
	spec := obj.spec.jobTemplate.spec.template.spec
}

# Every container, init container and ephemeral container of the object.
containers[c] {
	spec := pod_spec(input.review.object)
	c := spec.containers[_]
}

containers[c] {
	spec := pod_spec(input.review.object)
	c := spec.initContainers[_]
}

containers[c] {
	spec := pod_spec(input.review.object)
	c := spec.ephemeralContainers[_]
}

name(obj) = sprintf("%v/%v", [object.get(obj.metadata, "namespace", ""), obj.metadata.name])
