import * as assert from "node:assert/strict";
import { REPLACE_ON_CHANGE, replacesOnChange, simulateResource, stableHex } from "@platform/synth";
import {
    check,
    create,
    diff,
    diffConfig,
    invoke,
    parseProviderConfig,
    parseUrn,
    type ProviderConfig,
    read,
    remove,
    secret,
    startupBanner,
    UNKNOWN,
    unconfigured,
    update,
} from "../src/index.js";

const urn = (type: string, name: string, parent = "platform:network:AwsNetwork$") =>
    `urn:pulumi:prod::foundation::${parent}${type}::${name}`;

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const KEY = "aws:kms/key:Key";

const OWNERSHIP = { team: "platform", environment: "prod", "managed-by": "pulumi" };

/** An AWS provider configured the way `createCloudProvider` configures it (the SDK JSON-encodes defaultTags). */
const aws: ProviderConfig = parseProviderConfig(
    "aws",
    {},
    { region: "us-west-2", defaultTags: JSON.stringify({ tags: OWNERSHIP }), version: "7.48.0" },
);
const gcp: ProviderConfig = parseProviderConfig(
    "gcp",
    {},
    { project: "acme-dr", region: "us-west1", defaultLabels: JSON.stringify({ team: "platform", environment: "dr" }) },
);

describe("simulated provider: configuration", () => {
    it("reads region and defaultTags from the provider inputs, JSON-encoded or not, secret or not", () => {
        assert.deepEqual(aws, { package: "aws", region: "us-west-2", defaultTags: OWNERSHIP, defaultLabels: {} });
        assert.deepEqual(parseProviderConfig("aws", {}, { region: secret("eu-west-1"), defaultTags: { tags: { a: "b" } } }), {
            package: "aws",
            region: "eu-west-1",
            defaultTags: { a: "b" },
            defaultLabels: {},
        });
    });

    it("falls back to the `<pkg>:config:<key>` variables, which the inputs override", () => {
        const variables = {
            "aws:config:region": "ca-central-1",
            "aws:config:defaultTags": '{"tags":{"x":"1"}}',
            "gcp:config:project": "ignored",
        };
        assert.deepEqual(parseProviderConfig("aws", variables), {
            package: "aws",
            region: "ca-central-1",
            defaultTags: { x: "1" },
            defaultLabels: {},
        });
        assert.equal(parseProviderConfig("aws", variables, { region: "us-east-2" }).region, "us-east-2");
    });

    it("reads GCP project, region and defaultLabels", () => {
        assert.deepEqual(gcp, {
            package: "gcp",
            region: "us-west1",
            project: "acme-dr",
            defaultTags: {},
            defaultLabels: { team: "platform", environment: "dr" },
        });
    });

    it("says what it is", () => {
        assert.equal(startupBanner("aws"), "simulated cloud: pulumi-resource-aws (rehearsal only; nothing is created in AWS)");
        assert.equal(startupBanner("gcp"), "simulated cloud: pulumi-resource-gcp (rehearsal only; nothing is created in GCP)");
    });

    it("takes type and logical name from the URN, parents and all", () => {
        assert.deepEqual(parseUrn(urn(VPC, "acme-prod-network-vpc")), { type: VPC, name: "acme-prod-network-vpc" });
        assert.deepEqual(parseUrn("urn:pulumi:s::p::a:b:C$d:e:F$aws:ec2/vpc:Vpc::odd::name"), { type: VPC, name: "odd::name" });
        assert.throws(() => parseUrn("vpc-123"), /not a resource URN: vpc-123/);
    });
});

