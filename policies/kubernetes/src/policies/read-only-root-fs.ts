import { asRecord, gatekeeper, seedTags } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";

/** Read-only root filesystems (seed 001, Gatekeeper rule 8): an attacker cannot drop tools into the image. Unset is writable, a violation. */
export const readOnlyRootFs = containerPolicy({
    name: "kubernetes-read-only-root-fs",
    description: "Containers have a read-only root filesystem.",
    severity: "medium",
    framework: gatekeeper({ K8sPSPReadOnlyRootFilesystem: "Read Only Root Filesystem" }),
    tags: seedTags("001"),
    remediationSteps:
        "Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir where the process must write (e.g. /tmp).",
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/read-only-root-filesystem",
    check: (c) =>
        asRecord(c.props["securityContext"])?.["readOnlyRootFilesystem"] === true
            ? undefined
            : "does not set securityContext.readOnlyRootFilesystem: true; set it and mount an emptyDir for writable paths",
});
