import { dropAllCapabilities } from "../../src/policies/drop-all-capabilities.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-drop-all-capabilities", () => {
    containerCases(dropAllCapabilities, [
        {
            title: "an added capability other than NET_BIND_SERVICE is flagged",
            container: container({ securityContext: { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE", "NET_ADMIN"] } } }),
            detail: "adds capabilities NET_ADMIN; add back at most NET_BIND_SERVICE",
        },
        {
            title: "unset capabilities are flagged",
            container: without("securityContext.capabilities"),
            detail: 'does not drop all capabilities; set securityContext.capabilities.drop: ["ALL"]',
        },
    ]);
    void container;
    void without;
});