describe("simulated provider: create", () => {
    it("creates a VPC with the cloud model's id and outputs, the configured region and tagsAll", () => {
        const inputs = { cidrBlock: "10.30.0.0/16", enableDnsHostnames: true, tags: { Name: "acme-prod-vpc" } };
        const result = create(aws, { urn: urn(VPC, "acme-prod-network-vpc"), properties: inputs });
        // The mocks and the plugin agree: same id for the same type and name.
        assert.equal(result.id, simulateResource({ type: VPC, name: "acme-prod-network-vpc", inputs }).id);
        const id = `vpc-${stableHex(17, VPC, "acme-prod-network-vpc")}`;
        assert.equal(result.id, id);
        assert.deepEqual(result.properties, {
            cidrBlock: "10.30.0.0/16",
            enableDnsHostnames: true,
            tags: { Name: "acme-prod-vpc" },
            region: "us-west-2",
            arn: `arn:aws:ec2:us-west-2:111111111111:vpc/${id}`,
            defaultSecurityGroupId: `sg-${stableHex(17, id, "default-sg")}`,
            defaultNetworkAclId: `acl-${stableHex(17, id, "default-acl")}`,
            defaultRouteTableId: `rtb-${stableHex(17, id, "main-rtb")}`,
            mainRouteTableId: `rtb-${stableHex(17, id, "main-rtb")}`,
            ownerId: "111111111111",
            tagsAll: { ...OWNERSHIP, Name: "acme-prod-vpc" },
        });
        // Everything the model computes is what the mocks compute, given the provider's region.
        const mocked = simulateResource({ type: VPC, name: "acme-prod-network-vpc", inputs: { ...inputs, region: "us-west-2" } });
        assert.deepEqual(result.properties, { ...mocked.state, tagsAll: { ...OWNERSHIP, Name: "acme-prod-vpc" } });
    });

    it("creates a subnet", () => {
        const inputs = {
            vpcId: "vpc-1",
            cidrBlock: "10.30.0.0/19",
            availabilityZone: "us-west-2a",
            tags: { Name: "private-a", team: "data" },
        };
        const result = create(aws, { urn: urn(SUBNET, "private-a"), properties: inputs });
        const id = simulateResource({ type: SUBNET, name: "private-a", inputs }).id;
        assert.equal(result.id, id);
        assert.match(id, /^subnet-[0-9a-f]{17}$/);
        assert.deepEqual(result.properties, {
            ...inputs,
            region: "us-west-2",
            arn: `arn:aws:ec2:us-west-2:111111111111:subnet/${id}`,
            ownerId: "111111111111",
            // The resource's own tags win over the provider's defaultTags.
            tagsAll: { team: "data", environment: "prod", "managed-by": "pulumi", Name: "private-a" },
        });
    });

    it("creates a KMS key with a key id shaped like AWS's", () => {
        const inputs = { description: "logs", enableKeyRotation: true, deletionWindowInDays: 30 };
        const result = create(aws, { urn: urn(KEY, "acme-prod-kms-logs", "platform:security:AwsKmsKeys$"), properties: inputs });
        assert.equal(result.id, simulateResource({ type: KEY, name: "acme-prod-kms-logs", inputs }).id);
        assert.match(result.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.deepEqual(result.properties, {
            ...inputs,
            region: "us-west-2",
            keyId: result.id,
            arn: `arn:aws:kms:us-west-2:111111111111:key/${result.id}`,
            tagsAll: OWNERSHIP,
        });
    });

    it("adds tagsAll only where the real provider has it, and no region to global services", () => {
        const route = create(aws, {
            urn: urn("aws:ec2/route:Route", "r"),
            properties: { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0" },
        });
        assert.equal("tagsAll" in route.properties, false);
        assert.equal(route.properties["region"], "us-west-2");
        const role = create(aws, { urn: urn("aws:iam/role:Role", "flow-logs"), properties: { name: "flow-logs", assumeRolePolicy: "{}" } });
        assert.equal(role.properties["arn"], "arn:aws:iam::111111111111:role/flow-logs");
        assert.equal("region" in role.properties, false);
        assert.deepEqual(role.properties["tagsAll"], OWNERSHIP);
        // A type not on the taggable list (@platform/facts): tagsAll when it has tags, never for an untaggable type.
        const param = create(aws, { urn: urn("aws:ssm/parameter:Parameter", "p"), properties: { tags: { a: "1" } } });
        assert.deepEqual(param.properties["tagsAll"], { ...OWNERSHIP, a: "1" });
        const alias = create(aws, { urn: urn("aws:kms/alias:Alias", "a"), properties: { name: "alias/a", tags: { a: "1" } } });
        assert.equal("tagsAll" in alias.properties, false);
    });

    it("gives GCP resources the provider's project and region, and effectiveLabels / pulumiLabels", () => {
        const subnetInputs = {
            name: "acme-dr-private",
            network: "projects/acme-dr/global/networks/acme-dr-vpc",
            ipCidrRange: "10.40.0.0/20",
        };
        const subnet = create(gcp, {
            urn: urn("gcp:compute/subnetwork:Subnetwork", "private", "platform:network:GcpNetwork$"),
            properties: subnetInputs,
        });
        assert.equal(subnet.id, "projects/acme-dr/regions/us-west1/subnetworks/acme-dr-private");
        assert.equal(
            subnet.id,
            simulateResource({
                type: "gcp:compute/subnetwork:Subnetwork",
                name: "private",
                inputs: { ...subnetInputs, project: "acme-dr", region: "us-west1" },
            }).id,
        );
        assert.deepEqual(subnet.properties, {
            ...subnetInputs,
            project: "acme-dr",
            region: "us-west1",
            selfLink: "https://www.googleapis.com/compute/v1/projects/acme-dr/regions/us-west1/subnetworks/acme-dr-private",
            gatewayAddress: "0.0.0.0",
        });

        const keyInputs = {
            name: "logs",
            keyRing: "projects/acme-dr/locations/us-west1/keyRings/acme-dr",
            purpose: "ENCRYPT_DECRYPT",
            labels: { purpose: "logs", environment: "dr-override" },
        };
        const key = create(gcp, {
            urn: urn("gcp:kms/cryptoKey:CryptoKey", "logs", "platform:security:GcpKmsKeys$"),
            properties: keyInputs,
        });
        assert.equal(key.id, "projects/acme-dr/locations/us-west1/keyRings/acme-dr/cryptoKeys/logs");
        const labels = { team: "platform", environment: "dr-override", purpose: "logs" };
        assert.deepEqual(key.properties, { ...keyInputs, effectiveLabels: labels, pulumiLabels: labels });
        // A key ring has no labels in the GCP schema; a crypto key has no project.
        const ring = create(gcp, { urn: urn("gcp:kms/keyRing:KeyRing", "ring"), properties: { name: "acme-dr", location: "us-west1" } });
        assert.deepEqual(ring.properties, { name: "acme-dr", location: "us-west1", project: "acme-dr" });
    });

    it("keeps secret inputs in their wire form", () => {
        const result = create(aws, { urn: urn("aws:iam/rolePolicy:RolePolicy", "p"), properties: { role: "r", policy: secret("{}") } });
        assert.deepEqual(result.properties["policy"], secret("{}"));
    });

    it("answers a preview like a real plan: no id, computed outputs unknown, tags and defaults known", () => {
        const result = create(aws, {
            urn: urn(SUBNET, "private-a"),
            properties: { vpcId: UNKNOWN, cidrBlock: "10.30.0.0/19", tags: { Name: "a" } },
            preview: true,
        });
        assert.deepEqual(result, {
            id: "",
            properties: {
                vpcId: UNKNOWN,
                cidrBlock: "10.30.0.0/19",
                tags: { Name: "a" },
                region: "us-west-2",
                arn: UNKNOWN,
                ownerId: UNKNOWN,
                tagsAll: { ...OWNERSHIP, Name: "a" },
            },
        });
        // Unknown tags make tagsAll unknown; an unknown name makes everything derived from it unknown.
        const vpc = create(aws, { urn: urn(VPC, "v"), properties: { cidrBlock: "10.0.0.0/16", tags: UNKNOWN }, preview: true });
        assert.equal(vpc.properties["tagsAll"], UNKNOWN);
        const ring = create(gcp, {
            urn: urn("gcp:kms/keyRing:KeyRing", "ring"),
            properties: { name: UNKNOWN, location: "us-west1" },
            preview: true,
        });
        assert.deepEqual(ring, { id: "", properties: { name: UNKNOWN, location: "us-west1", project: "acme-dr" } });
    });

    it("refuses unknown inputs outside a preview, and types of another provider", () => {
        assert.throws(
            () => create(aws, { urn: urn(VPC, "v"), properties: { cidrBlock: UNKNOWN } }),
            /simulated cloud \(pulumi-resource-aws\): cannot create .* with unknown inputs outside a preview/,
        );
        assert.throws(
            () => create(aws, { urn: urn("gcp:compute/network:Network", "n"), properties: {} }),
            /cannot manage gcp:compute\/network:Network/,
        );
    });
});

describe("simulated provider: diff", () => {
    const vpcUrn = urn(VPC, "acme-prod-network-vpc");
    const oldInputs = { cidrBlock: "10.30.0.0/16", enableDnsHostnames: true, tags: { Name: "acme-prod-vpc" } };
    const olds = create(aws, { urn: vpcUrn, properties: oldInputs }).properties;

    it("reports no change for the same inputs (the region default compared with the state)", () => {
        assert.deepEqual(diff(aws, { urn: vpcUrn, olds, oldInputs, news: { ...oldInputs } }), {
            changes: false,
            replaces: [],
            diffs: [],
            detailedDiff: {},
        });
        // Explicitly setting the region the provider defaulted to is no change either.
        assert.equal(diff(aws, { urn: vpcUrn, olds, oldInputs, news: { ...oldInputs, region: "us-west-2" } }).changes, false);
    });

    it("updates in place for a property that is not ForceNew", () => {
        const news = { ...oldInputs, tags: { Name: "renamed" }, enableDnsHostnames: false };
        assert.deepEqual(diff(aws, { urn: vpcUrn, olds, oldInputs, news }), {
            changes: true,
            replaces: [],
            diffs: ["enableDnsHostnames", "tags", "tagsAll"],
            detailedDiff: {
                enableDnsHostnames: { kind: "update", inputDiff: true },
                tags: { kind: "update", inputDiff: true },
                tagsAll: { kind: "update", inputDiff: false },
            },
        });
    });

    it("replaces for a ForceNew property, and reports added and removed properties", () => {
        const news = { cidrBlock: "10.31.0.0/16", tags: { Name: "acme-prod-vpc" }, instanceTenancy: "default" };
        assert.deepEqual(diff(aws, { urn: vpcUrn, olds, oldInputs, news }), {
            changes: true,
            replaces: ["cidrBlock"],
            diffs: ["cidrBlock", "enableDnsHostnames", "instanceTenancy"],
            detailedDiff: {
                cidrBlock: { kind: "update-replace", inputDiff: true },
                enableDnsHostnames: { kind: "delete", inputDiff: true },
                instanceTenancy: { kind: "add", inputDiff: true },
            },
        });
    });

    it("replaces a subnet on vpcId, cidrBlock or availabilityZone", () => {
        const subnetUrn = urn(SUBNET, "s");
        const ins = { vpcId: "vpc-1", cidrBlock: "10.30.0.0/19", availabilityZone: "us-west-2a", mapPublicIpOnLaunch: false };
        const state = create(aws, { urn: subnetUrn, properties: ins }).properties;
        const news = { vpcId: UNKNOWN, cidrBlock: "10.30.32.0/19", availabilityZone: "us-west-2b", mapPublicIpOnLaunch: true };
        const result = diff(aws, { urn: subnetUrn, olds: state, oldInputs: ins, news });
        assert.deepEqual(result.replaces, ["availabilityZone", "cidrBlock", "vpcId"]);
        assert.deepEqual(result.diffs, ["availabilityZone", "cidrBlock", "mapPublicIpOnLaunch", "vpcId"]);
    });

    it("replaces on `name` for a type the table does not list, and only on `name`", () => {
        const topicUrn = urn("aws:ssm/parameter:Parameter", "t");
        assert.equal(REPLACE_ON_CHANGE["aws:ssm/parameter:Parameter"], undefined);
        const ins = { name: "a", displayName: "A" };
        const state = create(aws, { urn: topicUrn, properties: ins }).properties;
        assert.deepEqual(diff(aws, { urn: topicUrn, olds: state, oldInputs: ins, news: { name: "b", displayName: "B" } }).replaces, [
            "name",
        ]);
        assert.deepEqual(diff(aws, { urn: topicUrn, olds: state, oldInputs: ins, news: { name: "a", displayName: "B" } }).replaces, []);
        // A listed type replaces on what its list says, `name` included only when listed.
        assert.equal(replacesOnChange("aws:cloudwatch/logGroup:LogGroup", "name"), true);
        assert.equal(replacesOnChange("aws:cloudwatch/logGroup:LogGroup", "retentionInDays"), false);
        assert.equal(replacesOnChange("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "name"), false);
    });

    it("replaces regional resources when the provider moves to another region", () => {
        const moved = { ...aws, region: "eu-west-1" };
        assert.deepEqual(diff(moved, { urn: vpcUrn, olds, oldInputs, news: oldInputs }).replaces, ["region"]);
    });

    it("shows a defaultTags change as an in-place tagsAll change", () => {
        const retagged = { ...aws, defaultTags: { ...OWNERSHIP, team: "core" } };
        assert.deepEqual(diff(retagged, { urn: vpcUrn, olds, oldInputs, news: oldInputs }), {
            changes: true,
            replaces: [],
            diffs: ["tagsAll"],
            detailedDiff: { tagsAll: { kind: "update", inputDiff: false } },
        });
    });

    it("replaces GCP resources on their ForceNew properties and labels update in place", () => {
        const keyUrn = urn("gcp:kms/cryptoKey:CryptoKey", "logs");
        const ins = {
            name: "logs",
            keyRing: "projects/p/locations/us-west1/keyRings/r",
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: "7776000s",
        };
        const state = create(gcp, { urn: keyUrn, properties: ins }).properties;
        assert.deepEqual(
            diff(gcp, { urn: keyUrn, olds: state, oldInputs: ins, news: { ...ins, rotationPeriod: "2592000s", labels: { a: "b" } } })
                .replaces,
            [],
        );
        assert.deepEqual(
            diff(gcp, {
                urn: keyUrn,
                olds: state,
                oldInputs: ins,
                news: { ...ins, keyRing: "projects/p/locations/us-west1/keyRings/other" },
            }).replaces,
            ["keyRing"],
        );
    });

    it("skips ignoreChanges and engine bookkeeping properties, and treats null as unset", () => {
        const news = { ...oldInputs, tags: { Name: "x" }, __defaults: [], instanceTenancy: null };
        assert.deepEqual(diff(aws, { urn: vpcUrn, olds, oldInputs, news, ignoreChanges: ["tags"] }), {
            changes: false,
            replaces: [],
            diffs: [],
            detailedDiff: {},
        });
    });

    it("diffs provider configuration in place, ignoring the plugin version", () => {
        const olds = { region: "us-east-1", version: "7.48.0" };
        assert.deepEqual(diffConfig({ olds, news: { region: "us-east-1", version: "7.49.0" } }), {
            changes: false,
            replaces: [],
            diffs: [],
            detailedDiff: {},
        });
        assert.deepEqual(diffConfig({ olds, news: { region: "us-east-2" } }), {
            changes: true,
            replaces: [],
            diffs: ["region"],
            detailedDiff: { region: { kind: "update", inputDiff: true } },
        });
    });
});

describe("simulated provider: check, update, read, delete", () => {
    it("checks by echoing the inputs", () => {
        assert.deepEqual(check({ urn: urn(VPC, "v"), olds: {}, news: { cidrBlock: "10.0.0.0/16" } }), {
            inputs: { cidrBlock: "10.0.0.0/16" },
            failures: [],
        });
    });

    it("updates with recomputed outputs and the same id", () => {
        const vpcUrn = urn(VPC, "v");
        const created = create(aws, { urn: vpcUrn, properties: { cidrBlock: "10.0.0.0/16", tags: { Name: "a" } } });
        const updated = update(aws, {
            urn: vpcUrn,
            id: created.id,
            olds: created.properties,
            news: { cidrBlock: "10.0.0.0/16", tags: { Name: "b" } },
        });
        assert.equal(updated.properties["arn"], `arn:aws:ec2:us-west-2:111111111111:vpc/${created.id}`);
        assert.deepEqual(updated.properties, { ...created.properties, tags: { Name: "b" }, tagsAll: { ...OWNERSHIP, Name: "b" } });
    });

    it("reads back the recorded state and inputs (no drift in a simulated cloud)", () => {
        const state = { cidrBlock: "10.0.0.0/16", arn: "arn:aws:ec2:us-west-2:111111111111:vpc/vpc-1" };
        assert.deepEqual(read(aws, { urn: urn(VPC, "v"), id: "vpc-1", properties: state, inputs: { cidrBlock: "10.0.0.0/16" } }), {
            id: "vpc-1",
            properties: state,
            inputs: { cidrBlock: "10.0.0.0/16" },
        });
        assert.throws(
            () => read(aws, { urn: urn(VPC, "v"), id: "vpc-9", properties: {} }),
            /cannot read aws:ec2\/vpc:Vpc vpc-9: the simulated cloud only knows resources through the state/,
        );
    });

    it("deletes by accepting", () => {
        assert.equal(remove(aws, { urn: urn(VPC, "v"), id: "vpc-1" }), undefined);
    });
});

describe("simulated provider: invoke", () => {
    it("answers from the cloud model with the provider's region and project", () => {
        assert.deepEqual(invoke(aws, "aws:index/getCallerIdentity:getCallerIdentity", {}).outputs, {
            accountId: "111111111111",
            arn: "arn:aws:iam::111111111111:role/simulated-ci",
            userId: "AROASIMULATED:ci",
            id: "111111111111",
        });
        assert.equal(invoke(aws, "aws:index/getRegion:getRegion", {}).outputs["name"], "us-west-2");
        assert.equal(invoke(unconfigured("aws"), "aws:index/getRegion:getRegion", {}).outputs["name"], "us-east-1");
        assert.deepEqual(invoke(gcp, "gcp:organizations/getProject:getProject", {}).outputs, {
            projectId: "acme-dr",
            number: "123456789012",
            name: "acme-dr",
            id: "projects/acme-dr",
        });
    });

    it("fails an unmodelled invoke, naming the token and the file to extend", () => {
        assert.throws(() => invoke(aws, "aws:ec2/getAmi:getAmi", {}), {
            message:
                "simulated cloud (pulumi-resource-aws): invoke aws:ec2/getAmi:getAmi is not modelled by the simulated cloud; add an answer to simulateInvoke in packages/synth/src/cloud-model.ts, or avoid the invoke",
        });
    });
});

describe("simulated provider: the cluster layer's types", () => {
    it("an EKS cluster in the provider's region: endpoint and OIDC issuer there, tags merged, computed outputs unknown in a preview", () => {
        const clusterUrn = urn("aws:eks/cluster:Cluster", "eks-cluster", "platform:cluster:EksCluster$");
        const inputs = { name: "acme-prod-eks", version: "1.35", vpcConfig: { subnetIds: ["subnet-a"] }, tags: { Name: "acme-prod-eks" } };
        const created = create(aws, { urn: clusterUrn, properties: inputs });
        assert.equal(created.id, "acme-prod-eks");
        assert.match(created.properties["endpoint"] as string, /^https:\/\/[0-9A-F]{32}\.gr7\.us-west-2\.eks\.amazonaws\.com$/);
        assert.match(
            String((created.properties["identities"] as Array<{ oidcs: Array<{ issuer: string }> }>)[0]?.oidcs[0]?.issuer),
            /^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\//,
        );
        assert.deepEqual(created.properties["tagsAll"], { ...OWNERSHIP, Name: "acme-prod-eks" });
        const preview = create(aws, { urn: clusterUrn, properties: inputs, preview: true });
        assert.deepEqual([preview.id, preview.properties["endpoint"], preview.properties["name"]], ["", UNKNOWN, "acme-prod-eks"]);
        assert.deepEqual(
            diff(aws, { urn: clusterUrn, olds: created.properties, oldInputs: inputs, news: { ...inputs, version: "1.36" } }).replaces,
            [],
        );
        assert.deepEqual(
            diff(aws, { urn: clusterUrn, olds: created.properties, oldInputs: inputs, news: { ...inputs, name: "other" } }).replaces,
            ["name"],
        );
    });

    it("a crypto key IAM member gets no project default (it has no project argument); a node pool does", () => {
        const member = create(gcp, {
            urn: urn("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "grant", "platform:cluster:GkeCluster$"),
            properties: { cryptoKeyId: "k", role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: "serviceAccount:x" },
        });
        assert.equal(member.properties["project"], undefined);
        const pool = create(gcp, {
            urn: urn("gcp:container/nodePool:NodePool", "pool", "platform:cluster:GkeNodePool$"),
            properties: { name: "general", cluster: "c", location: "us-west1" },
        });
        assert.equal(pool.properties["project"], "acme-dr");
    });
});
