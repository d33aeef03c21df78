import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { durationSeconds, kmsRotation } from "../../src/policies/kms-rotation.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [kmsRotation] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, kmsRotation, urn, detail);
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const FIX = 'set rotationPeriod to at most "7776000s" (90 days).';

describe("gcp-kms-rotation", () => {
    it("reads protobuf durations", () => {
        assert.deepEqual(["7776000s", "86400.5s", "90d", "7776000", ""].map(durationSeconds), [
            7776000,
            86400.5,
            undefined,
            undefined,
            undefined,
        ]);
    });

    it("passes at 90 days or less and ignores asymmetric and MAC keys", async () => {
        const s = new StackFixture();
        s.custom(KEY, "exactly-90", { keyRing: "r", rotationPeriod: "7776000s" });
        s.custom(KEY, "monthly", { keyRing: "r", rotationPeriod: "2592000s", purpose: "ENCRYPT_DECRYPT" });
        s.custom(KEY, "signing", { keyRing: "r", purpose: "ASYMMETRIC_SIGN" });
        s.custom(KEY, "mac", { keyRing: "r", purpose: "MAC" });
        assert.deepEqual(await run(s), []);
    });

    it("flags a longer period, an unreadable period, and rotation left unset", async () => {
        const s = new StackFixture();
        const yearly = s.custom(KEY, "yearly", { keyRing: "r", rotationPeriod: "31536000s" });
        const odd = s.custom(KEY, "odd", { keyRing: "r", rotationPeriod: "90d" });
        const unset = s.custom(KEY, "unset", { keyRing: "r" });
        assert.deepEqual(await run(s), [
            v(yearly.urn, `crypto key yearly rotates every 365 days (rotationPeriod "31536000s"); ${FIX}`),
            v(odd.urn, `crypto key odd has rotationPeriod "90d", which is not a duration in seconds like "7776000s"; ${FIX}`),
            v(unset.urn, `crypto key unset does not set rotationPeriod, so it never rotates; ${FIX}`),
        ]);
    });
});
