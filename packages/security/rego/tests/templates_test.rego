# `opa test --v0-compatible packages/security/rego`: every ConstraintTemplate allows the compliant
# Deployment and denies each fault it is for, with its message.
package templates_test

import data.fixtures
import data.k8sallowedrepos
import data.k8sdisallowedtags
import data.k8splatformimagepullpolicy
import data.k8splatformminreplicas
import data.k8spspallowedusers
import data.k8spsphostnamespace
import data.k8spspprivilegedcontainer
import data.k8spspreadonlyrootfilesystem
import data.k8srequiredlabels
import data.k8srequiredresources

c := fixtures.good_container

test_privileged_allows_unprivileged {
	count(k8spspprivilegedcontainer.violation) == 0 with input as fixtures.review(fixtures.good, {})
}

test_privileged_denies_privileged {
	bad := fixtures.with_container(object.union(c, {"securityContext": {"privileged": true}}))
	k8spspprivilegedcontainer.violation == {{"msg": "Deployment shop/web: container \"web\" is privileged; remove securityContext.privileged"}} with input as fixtures.review(bad, {})
}

test_allowed_users_allows_non_root_and_pod_level {
	count(k8spspallowedusers.violation) == 0 with input as fixtures.review(fixtures.good, {})
	pod_level := fixtures.deployment(object.remove(c, ["securityContext"]), {"securityContext": {"runAsNonRoot": true}}, fixtures.good_labels, 3)
	count(k8spspallowedusers.violation) == 0 with input as fixtures.review(pod_level, {})
}

test_allowed_users_denies_root_and_unset {
	root := fixtures.with_container(object.union(c, {"securityContext": {"runAsNonRoot": false, "runAsUser": 0}}))
	count(k8spspallowedusers.violation) == 2 with input as fixtures.review(root, {})
	unset := fixtures.with_container(object.remove(c, ["securityContext"]))
	k8spspallowedusers.violation == {{"msg": "Deployment shop/web: container \"web\" may run as root; set runAsNonRoot: true"}} with input as fixtures.review(unset, {})
}

resources_params := {"kinds": ["requests", "limits"], "resources": ["cpu", "memory"]}

test_resources_allows_requests_and_limits {
	count(k8srequiredresources.violation) == 0 with input as fixtures.review(fixtures.good, resources_params)
}

test_resources_denies_each_missing {
	bad := fixtures.with_container(object.union(object.remove(c, ["resources"]), {"resources": {"requests": {"cpu": "100m"}}}))
	k8srequiredresources.violation == {
		{"msg": "Deployment shop/web: container \"web\" sets no memory request"},
		{"msg": "Deployment shop/web: container \"web\" sets no cpu limit"},
		{"msg": "Deployment shop/web: container \"web\" sets no memory limit"},
	} with input as fixtures.review(bad, resources_params)
}

test_tags_allows_versions_and_digests {
	count(k8sdisallowedtags.violation) == 0 with input as fixtures.review(fixtures.good, {"tags": ["latest"]})
	digest := fixtures.with_container(object.union(c, {"image": "ghcr.io/acme/web@sha256:abc"}))
	count(k8sdisallowedtags.violation) == 0 with input as fixtures.review(digest, {"tags": ["latest"]})
	port := fixtures.with_container(object.union(c, {"image": "registry.acme.example.com:5000/web:2.0"}))
	count(k8sdisallowedtags.violation) == 0 with input as fixtures.review(port, {"tags": ["latest"]})
}

test_tags_denies_latest_and_untagged {
	latest := fixtures.with_container(object.union(c, {"image": "ghcr.io/acme/web:latest"}))
	k8sdisallowedtags.violation == {{"msg": "Deployment shop/web: container \"web\" image \"ghcr.io/acme/web:latest\" uses the tag \"latest\""}} with input as fixtures.review(latest, {"tags": ["latest"]})
	untagged := fixtures.with_container(object.union(c, {"image": "registry.acme.example.com:5000/web"}))
	k8sdisallowedtags.violation == {{"msg": "Deployment shop/web: container \"web\" image \"registry.acme.example.com:5000/web\" has no tag or digest"}} with input as fixtures.review(untagged, {"tags": ["latest"]})
}

repos := {"registries": ["*.dkr.ecr.*.amazonaws.com", "*-docker.pkg.dev", "ghcr.io"]}

test_repos_allows_trusted_registries {
	count(k8sallowedrepos.violation) == 0 with input as fixtures.review(fixtures.good, repos)
	ecr := fixtures.with_container(object.union(c, {"image": "111111111111.dkr.ecr.us-east-1.amazonaws.com/web:1"}))
	count(k8sallowedrepos.violation) == 0 with input as fixtures.review(ecr, repos)
	ar := fixtures.with_container(object.union(c, {"image": "us-west1-docker.pkg.dev/acme/web/web:1"}))
	count(k8sallowedrepos.violation) == 0 with input as fixtures.review(ar, repos)
}

