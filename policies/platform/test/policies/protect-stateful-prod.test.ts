import * as assert from "node:assert/strict";
import { STATEFUL_TYPES } from "@platform/facts";
import { evaluatePack, type EvaluatedResource, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { protectStatefulProd } from "../../src/policies/protect-stateful-prod.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [protectStatefulProd] }, s.build());
const FIX =
    "set the resource option protect: true on it, or on the component that creates it (children inherit it unless they set protect: false).";
/** The violation for `r`, named `label` (its id or name), in `env`. */
const v = (r: EvaluatedResource, label: string, env: string) =>
    expectedViolation(
        packName,
        protectStatefulProd,
        r.urn,
        `${r.type} ${label} (${r.urn}) is in ${env} but not protected, so a refactor or a stack removal could delete or replace it (at stake: ${STATEFUL_TYPES[r.type]}); ${FIX}`,
    );

const AWS_KEY = "aws:kms/key:Key";
const AWS_ZONE = "aws:route53/zone:Zone";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const S3_BUCKET = "aws:s3/bucketV2:BucketV2";
const KEY_RING = "gcp:kms/keyRing:KeyRing";
const CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey";
const MANAGED_ZONE = "gcp:dns/managedZone:ManagedZone";

/** One of each stateful type the foundation creates, on both clouds, with the given protection. */
function foundation(s: StackFixture, environment: string, protect: boolean | undefined) {
    const aws = s.awsProvider("aws", ownershipTags(environment), { jsonEncoded: true });
    const gcp = s.gcpProvider("gcp", ownershipTags(environment));
    const opts = (provider: EvaluatedResource) => ({ provider, ...(protect === undefined ? {} : { protect }) });
    return [
        s.custom(AWS_KEY, "key", { enableKeyRotation: true }, { ...opts(aws), id: "key-1" }),
        s.custom(AWS_ZONE, "zone", { name: "acme.example" }, { ...opts(aws), id: "Z123" }),
        s.custom(LOG_GROUP, "flow-logs", { retentionInDays: 365 }, { ...opts(aws), id: "flow-logs" }),
        s.custom(KEY_RING, "ring", { location: "us" }, { ...opts(gcp), id: "projects/p/locations/us/keyRings/ring" }),
        s.custom(CRYPTO_KEY, "logs", { keyRing: "ring" }, { ...opts(gcp), id: "projects/p/locations/us/keyRings/ring/cryptoKeys/logs" }),
        s.custom(MANAGED_ZONE, "dr-zone", { dnsName: "dr.acme.example." }, { ...opts(gcp), id: "projects/p/managedZones/dr-zone" }),
    ];
}

describe("platform-protect-stateful-prod", () => {
    it("passes for protected stateful resources in prod, and never looks at resources that hold no state", async () => {
        const s = new StackFixture({ stack: "prod" });
        foundation(s, "prod", true);
        const aws = s.awsProvider("aws-2", ownershipTags("prod"));
        s.custom("aws:ec2/subnet:Subnet", "subnet", { cidrBlock: "10.0.0.0/24" }, { provider: aws });
        s.custom("aws:kms/alias:Alias", "alias", { name: "alias/logs", targetKeyId: "key-1" }, { provider: aws });
        s.component("platform:security:AwsKmsKeys", "keys");
        assert.deepEqual(await run(s), []);
    });

    it("flags every unprotected stateful resource in prod, both clouds, protect set to false or never set, saying what is at stake", async () => {
        for (const protect of [false, undefined]) {
            const s = new StackFixture({ stack: "prod" });
            const [key, zone, logs, ring, cryptoKey, managedZone] = foundation(s, "prod", protect);
            assert.deepEqual(
                await run(s),
                [
                    v(key, "key-1", "prod"),
                    v(zone, "Z123", "prod"),
                    v(logs, "flow-logs", "prod"),
                    v(ring, "projects/p/locations/us/keyRings/ring", "prod"),
                    v(cryptoKey, "projects/p/locations/us/keyRings/ring/cryptoKeys/logs", "prod"),
                    v(managedZone, "projects/p/managedZones/dr-zone", "prod"),
                ],
                `protect: ${String(protect)}`,
            );
        }
    });

    it("flags dr like prod, and reads the message's reason from the stateful-type table", async () => {
        const s = new StackFixture({ stack: "dr" });
        const gcp = s.gcpProvider("gcp", ownershipTags("dr"), { jsonEncoded: true });
        const ring = s.custom(KEY_RING, "ring", { location: "us" }, { provider: gcp, id: "ring-1" });
        assert.deepEqual(await run(s), [v(ring, "ring-1", "dr")]);
        assert.match(v(ring, "ring-1", "dr").message, /at stake: key rings cannot be deleted, and their names can never be reused\)/);
    });

    it("gives resources without an environment of their own the stack's, and holds a stack that declares prod to it", async () => {
        const s = new StackFixture({ stack: "prod" });
        foundation(s, "prod", true);
        // On the engine's default provider: no labels, so the stack's environment.
        const ring = s.custom(KEY_RING, "default-provider-ring", { location: "us" });
        // A resource labelled dev in a stack that declares prod: the stricter rule.
        const bucket = s.custom(S3_BUCKET, "scratch", { bucket: "scratch", tags: { environment: "dev" } });
        assert.deepEqual(await run(s), [v(ring, "default-provider-ring-id", "prod"), v(bucket, "scratch-id", "prod")]);
    });

    it("flags a resource tagged prod in a stack whose providers say dev", async () => {
        const s = new StackFixture({ stack: "dev" });
        const aws = s.awsProvider("aws", ownershipTags("dev"));
        const key = s.custom(AWS_KEY, "prod-key", { tags: { environment: "prod" } }, { provider: aws, id: "key-9" });
        s.custom(AWS_KEY, "dev-key", {}, { provider: aws });
        assert.deepEqual(await run(s), [v(key, "key-9", "prod")]);
    });

    it("does not flag unprotected stateful resources outside production, or in a stack with no environment at all", async () => {
        for (const environment of ["dev", "staging"]) {
            const s = new StackFixture({ stack: environment });
            foundation(s, environment, false);
            assert.deepEqual(await run(s), [], environment);
        }
        const s = new StackFixture();
        s.custom(AWS_KEY, "key", {});
        s.custom(KEY_RING, "ring", { location: "us" });
        assert.deepEqual(await run(s), []);
    });
});
