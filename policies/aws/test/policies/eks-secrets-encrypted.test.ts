import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { eksSecretsEncrypted } from "../../src/policies/eks-secrets-encrypted.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [eksSecretsEncrypted] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, eksSecretsEncrypted, urn, detail);
const CLUSTER = "aws:eks/cluster:Cluster";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/1";
const FIX = 'set encryptionConfig: { resources: ["secrets"], provider: { keyArn: <customer-managed KMS key ARN> } }';

describe("aws-eks-secrets-encrypted", () => {
    it("passes secrets encrypted with a key, as one block or a list of one", async () => {
        const s = new StackFixture();
        s.custom(CLUSTER, "block", { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } });
        s.custom(CLUSTER, "list", { encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: KEY } }] });
        assert.deepEqual(await run(s), []);
    });

    it("flags a config that does not cover secrets, and one without a key", async () => {
        const s = new StackFixture();
        const other = s.custom(CLUSTER, "other", { encryptionConfig: { resources: [], provider: { keyArn: KEY } } });
        const noKey = s.custom(CLUSTER, "no-key", { encryptionConfig: { resources: ["secrets"], provider: {} } });
        assert.deepEqual(await run(s), [
            v(other.urn, `EKS cluster other has an encryptionConfig that does not cover secrets; ${FIX}.`),
            v(noKey.urn, `EKS cluster no-key has an encryptionConfig without a KMS key (provider.keyArn); ${FIX}.`),
        ]);
    });

    it("flags encryptionConfig left unset", async () => {
        const s = new StackFixture();
        const unset = s.custom(CLUSTER, "unset", { version: "1.35" });
        assert.deepEqual(await run(s), [
            v(unset.urn, `EKS cluster unset does not set encryptionConfig, so Kubernetes secrets are not envelope-encrypted; ${FIX}.`),
        ]);
    });
});
