import { readOnlyRootFs } from "../../src/policies/read-only-root-fs.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-read-only-root-fs", () => {
    containerCases(readOnlyRootFs, [
        {
            title: "a writable root filesystem is flagged",
            container: container({ securityContext: { readOnlyRootFilesystem: false } }),
            detail: "does not set securityContext.readOnlyRootFilesystem: true; set it and mount an emptyDir for writable paths",
        },
        {
            title: "unset is flagged",
            container: without("securityContext.readOnlyRootFilesystem"),
            detail: "does not set securityContext.readOnlyRootFilesystem: true; set it and mount an emptyDir for writable paths",
        },
    ]);
    void container;
    void without;
});
