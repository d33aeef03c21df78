import { noPrivileged } from "../../src/policies/no-privileged.js";
import { container, containerCases } from "../fixtures.js";

describe("kubernetes-no-privileged", () => {
    // Unset privileged means unprivileged: the golden-path container (privileged: false) and one without the field both pass.
    containerCases(noPrivileged, [
        {
            title: "a privileged container is flagged",
            container: container({ securityContext: { privileged: true } }),
            detail: "is privileged (root on the node); remove securityContext.privileged",
        },
    ]);
});
