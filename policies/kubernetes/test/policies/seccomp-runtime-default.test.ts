import { seccompRuntimeDefault } from "../../src/policies/seccomp-runtime-default.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-seccomp-runtime-default", () => {
    containerCases(seccompRuntimeDefault, [
        {
            title: "Unconfined is flagged",
            container: container({ securityContext: { seccompProfile: { type: "Unconfined" } } }),
            detail: "uses the Unconfined seccomp profile; use RuntimeDefault",
        },
        {
            title: "unset on the container and the pod is flagged",
            container: without("securityContext.seccompProfile"),
            pod: { securityContext: { runAsNonRoot: true } },
            detail: 'has no seccomp profile (Unconfined); set seccompProfile.type: "RuntimeDefault" on the pod or the container',
        },
    ]);
    void container;
    void without;
});
