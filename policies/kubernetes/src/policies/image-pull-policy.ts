import { asString, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

const VALID = ["Always", "IfNotPresent", "Never"];

/**
 * Image pull policies are set and valid (seed 001, Gatekeeper rule 10): unset, Kubernetes picks
 * one from the tag, so the behaviour changes with the reference; `Never` runs whatever image a
 * node happens to hold. `Always` or `IfNotPresent` (with pinned images) are allowed.
 */
export const imagePullPolicy = containerPolicy({
    name: "kubernetes-image-pull-policy",
    description: "Containers set imagePullPolicy to Always or IfNotPresent.",
    severity: "low",
    tags: seedTags("001"),
    remediationSteps: "Set imagePullPolicy: IfNotPresent with a pinned tag or digest (or Always); never leave it unset or use Never.",
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",
    check: (c) => {
        const policy = asString(c.props["imagePullPolicy"]);
        if (policy === undefined) return "does not set imagePullPolicy (Kubernetes guesses from the tag); set IfNotPresent or Always";
        if (!VALID.includes(policy)) return `sets imagePullPolicy "${policy}", which is not a pull policy; use IfNotPresent or Always`;
        return policy === "Never"
            ? 'sets imagePullPolicy "Never" (runs whatever image the node holds); use IfNotPresent or Always'
            : undefined;
    },
});
