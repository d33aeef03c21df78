import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { kmsPreventDestroy } from "../../src/policies/kms-prevent-destroy.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [kmsPreventDestroy] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, kmsPreventDestroy, urn, detail);
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const RING = "gcp:kms/keyRing:KeyRing";
const FIX =
    "but not protected; set the resource option protect: true so Pulumi never deletes it (data it encrypted would become unreadable).";

describe("gcp-kms-prevent-destroy", () => {
    it("passes for protected keys in prod, and for unprotected keys outside prod/dr or with no environment", async () => {
        const s = new StackFixture();
        const prod = s.gcpProvider("prod", ownershipTags("prod"), { jsonEncoded: true });
        const dev = s.gcpProvider("dev", ownershipTags("dev"));
        const ring = s.custom(RING, "ring", { location: "us" }, { provider: prod, protect: true });
        s.custom(KEY, "key", { keyRing: ring.id }, { provider: prod, protect: true });
        s.custom(KEY, "dev-key", { keyRing: "r" }, { provider: dev });
        s.custom(KEY, "no-env", { keyRing: "r" });
        assert.deepEqual(await run(s), []);
    });

    it("flags unprotected key rings and keys in prod and dr, by provider default labels or the key's own label", async () => {
        const s = new StackFixture();
        const prod = s.gcpProvider("prod", ownershipTags("prod"), { jsonEncoded: true });
        const dr = s.gcpProvider("dr", ownershipTags("dr"));
        const ring = s.custom(RING, "ring", { location: "us" }, { provider: prod });
        const key = s.custom(KEY, "key", { keyRing: "r" }, { provider: dr });
        const labelled = s.custom(KEY, "labelled", { keyRing: "r", labels: { environment: "prod" } });
        assert.deepEqual(await run(s), [
            v(ring.urn, `key ring ring is in environment prod ${FIX}`),
            v(key.urn, `crypto key key is in environment dr ${FIX}`),
            v(labelled.urn, `crypto key labelled is in environment prod ${FIX}`),
        ]);
    });
});
