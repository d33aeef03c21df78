import * as assert from "node:assert/strict";
import { type EnvironmentSynthesis, synthesizeEnvironment } from "@platform/automation";
import { countByType, type InventoryResource } from "@platform/synth";
import { REPO_ROOT } from "./paths.js";

const results = new Map<string, EnvironmentSynthesis>();

async function synth(env: string): Promise<EnvironmentSynthesis> {
    const cached = results.get(env);
    if (cached) {
        return cached;
    }
    const result = await synthesizeEnvironment({ root: REPO_ROOT, env });
    results.set(env, result);
    return result;
}

function count(resources: readonly InventoryResource[], type: string): number {
    return resources.filter((r) => r.type === type).length;
}

function foundation(result: EnvironmentSynthesis): InventoryResource[] {
    const stack = result.stacks.find((s) => s.project === "foundation");
    assert.ok(stack, "foundation stack synthesized");
    return stack.resources;
}

describe("every environment synthesizes with zero mandatory violations", () => {
    for (const env of ["dev", "staging", "prod", "dr"]) {
        it(`${env}: no mandatory violation in any stack`, async () => {
            const result = await synth(env);
            assert.deepEqual(
                result.violations.filter((v) => v.enforcementLevel === "mandatory"),
                [],
            );
        });
    }
});

