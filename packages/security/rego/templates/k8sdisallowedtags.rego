package k8sdisallowedtags

import data.lib.platform

# The tag of an image reference: what follows the last ":" after the last "/"; none with a digest.
tag(image) = t {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	segments := split(last, ":")
	t := segments[count(segments) - 1]
}

violation[{"msg": msg}] {
	c := platform.containers[_]
	not contains(c.image, "@")
	not tag(c.image)
	msg := sprintf("%v %v: container %q image %q has no tag or digest", [input.review.object.kind, platform.name(input.review.object), c.name, c.image])
}

violation[{"msg": msg}] {
	c := platform.containers[_]
	t := tag(c.image)
	t == input.parameters.tags[_]
	msg := sprintf("%v %v: container %q image %q uses the tag %q", [input.review.object.kind, platform.name(input.review.object), c.name, c.image, t])
}
