import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkePrivateCluster } from "../../src/policies/gke-private-cluster.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkePrivateCluster] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkePrivateCluster, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const FIX = "set enablePrivateEndpoint: true, or list only the networks that need the API in masterAuthorizedNetworksConfig.cidrBlocks";
const PRIVATE_NODES = (name: string) =>
    `GKE cluster ${name} does not set privateClusterConfig.enablePrivateNodes: true, so its nodes get public IPs; enable private nodes.`;

describe("gcp-gke-private-cluster", () => {
    it("passes private nodes with a private endpoint, or with a public endpoint limited to authorized networks", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "private", { privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true } });
        s.custom(CLUSTER, "authorized", {
            privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false },
            masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }], gcpPublicCidrsAccessEnabled: false },
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags public nodes, authorized 0.0.0.0/0 (with a private endpoint too), Google's public ranges, and a public endpoint without authorized networks", async () => {
        const s = new StackFixture();
        const publicNodes = s.custom(CLUSTER, "public-nodes", {
            privateClusterConfig: { enablePrivateNodes: false, enablePrivateEndpoint: true },
        });
        const open = s.custom(CLUSTER, "open", {
            privateClusterConfig: { enablePrivateNodes: true },
            masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }], gcpPublicCidrsAccessEnabled: true },
        });
        const privateOpen = s.custom(CLUSTER, "private-open", {
            privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
            masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] },
        });
        const noNetworks = s.custom(CLUSTER, "no-networks", {
            privateClusterConfig: { enablePrivateNodes: true },
            masterAuthorizedNetworksConfig: { cidrBlocks: [] },
        });
        assert.deepEqual(await run(s), [
            v(publicNodes.urn, PRIVATE_NODES("public-nodes")),
            v(open.urn, `GKE cluster open authorizes 0.0.0.0/0 to reach its public endpoint; ${FIX}.`),
            v(
                open.urn,
                "GKE cluster open lets Google Cloud's public IP ranges reach its endpoint (gcpPublicCidrsAccessEnabled); set it to false.",
            ),
            v(privateOpen.urn, "GKE cluster private-open authorizes 0.0.0.0/0 to reach its endpoint; remove it."),
            v(
                noNetworks.urn,
                `GKE cluster no-networks has a public endpoint without master authorized networks, so the API is open to the internet; ${FIX}.`,
            ),
        ]);
    });

    it("flags the private cluster settings left unset (public nodes, public endpoint)", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", { location: "us-west1" });
        assert.deepEqual(await run(s), [
            v(unset.urn, PRIVATE_NODES("unset")),
            v(
                unset.urn,
                `GKE cluster unset has a public endpoint without master authorized networks, so the API is open to the internet; ${FIX}.`,
            ),
        ]);
    });
});
