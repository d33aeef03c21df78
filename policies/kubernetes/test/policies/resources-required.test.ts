import { resourcesRequired } from "../../src/policies/resources-required.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-resources-required", () => {
    containerCases(resourcesRequired, [
        {
            title: "missing limits are flagged",
            container: container({ resources: { requests: { cpu: "1", memory: "2Gi" } } }),
            detail: "does not set resources limits.cpu, limits.memory; set CPU and memory requests and limits",
        },
        {
            title: "unset resources are flagged",
            container: without("resources"),
            detail: "does not set resources requests.cpu, requests.memory, limits.cpu, limits.memory; set CPU and memory requests and limits",
        },
    ]);
    void container;
    void without;
});
