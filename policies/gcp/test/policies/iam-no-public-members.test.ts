import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { iamNoPublicMembers } from "../../src/policies/iam-no-public-members.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [iamNoPublicMembers] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, iamNoPublicMembers, urn, detail);
const KEY = "gcp:kms/cryptoKey:CryptoKey";
const KEY_MEMBER = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
const BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
const TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
const FIX = "grant it to the service accounts or groups that need it.";

describe("gcp-iam-no-public-members", () => {
    it("passes grants to service accounts, groups and users", async () => {
        const s = new StackFixture();
        s.custom(KEY, "key", { keyRing: "ring" }, { id: "projects/p/keyRings/r/cryptoKeys/k" });
        s.custom(KEY_MEMBER, "sql", {
            cryptoKeyId: "projects/p/keyRings/r/cryptoKeys/k",
            role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            member: "serviceAccount:sql@p.iam.gserviceaccount.com",
        });
        s.custom(BUCKET_MEMBER, "reader", { bucket: "b", role: "roles/storage.objectViewer", member: "group:ops@example.com" });
        s.custom(TOPIC_MEMBER, "publisher", { topic: "t", role: "roles/pubsub.publisher", member: "user:a@example.com" });
        assert.deepEqual(await run(s), []);
    });

    it("flags allUsers and allAuthenticatedUsers on a bucket, a topic and a crypto key (and the key itself)", async () => {
        const s = new StackFixture();
        const key = s.custom(KEY, "key", { keyRing: "ring" }, { id: "projects/p/keyRings/r/cryptoKeys/k" });
        const keyGrant = s.custom(KEY_MEMBER, "anyone-decrypts", {
            cryptoKeyId: "projects/p/keyRings/r/cryptoKeys/k",
            role: "roles/cloudkms.cryptoKeyDecrypter",
            member: "allAuthenticatedUsers",
        });
        const bucket = s.custom(BUCKET_MEMBER, "public-read", { bucket: "b", role: "roles/storage.objectViewer", member: "allUsers" });
        const topic = s.custom(TOPIC_MEMBER, "public-publish", { topic: "t", role: "roles/pubsub.publisher", member: "allUsers" });
        assert.deepEqual(await run(s), [
            v(
                keyGrant.urn,
                `IAM grant anyone-decrypts-id (${keyGrant.urn}) gives roles/cloudkms.cryptoKeyDecrypter to allAuthenticatedUsers (anyone); ${FIX}`,
            ),
            v(
                key.urn,
                `KMS crypto key projects/p/keyRings/r/cryptoKeys/k (${key.urn}) is usable by allAuthenticatedUsers through anyone-decrypts; remove that grant.`,
            ),
            v(bucket.urn, `IAM grant public-read-id (${bucket.urn}) gives roles/storage.objectViewer to allUsers (anyone); ${FIX}`),
            v(topic.urn, `IAM grant public-publish-id (${topic.urn}) gives roles/pubsub.publisher to allUsers (anyone); ${FIX}`),
        ]);
    });

    it("flags a key ring granted to the public, on the grant and on the ring", async () => {
        const s = new StackFixture();
        const ring = s.custom(
            "gcp:kms/keyRing:KeyRing",
            "ring",
            { location: "us-west1" },
            { id: "projects/p/locations/us-west1/keyRings/r" },
        );
        const grant = s.custom("gcp:kms/keyRingIAMMember:KeyRingIAMMember", "ring-public", {
            keyRingId: "projects/p/locations/us-west1/keyRings/r",
            role: "roles/cloudkms.viewer",
            member: "allUsers",
        });
        assert.deepEqual(await run(s), [
            v(grant.urn, `IAM grant ring-public-id (${grant.urn}) gives roles/cloudkms.viewer to allUsers (anyone); ${FIX}`),
            v(
                ring.urn,
                `KMS key ring projects/p/locations/us-west1/keyRings/r (${ring.urn}) is usable by allUsers through ring-public; remove that grant.`,
            ),
        ]);
    });

    it("passes a grant whose member is not set (nothing is granted)", async () => {
        const s = new StackFixture();
        s.custom(BUCKET_MEMBER, "unset", { bucket: "b", role: "roles/storage.objectViewer" });
        assert.deepEqual(await run(s), []);
    });
});
