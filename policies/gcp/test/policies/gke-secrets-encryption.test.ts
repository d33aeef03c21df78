import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { gkeSecretsEncryption } from "../../src/policies/gke-secrets-encryption.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [gkeSecretsEncryption] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, gkeSecretsEncryption, urn, detail);
const CLUSTER = "gcp:container/cluster:Cluster";
const KEY = "projects/p/locations/us-west1/keyRings/r/cryptoKeys/secrets";
const FIX = "so secrets are not encrypted with a key the platform controls; set state ENCRYPTED with a Cloud KMS keyName.";

describe("gcp-gke-secrets-encryption", () => {
    it("passes secrets encrypted with a Cloud KMS key", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "encrypted", { databaseEncryption: { state: "ENCRYPTED", keyName: KEY } });
        assert.deepEqual(await run(s), []);
    });

    it("flags decrypted state and an encrypted state without a key", async () => {
        const s = new StackFixture();
        const decrypted = s.custom(CLUSTER, "decrypted", { databaseEncryption: { state: "DECRYPTED" } });
        const noKey = s.custom(CLUSTER, "no-key", { databaseEncryption: { state: "ENCRYPTED" } });
        assert.deepEqual(await run(s), [
            v(decrypted.urn, `GKE cluster decrypted sets databaseEncryption state DECRYPTED and keyName (unset), ${FIX}`),
            v(noKey.urn, `GKE cluster no-key sets databaseEncryption state ENCRYPTED and keyName (unset), ${FIX}`),
        ]);
    });

    it("flags databaseEncryption left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", {});
        assert.deepEqual(await run(s), [v(unset.urn, `GKE cluster unset does not set databaseEncryption, ${FIX}`)]);
    });
});
