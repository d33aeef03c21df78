import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeReleaseChannel } from "../../src/policies/gke-release-channel.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeReleaseChannel] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeReleaseChannel, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";

describe("gcp-gke-release-channel", () => {
    it("passes REGULAR or STABLE outside production and STABLE in dr", async () => {
        const s = new StackFixture();
        const staging = s.gcpProvider("staging", ownershipTags("staging"));
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        s.custom(CLUSTER, "regular", { releaseChannel: { channel: "REGULAR" } }, { provider: staging });
        s.custom(CLUSTER, "stable", { releaseChannel: { channel: "STABLE" } }, { provider: staging });
        s.custom(CLUSTER, "dr", { releaseChannel: { channel: "STABLE" } }, { provider: dr });
        assert.deepEqual(await run(s), []);
    });

    it("flags RAPID, UNSPECIFIED, and REGULAR in dr", async () => {
        const s = new StackFixture();
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        const rapid = s.custom(CLUSTER, "rapid", { releaseChannel: { channel: "RAPID" } });
        const none = s.custom(CLUSTER, "none", { releaseChannel: { channel: "UNSPECIFIED" } });
        const regularDr = s.custom(CLUSTER, "regular-dr", { releaseChannel: { channel: "REGULAR" } }, { provider: dr });
        assert.deepEqual(await run(s), [
            v(rapid.urn, "GKE cluster rapid follows the RAPID channel; set releaseChannel.channel to REGULAR or STABLE."),
            v(none.urn, "GKE cluster none follows the UNSPECIFIED channel; set releaseChannel.channel to REGULAR or STABLE."),
            v(regularDr.urn, "GKE cluster regular-dr follows the REGULAR channel; set releaseChannel.channel to STABLE (dr)."),
        ]);
    });

    it("flags the channel left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [
            v(unset.urn, "GKE cluster unset does not set releaseChannel.channel; set releaseChannel.channel to REGULAR or STABLE."),
        ]);
    });
});