describe("environment shapes (seed numbers reach the resources)", () => {
    const aws: Array<[string, { azs: number; nats: number; subnets: number; zones: number; protect: boolean }]> = [
        ["dev", { azs: 2, nats: 1, subnets: 6, zones: 1, protect: false }],
        ["staging", { azs: 2, nats: 2, subnets: 6, zones: 2, protect: false }],
        ["prod", { azs: 3, nats: 3, subnets: 9, zones: 2, protect: true }],
    ];
    for (const [env, want] of aws) {
        it(`${env}: ${want.nats} NAT gateway(s), ${want.subnets} subnets over ${want.azs} AZs, ${want.zones} DNS zone(s), stateful protection ${want.protect}`, async () => {
            const resources = foundation(await synth(env));
            assert.equal(count(resources, "aws:ec2/natGateway:NatGateway"), want.nats);
            assert.equal(count(resources, "aws:ec2/subnet:Subnet"), want.subnets);
            assert.equal(
                new Set(resources.filter((r) => r.type === "aws:ec2/subnet:Subnet").map((r) => r.inputs["availabilityZone"])).size,
                want.azs,
            );
            assert.equal(count(resources, "aws:route53/zone:Zone"), want.zones);
            assert.equal(count(resources, "aws:kms/key:Key"), 4);
            assert.deepEqual(
                resources.filter((r) => r.type === "aws:kms/key:Key" || r.type === "aws:route53/zone:Zone").map((r) => r.protect),
                Array(4 + want.zones).fill(want.protect),
            );
        });
    }

    it("AWS resources get the ownership tags from one provider with defaultTags", async () => {
        const resources = foundation(await synth("prod"));
        const providers = resources.filter((r) => r.type === "pulumi:providers:aws");
        assert.equal(providers.length, 1);
        const defaultTags = providers[0].inputs["defaultTags"];
        const tags = (typeof defaultTags === "string" ? JSON.parse(defaultTags) : defaultTags) as { tags: Record<string, string> };
        assert.deepEqual(tags.tags, {
            environment: "prod",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
        assert.equal(providers[0].inputs["region"], "us-east-1");
        const providerRef = `${providers[0].urn}::${providers[0].id}`;
        const custom = resources.filter((r) => r.custom && r.type.startsWith("aws:"));
        assert.deepEqual(
            custom.filter((r) => r.provider !== providerRef).map((r) => r.urn),
            [],
        );
    });

    it("prod exports the outputs later layers read", async () => {
        const stack = (await synth("prod")).stacks[0];
        assert.deepEqual(Object.keys(stack.outputs).sort(), [
            "availabilityZones",
            "cloud",
            "dns",
            "endpointSecurityGroupId",
            "environment",
            "isolatedSubnetIds",
            "kmsKeyArns",
            "kmsKeyIds",
            "privateSubnetIds",
            "publicSubnetIds",
            "region",
            "vpcCidr",
            "vpcId",
        ]);
        assert.equal((stack.outputs["privateSubnetIds"] as string[]).length, 3);
        assert.deepEqual(Object.keys(stack.outputs["kmsKeyArns"] as object), ["logs", "data", "secrets", "backups"]);
        assert.deepEqual((stack.outputs["dns"] as Record<string, unknown>)["publicZoneName"], "acme.example.com");
    });
});

describe("the root one-stack project", () => {
    it("dev composes the same foundation and cluster layers as the two stacks, with one provider and no stack reference", async () => {
        const result = await synthesizeEnvironment({ root: REPO_ROOT, env: "dev", stack: "platform" });
        const root = result.stacks[0];
        assert.equal(root.project, "platform");
        const layers = await synth("dev");
        // Both stacks have their own AWS provider and the cluster stack a reference to the foundation; the root has neither twice.
        const layerResources = layers.stacks
            .flatMap((s) => s.resources)
            .filter((r) => !["pulumi:pulumi:Stack", "pulumi:pulumi:StackReference"].includes(r.type));
        const firstProvider = layerResources.findIndex((r) => r.type === "pulumi:providers:aws");
        assert.deepEqual(
            countByType(root.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")),
            countByType(layerResources.filter((r, i) => r.type !== "pulumi:providers:aws" || i === firstProvider)),
        );
        assert.deepEqual(Object.keys(root.outputs), ["foundation", "cluster"]);
        assert.deepEqual(
            result.violations.filter((v) => v.enforcementLevel === "mandatory"),
            [],
        );
    });
});

describe("dr environment (GCP)", () => {
    it("one region: subnet, router and NAT; the firewall baseline; protected keys and zone; APIs enabled", async () => {
        const resources = foundation(await synth("dr"));
        const want: Record<string, number> = {
            "gcp:compute/network:Network": 1,
            "gcp:compute/subnetwork:Subnetwork": 1,
            "gcp:compute/router:Router": 1,
            "gcp:compute/routerNat:RouterNat": 1,
            "gcp:compute/firewall:Firewall": 4,
            "gcp:compute/globalAddress:GlobalAddress": 1,
            "gcp:servicenetworking/connection:Connection": 1,
            "gcp:kms/keyRing:KeyRing": 1,
            "gcp:kms/cryptoKey:CryptoKey": 4,
            "gcp:dns/managedZone:ManagedZone": 1,
            "gcp:projects/service:Service": 4,
        };
        assert.deepEqual(Object.fromEntries(Object.keys(want).map((t) => [t, count(resources, t)])), want);
        const stateful = resources.filter((r) =>
            ["gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey", "gcp:dns/managedZone:ManagedZone"].includes(r.type),
        );
        assert.deepEqual(
            stateful.map((r) => r.protect),
            Array(6).fill(true),
        );
        const subnet = resources.find((r) => r.type === "gcp:compute/subnetwork:Subnetwork")!;
        assert.deepEqual(
            [subnet.inputs["region"], subnet.inputs["ipCidrRange"], subnet.inputs["privateIpGoogleAccess"]],
            ["us-west1", "10.40.0.0/20", true],
        );
        const services = resources.filter((r) => r.type === "gcp:projects/service:Service");
        assert.deepEqual(services.map((s) => [s.inputs["service"], s.inputs["disableOnDestroy"]]).sort(), [
            ["cloudkms.googleapis.com", false],
            ["compute.googleapis.com", false],
            ["dns.googleapis.com", false],
            ["servicenetworking.googleapis.com", false],
        ]);
        const serviceUrns = services.map((s) => s.urn).sort();
        const network = resources.find((r) => r.type === "platform:network:GcpNetwork")!;
        assert.deepEqual([...network.dependencies].sort(), serviceUrns);
    });

    it("GCP resources get the ownership labels from the provider's defaultLabels", async () => {
        const resources = foundation(await synth("dr"));
        const provider = resources.filter((r) => r.type === "pulumi:providers:gcp");
        assert.equal(provider.length, 1);
        const labels = provider[0].inputs["defaultLabels"];
        assert.deepEqual(typeof labels === "string" ? JSON.parse(labels) : labels, {
            environment: "dr",
            team: "platform",
            "cost-center": "cc-1042",
            project: "acme",
            "managed-by": "pulumi",
        });
        assert.deepEqual([provider[0].inputs["project"], provider[0].inputs["region"]], ["acme-dr-prod", "us-west1"]);
    });
});
