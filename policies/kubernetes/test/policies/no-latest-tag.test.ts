import { noLatestTag } from "../../src/policies/no-latest-tag.js";
import { container, containerCases, without } from "../fixtures.js";

describe("kubernetes-no-latest-tag", () => {
    containerCases(noLatestTag, [
        {
            title: "the latest tag is flagged",
            container: container({ image: "ghcr.io/acme/api:latest" }),
            detail: 'has image "ghcr.io/acme/api:latest" with the latest tag; pin a version tag or a digest',
        },
        {
            title: "no tag is flagged",
            container: container({ image: "ghcr.io/acme/api" }),
            detail: 'has image "ghcr.io/acme/api" without a tag (it means latest); pin a version tag or a digest',
        },
        { title: "an unset image is flagged", container: without("image"), detail: "has no image; set a pinned image reference" },
    ]);
    void container;
    void without;
});
