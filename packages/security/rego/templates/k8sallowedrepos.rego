package k8sallowedrepos

import data.lib.platform

looks_like_host(s) {
	contains(s, ".")
}

looks_like_host(s) {
	contains(s, ":")
}

looks_like_host(s) {
	s == "localhost"
}

host_prefixed(parts) {
	count(parts) > 1
	looks_like_host(parts[0])
}

# The registry host of an image: the first path element when it looks like a host, else docker.io.
registry(image) = host {
	parts := split(image, "/")
	host_prefixed(parts)
	host := parts[0]
}

registry(image) = "docker.io" {
	not host_prefixed(split(image, "/"))
}

# Patterns as the kubernetes pack reads them: `*` stands for a DNS label or part of one.
trusted(image) {
	pattern := input.parameters.registries[_]
	glob.match(pattern, ["."], registry(image))
}

violation[{"msg": msg}] {
	c := platform.containers[_]
	not trusted(c.image)
	msg := sprintf("%v %v: container %q pulls %q from %v, which is not trusted", [input.review.object.kind, platform.name(input.review.object), c.name, c.image, registry(c.image)])
}
