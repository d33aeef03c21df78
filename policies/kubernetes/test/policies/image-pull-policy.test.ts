import { imagePullPolicy } from "../../src/policies/image-pull-policy.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-image-pull-policy", () => {
    containerCases(imagePullPolicy, [
        {
            title: "Never is flagged",
            container: container({ imagePullPolicy: "Never" }),
            detail: 'sets imagePullPolicy "Never" (runs whatever image the node holds); use IfNotPresent or Always',
        },
        {
            title: "an invalid value is flagged",
            container: container({ imagePullPolicy: "Sometimes" }),
            detail: 'sets imagePullPolicy "Sometimes", which is not a pull policy; use IfNotPresent or Always',
        },
        {
            title: "unset is flagged",
            container: without("imagePullPolicy"),
            detail: "does not set imagePullPolicy (Kubernetes guesses from the tag); set IfNotPresent or Always",
        },
    ]);
    void container;
    void without;
});
