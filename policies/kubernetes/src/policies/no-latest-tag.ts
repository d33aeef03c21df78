import { asString, gatekeeper, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";
import { parseImage } from "../images.js";

/**
 * Images are pinned (seed 001, Gatekeeper rule 4): a tag that is not `latest`, or a digest. No tag
 * means `latest`; a `latest` image changes under a running Deployment and cannot be rolled back.
 */
export const noLatestTag = containerPolicy({
    name: "kubernetes-no-latest-tag",
    description: "Container images are pinned to a tag other than latest, or a digest.",
    severity: "medium",
    framework: gatekeeper({ K8sDisallowedTags: "Disallow tags", K8sImageDigests: "Image Digests" }),
    tags: seedTags("001"),
    remediationSteps:
        "Reference images by a version tag (ghcr.io/acme/api:1.4.2) or a digest (@sha256:...), never :latest or no tag; bump the tag to deploy.",
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    check: (c) => {
        const image = asString(c.props["image"]);
        if (image === undefined) return "has no image; set a pinned image reference";
        const ref = parseImage(image);
        if (ref === undefined) return `has image "${image}", which is not an image reference; write <registry>/<repository>:<tag>`;
        if (ref.digest !== undefined) return undefined;
        if (ref.tag === undefined) return `has image "${image}" without a tag (it means latest); pin a version tag or a digest`;
        return ref.tag === "latest" ? `has image "${image}" with the latest tag; pin a version tag or a digest` : undefined;
    },
});
