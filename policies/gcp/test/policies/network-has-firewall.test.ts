import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { networkHasFirewall } from "../../src/policies/network-has-firewall.js";

const NETWORK = "gcp:compute/network:Network";
const FIREWALL = "gcp:compute/firewall:Firewall";

describe("gcp-network-has-firewall", () => {
    it("passes a network with a rule (by reference or by id); flags one without any", async () => {
        const s = new StackFixture();
        const vpc = s.custom(NETWORK, "vpc", { autoCreateSubnetworks: false }, { id: "projects/p/global/networks/vpc" });
        s.custom(
            FIREWALL,
            "deny-all",
            { network: "projects/p/global/networks/vpc", denies: [{ protocol: "all" }] },
            { propertyDependencies: { network: [vpc] } },
        );
        s.custom(NETWORK, "by-id", {}, { id: "projects/p/global/networks/by-id" });
        s.custom(FIREWALL, "by-id-rule", { network: "projects/p/global/networks/by-id", denies: [{ protocol: "all" }] });
        const bare = s.custom(NETWORK, "bare", {}, { id: "projects/p/global/networks/bare" });
        assert.deepEqual(await evaluatePack({ name: packName, policies: [networkHasFirewall] }, s.build()), [
            expectedViolation(
                packName,
                networkHasFirewall,
                bare.urn,
                `VPC network projects/p/global/networks/bare (${bare.urn}) has no firewall rule in the stack; add a deny-all ingress rule and the allows it needs.`,
            ),
        ]);
    });
});