test_repos_denies_docker_hub_and_lookalikes {
	hub := fixtures.with_container(object.union(c, {"image": "shop/web:1"}))
	k8sallowedrepos.violation == {{"msg": "Deployment shop/web: container \"web\" pulls \"shop/web:1\" from docker.io, which is not trusted"}} with input as fixtures.review(hub, repos)
	bare := fixtures.with_container(object.union(c, {"image": "nginx:1.27"}))
	count(k8sallowedrepos.violation) == 1 with input as fixtures.review(bare, repos)
	lookalike := fixtures.with_container(object.union(c, {"image": "ghcr.io.evil.example/web:1"}))
	count(k8sallowedrepos.violation) == 1 with input as fixtures.review(lookalike, repos)
}

test_host_namespaces_allows_none {
	count(k8spsphostnamespace.violation) == 0 with input as fixtures.review(fixtures.good, {})
}

test_host_namespaces_denies_each {
	bad := fixtures.deployment(c, {"hostPID": true, "hostIPC": true, "hostNetwork": true}, fixtures.good_labels, 3)
	k8spsphostnamespace.violation == {
		{"msg": "Deployment shop/web: hostPID is true; pods may not share the node's namespaces"},
		{"msg": "Deployment shop/web: hostIPC is true; pods may not share the node's namespaces"},
		{"msg": "Deployment shop/web: hostNetwork is true; pods may not share the node's namespaces"},
	} with input as fixtures.review(bad, {})
}

labels := {"labels": ["app", "version", "environment", "team"]}

test_labels_allows_all_four {
	count(k8srequiredlabels.violation) == 0 with input as fixtures.review(fixtures.good, labels)
}

test_labels_denies_missing {
	bad := fixtures.deployment(c, {}, {"app": "web"}, 3)
	k8srequiredlabels.violation == {
		{"msg": "Deployment shop/web: label \"version\" is missing"},
		{"msg": "Deployment shop/web: label \"environment\" is missing"},
		{"msg": "Deployment shop/web: label \"team\" is missing"},
	} with input as fixtures.review(bad, labels)
}

test_read_only_root_allows_read_only {
	count(k8spspreadonlyrootfilesystem.violation) == 0 with input as fixtures.review(fixtures.good, {})
}

test_read_only_root_denies_writable_and_unset {
	writable := fixtures.with_container(object.union(c, {"securityContext": {"readOnlyRootFilesystem": false}}))
	count(k8spspreadonlyrootfilesystem.violation) == 1 with input as fixtures.review(writable, {})
	unset := fixtures.with_container(object.remove(c, ["securityContext"]))
	k8spspreadonlyrootfilesystem.violation == {{"msg": "Deployment shop/web: container \"web\" has a writable root filesystem; set readOnlyRootFilesystem: true"}} with input as fixtures.review(unset, {})
}

test_min_replicas_allows_enough {
	count(k8splatformminreplicas.violation) == 0 with input as fixtures.review(fixtures.good, {"min": 2})
}

test_min_replicas_denies_one_and_unset {
	one := fixtures.deployment(c, {}, fixtures.good_labels, 1)
	k8splatformminreplicas.violation == {{"msg": "Deployment shop/web: 1 replicas; run at least 2"}} with input as fixtures.review(one, {"min": 2})
	count(k8splatformminreplicas.violation) == 0 with input as fixtures.review(fixtures.good, {"min": 3})
}

pull := {"allowed": ["Always", "IfNotPresent", "Never"]}

test_pull_policy_allows_valid {
	count(k8splatformimagepullpolicy.violation) == 0 with input as fixtures.review(fixtures.good, pull)
}

test_pull_policy_denies_invalid_and_unset {
	bad := fixtures.with_container(object.union(c, {"imagePullPolicy": "Sometimes"}))
	count(k8splatformimagepullpolicy.violation) == 1 with input as fixtures.review(bad, pull)
	unset := fixtures.with_container(object.remove(c, ["imagePullPolicy"]))
	k8splatformimagepullpolicy.violation == {{"msg": "Deployment shop/web: container \"web\" imagePullPolicy \"\" is not one of [\"Always\", \"IfNotPresent\", \"Never\"]"}} with input as fixtures.review(unset, pull)
}

test_pod_and_cronjob_specs_are_read {
	pod := {"kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": {"containers": [object.union(c, {"securityContext": {"privileged": true}})]}}
	count(k8spspprivilegedcontainer.violation) == 1 with input as fixtures.review(pod, {})
	cron := {"kind": "CronJob", "metadata": {"name": "j", "namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [object.union(c, {"securityContext": {"privileged": true}})]}}}}}}
	count(k8spspprivilegedcontainer.violation) == 1 with input as fixtures.review(cron, {})
}
