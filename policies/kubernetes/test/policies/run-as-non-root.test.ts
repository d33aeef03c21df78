import { runAsNonRoot } from "../../src/policies/run-as-non-root.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-run-as-non-root", () => {
    containerCases(runAsNonRoot, [
        {
            title: "runAsUser 0 on the container is flagged",
            container: container({ securityContext: { runAsUser: 0 } }),
            pod: { securityContext: { runAsNonRoot: true } },
            detail: "runs as user 0 (root); set runAsUser to a non-zero user and runAsNonRoot: true",
        },
        {
            title: "runAsNonRoot: false is flagged",
            container: container({ securityContext: { runAsNonRoot: false } }),
            pod: { securityContext: {} },
            detail: "does not set runAsNonRoot: true (the image's user decides, often root); set it on the pod or the container",
        },
        {
            title: "unset on the container and the pod is flagged",
            container: without("securityContext.runAsNonRoot"),
            pod: { securityContext: {} },
            detail: "does not set runAsNonRoot: true (the image's user decides, often root); set it on the pod or the container",
        },
    ]);
    void container;
    void without;
});
