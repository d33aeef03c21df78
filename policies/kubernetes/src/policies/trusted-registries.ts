import { asString, asStringArray, gatekeeper, seedTags } from "@platform/policy-kit";
import { DEFAULT_TRUSTED_REGISTRIES } from "@platform/facts";
import { containerPolicy } from "../container-policy.js";
import { parseImage, registryMatches } from "../images.js";

/**
 * Images come from a trusted registry (seed 001, Gatekeeper rule 5): by default ECR private
 * registries, Artifact Registry and ghcr.io (`DEFAULT_TRUSTED_REGISTRIES` of `@platform/facts`, the
 * same default `platform:platform.trustedRegistries` has). A stack with its own list passes it as
 * this policy's `allowedRegistries` config (`--policy-pack-config`). Docker Hub images (no
 * registry host) are not trusted: mirror them into ECR / Artifact Registry.
 */
export const trustedRegistries = containerPolicy({
    name: "kubernetes-trusted-registries",
    description: "Container images come from a trusted registry.",
    severity: "high",
    framework: gatekeeper({ K8sAllowedRepos: "Allowed Repositories" }),
    tags: seedTags("001"),
    remediationSteps:
        "Push the image to a trusted registry (ECR, Artifact Registry, ghcr.io) and reference it there; to trust another registry, add it to platform:platform.trustedRegistries and this policy's allowedRegistries config.",
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos",
    configSchema: {
        properties: { allowedRegistries: { type: "array", items: { type: "string" }, default: [...DEFAULT_TRUSTED_REGISTRIES] } },
    },
    check: (c, _pod, config) => {
        const allowed = asStringArray(config["allowedRegistries"]);
        const image = asString(c.props["image"]);
        const ref = image === undefined ? undefined : parseImage(image);
        if (ref === undefined)
            return `has no valid image reference (${JSON.stringify(image ?? null)}); reference an image in ${allowed.join(", ")}`;
        return allowed.some((p) => registryMatches(ref.registry, p))
            ? undefined
            : `pulls "${image}" from ${ref.registry}, which is not trusted (${allowed.join(", ")}); push it to a trusted registry`;
    },
});
