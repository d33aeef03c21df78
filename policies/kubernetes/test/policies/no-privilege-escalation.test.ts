import { noPrivilegeEscalation } from "../../src/policies/no-privilege-escalation.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-no-privilege-escalation", () => {
    containerCases(noPrivilegeEscalation, [
        {
            title: "allowPrivilegeEscalation: true is flagged",
            container: container({ securityContext: { allowPrivilegeEscalation: true } }),
            detail: "does not set securityContext.allowPrivilegeEscalation: false; set it",
        },
        {
            title: "unset is flagged",
            container: without("securityContext.allowPrivilegeEscalation"),
            detail: "does not set securityContext.allowPrivilegeEscalation: false; set it",
        },
    ]);
    void container;
    void without;
});
