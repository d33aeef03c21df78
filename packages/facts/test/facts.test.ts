import * as assert from "node:assert/strict";
import {
    engineUrn,
    ENVIRONMENTS,
    isEnvironmentName,
    isProductionEnvironment,
    isStatefulType,
    tagKind,
    urnQualifiedType,
} from "../src/index.js";

describe("facts", () => {
    it("production means prod and dr, and nothing else (unset and unknown names included)", () => {
        assert.deepEqual(ENVIRONMENTS.map(isProductionEnvironment), [false, false, true, true]);
        assert.equal(isProductionEnvironment(undefined), false);
        assert.equal(isProductionEnvironment("production"), false);
        assert.deepEqual(["dev", "Dev", "", 3].map(isEnvironmentName), [true, false, false, false]);
    });

    it("engine URNs chain every ancestor's type except the root stack's", () => {
        const stack = engineUrn("prod", "foundation", undefined, "pulumi:pulumi:Stack", "foundation-prod");
        assert.equal(stack, "urn:pulumi:prod::foundation::pulumi:pulumi:Stack::foundation-prod");
        const network = engineUrn("prod", "foundation", stack, "platform:network:AwsNetwork", "network");
        assert.equal(network, "urn:pulumi:prod::foundation::platform:network:AwsNetwork::network");
        const vpc = engineUrn("prod", "foundation", network, "aws:ec2/vpc:Vpc", "network-vpc");
        assert.equal(vpc, "urn:pulumi:prod::foundation::platform:network:AwsNetwork$aws:ec2/vpc:Vpc::network-vpc");
        assert.equal(urnQualifiedType(vpc), "platform:network:AwsNetwork$aws:ec2/vpc:Vpc");
        assert.equal(urnQualifiedType("not-a-urn"), "");
    });

    it("tagKind: listed types, types with tag inputs, untaggable types, other packages", () => {
        assert.equal(tagKind({ type: "aws:ec2/vpc:Vpc", props: {} }), "tags");
        assert.equal(tagKind({ type: "aws:dynamodb/table:Table", props: { tags: {} } }), "tags");
        assert.equal(tagKind({ type: "aws:dynamodb/table:Table", props: {} }), undefined);
        assert.equal(tagKind({ type: "aws:kms/alias:Alias", props: { tags: {} } }), undefined);
        assert.equal(tagKind({ type: "gcp:kms/cryptoKey:CryptoKey", props: {} }), "labels");
        assert.equal(tagKind({ type: "gcp:compute/router:Router", props: {} }), undefined);
        assert.equal(tagKind({ type: "gcp:compute/router:Router", props: { labels: {} } }), "labels");
        assert.equal(tagKind({ type: "kubernetes:core/v1:Namespace", props: { tags: {} } }), undefined);
    });

    it("stateful types: key material and zones are, networking plumbing is not", () => {
        assert.deepEqual(
            ["aws:kms/key:Key", "gcp:kms/keyRing:KeyRing", "aws:route53/zone:Zone", "aws:ec2/subnet:Subnet", "aws:kms/alias:Alias"].map(
                isStatefulType,
            ),
            [true, true, true, false, false],
        );
        assert.equal(isStatefulType("toString"), false);
    });

    it("stateful types: every data resource that holds data is, its plumbing is not", () => {
        const stateful = [
            "aws:rds/instance:Instance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:mq/broker:Broker",
            "aws:sqs/queue:Queue",
            "aws:s3/bucket:Bucket",
            "aws:backup/vault:Vault",
            "aws:secretsmanager/secret:Secret",
            "gcp:sql/databaseInstance:DatabaseInstance",
            "gcp:sql/database:Database",
            "gcp:redis/instance:Instance",
            "gcp:pubsub/topic:Topic",
            "gcp:pubsub/subscription:Subscription",
            "gcp:storage/bucket:Bucket",
            "gcp:secretmanager/secret:Secret",
        ];
        const plumbing = [
            "aws:rds/parameterGroup:ParameterGroup",
            "aws:rds/proxy:Proxy",
            "aws:s3/bucketVersioning:BucketVersioning",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:backup/plan:Plan",
            "aws:backup/selection:Selection",
            "aws:sqs/queuePolicy:QueuePolicy",
            "gcp:storage/transferJob:TransferJob",
            "gcp:storage/bucketIAMMember:BucketIAMMember",
        ];
        assert.deepEqual(
            stateful.filter((t) => !isStatefulType(t)),
            [],
        );
        assert.deepEqual(plumbing.filter(isStatefulType), []);
    });
});
