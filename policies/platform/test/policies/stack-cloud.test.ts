import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { cloudOfType, packName, stackCloud } from "../../src/index.js";

/** A stack with a resource of each cloud (explicit providers) and one of neither. */
function mixed() {
    const s = new StackFixture({ stack: "prod" });
    const aws = s.awsProvider("aws", ownershipTags("prod"));
    const gcp = s.gcpProvider("gcp", ownershipTags("prod"));
    const key = s.custom("aws:kms/key:Key", "key", {}, { provider: aws, id: "key-1" });
    const bucket = s.custom("gcp:storage/bucket:Bucket", "bucket", { location: "US" }, { provider: gcp, id: "bucket-1" });
    s.custom("random:index/randomId:RandomId", "rand", { byteLength: 4 });
    s.custom("kubernetes:core/v1:Namespace", "ns", { metadata: { name: "apps" } });
    return { s, key, bucket };
}

const run = (s: StackFixture, config?: Record<string, unknown>) =>
    evaluatePack({ name: packName, policies: [stackCloud] }, s.build(), config === undefined ? {} : { config });
const v = (urn: string, detail: string) => expectedViolation(packName, stackCloud, urn, detail);

describe("platform-stack-cloud", () => {
    it("unconfigured (cloud: any, as synth and a preview with every pack run it) checks nothing", async () => {
        assert.deepEqual(await run(mixed().s), []);
        assert.deepEqual(await run(mixed().s, { "platform-stack-cloud": { cloud: "any" } }), []);
    });

    it("cloud: aws refuses each gcp resource, naming it and why no policy checks it; a gcp provider alone is no resource the gcp pack checks", async () => {
        const { s, bucket } = mixed();
        assert.deepEqual(await run(s, { "platform-stack-cloud": { cloud: "aws" } }), [
            v(
                bucket.urn,
                `gcp:storage/bucket:Bucket bucket-1 (${bucket.urn}) is a gcp resource in a stack whose previews run with the aws policy pack only: ` +
                    "no gcp policy checks it; create it in a gcp environment's stack.",
            ),
        ]);
    });

    it("cloud: gcp refuses each aws resource and leaves the gcp ones", async () => {
        const { s, key } = mixed();
        assert.deepEqual(
            (await run(s, { "platform-stack-cloud": { cloud: "gcp" } })).map((x) => x.urn),
            [key.urn],
        );
    });

    it("a stack of the configured cloud only passes", async () => {
        const s = new StackFixture({ stack: "prod" });
        const aws = s.awsProvider("aws", ownershipTags("prod"));
        s.custom("aws:s3/bucketV2:BucketV2", "logs", {}, { provider: aws });
        s.custom("kubernetes:core/v1:Namespace", "ns", { metadata: { name: "apps" } });
        assert.deepEqual(await run(s, { "platform-stack-cloud": { cloud: "aws" } }), []);
    });

    it("a cloud outside the schema's enum is refused as the engine refuses it", async () => {
        await assert.rejects(run(mixed().s, { "platform-stack-cloud": { cloud: "azure" } }), /platform-stack-cloud/);
    });

    it("cloudOfType: aws or gcp for their resource types only (not their providers, not other packages)", () => {
        assert.deepEqual(
            [
                "aws:s3/bucketV2:BucketV2",
                "gcp:storage/bucket:Bucket",
                "pulumi:providers:aws",
                "pulumi:providers:gcp",
                "aws-native:s3:Bucket",
                "kubernetes:core/v1:Namespace",
                "pulumi:pulumi:Stack",
            ].map(cloudOfType),
            ["aws", "gcp", undefined, undefined, undefined, undefined, undefined],
        );
    });
});
