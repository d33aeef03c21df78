# Objects the template tests review: a compliant Deployment and single-fault variants.
package fixtures

good_container := {
	"name": "web",
	"image": "ghcr.io/acme/web:1.2.3",
	"imagePullPolicy": "IfNotPresent",
	"resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}},
	"securityContext": {"runAsNonRoot": true, "readOnlyRootFilesystem": true, "allowPrivilegeEscalation": false},
}

deployment(container, pod_extra, labels, replicas) = {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "web", "namespace": "shop", "labels": labels},
	"spec": {"replicas": replicas, "template": {"spec": object.union({"containers": [container]}, pod_extra)}},
}

good_labels := {"app": "web", "version": "1.2.3", "environment": "prod", "team": "shop"}

good := deployment(good_container, {}, good_labels, 3)

with_container(c) = deployment(c, {}, good_labels, 3)

review(obj, params) = {"review": {"object": obj}, "parameters": params}
