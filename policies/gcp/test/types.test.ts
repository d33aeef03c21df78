import * as assert from "node:assert/strict";
import * as gcp from "@pulumi/gcp";
import { GCP_TYPES } from "../src/types.js";

describe("gcp type tokens", () => {
    it("match the @pulumi/gcp resource classes", () => {
        const classes: Record<keyof typeof GCP_TYPES, object> = {
            subnetwork: gcp.compute.Subnetwork,
            firewall: gcp.compute.Firewall,
            cryptoKey: gcp.kms.CryptoKey,
            keyRing: gcp.kms.KeyRing,
        };
        for (const [key, cls] of Object.entries(classes)) {
            // `__pulumiType` is what the policy server compares (it is @internal in the SDK's typings).
            assert.equal(GCP_TYPES[key as keyof typeof GCP_TYPES], (cls as { __pulumiType?: unknown }).__pulumiType, key);
        }
    });
});
