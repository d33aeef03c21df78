import { trustedRegistries } from "../../src/policies/trusted-registries.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-trusted-registries", () => {
    containerCases(trustedRegistries, [
        {
            title: "a Docker Hub image is flagged",
            container: container({ image: "auterity/app:1.0.0" }),
            detail: 'pulls "auterity/app:1.0.0" from docker.io, which is not trusted (*.dkr.ecr.*.amazonaws.com, *-docker.pkg.dev, ghcr.io); push it to a trusted registry',
        },
        {
            title: "an unset image is flagged",
            container: without("image"),
            detail: "has no valid image reference (null); reference an image in *.dkr.ecr.*.amazonaws.com, *-docker.pkg.dev, ghcr.io",
        },
    ]);
    void container;
    void without;
});
