import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, ownershipTags, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { requiredTags } from "../../src/policies/required-tags.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [requiredTags] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, requiredTags, urn, detail);
const AWS_FIX = "set them in the provider's defaultTags (preferred) or the resource's tags.";
const GCP_FIX = "set them in the provider's defaultLabels (preferred) or the resource's labels.";

describe("platform-required-tags", () => {
    it("passes when provider defaults (object or JSON) carry every key, and never flags resources that cannot carry tags", async () => {
        const s = new StackFixture({ stack: "prod" });
        const aws = s.awsProvider("aws", ownershipTags("prod"), { jsonEncoded: true });
        const gcp = s.gcpProvider("gcp", ownershipTags("prod"));
        const net = s.component("platform:network:AwsNetwork", "net");
        s.custom("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }, { provider: aws, parent: net });
        s.custom("aws:ec2/subnet:Subnet", "subnet", { tags: { Name: "a", tier: "public" } }, { provider: aws, parent: net });
        s.custom("gcp:kms/cryptoKey:CryptoKey", "key", { keyRing: "r" }, { provider: gcp });
        s.custom("aws:ec2/route:Route", "default-route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0" });
        s.custom("aws:ec2/routeTableAssociation:RouteTableAssociation", "assoc", { routeTableId: "rtb-1", subnetId: "subnet-1" });
        s.custom("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "attach", { role: "r", policyArn: "arn" });
        s.custom("aws:kms/alias:Alias", "alias", { name: "alias/x", targetKeyId: "k" });
        s.custom("gcp:compute/firewall:Firewall", "fw", { network: "n" });
        s.custom("gcp:compute/subnetwork:Subnetwork", "subnetwork", { network: "n" });
        s.custom("gcp:compute/router:Router", "router", { network: "n" });
        s.custom("gcp:kms/keyRing:KeyRing", "ring", { location: "us" });
        s.custom("random:index/randomId:RandomId", "rand", { byteLength: 4 });
        assert.deepEqual(await run(s), []);
    });

    it("lets resource tags complete the provider defaults", async () => {
        const s = new StackFixture();
        const aws = s.awsProvider("aws", { environment: "dev", project: "platform", "managed-by": "pulumi" });
        s.custom("aws:kms/key:Key", "key", { tags: { team: "security", "cost-center": "cc-1" } }, { provider: aws });
        assert.deepEqual(await run(s), []);
    });

    it("flags missing and empty keys, per resource, in catalogue order", async () => {
        const s = new StackFixture();
        const aws = s.awsProvider("aws", { environment: "dev", project: "platform", "managed-by": "pulumi" }, { jsonEncoded: true });
        const gcp = s.gcpProvider("gcp", { ...ownershipTags("dev"), team: "" }, { jsonEncoded: true });
        const vpc = s.custom("aws:ec2/vpc:Vpc", "vpc", {}, { provider: aws, id: "vpc-1" });
        const key = s.custom("gcp:kms/cryptoKey:CryptoKey", "key", { keyRing: "r" }, { provider: gcp, id: "key-1" });
        assert.deepEqual(await run(s), [
            v(vpc.urn, `aws:ec2/vpc:Vpc vpc-1 (${vpc.urn}) is missing required tags team, cost-center; ${AWS_FIX}`),
            v(key.urn, `gcp:kms/cryptoKey:CryptoKey key-1 (${key.urn}) is missing required labels team; ${GCP_FIX}`),
        ]);
    });

    it("flags resources with no tags at all (default provider, tags left unset), including types recognized only by their tags/labels key", async () => {
        const s = new StackFixture();
        const bucket = s.custom("aws:s3/bucketV2:BucketV2", "logs", { bucket: "logs" }, { id: "logs" });
        const param = s.custom("aws:ssm/parameter:Parameter", "param", { type: "String", value: "x", tags: {} }, { id: "param" });
        const run2 = s.custom("gcp:cloudrunv2/service:Service", "svc", { location: "us", labels: { team: "web" } }, { id: "svc" });
        const all = "environment, team, cost-center, project, managed-by";
        assert.deepEqual(await run(s), [
            v(bucket.urn, `aws:s3/bucketV2:BucketV2 logs (${bucket.urn}) is missing required tags ${all}; ${AWS_FIX}`),
            v(param.urn, `aws:ssm/parameter:Parameter param (${param.urn}) is missing required tags ${all}; ${AWS_FIX}`),
            v(
                run2.urn,
                `gcp:cloudrunv2/service:Service svc (${run2.urn}) is missing required labels environment, cost-center, project, managed-by; ${GCP_FIX}`,
            ),
        ]);
    });
});
