import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { Policies, PolicyResource, ResourceValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { evaluatePack, formatViolations, mandatoryViolations, StackFixture, type Violation } from "../src/harness/index.js";

function fixture() {
    const s = new StackFixture({ project: "proj", stack: "dev" });
    const provider = s.awsProvider("aws-main", { environment: "dev" }, { jsonEncoded: true });
    const network = s.component("platform:network:AwsNetwork", "net");
    const vpc = s.custom(
        "aws:ec2/vpc:Vpc",
        "net-vpc",
        { cidrBlock: "10.0.0.0/16" },
        { parent: network, provider, protect: true, id: "vpc-1" },
    );
    const subnet = s.custom(
        "aws:ec2/subnet:Subnet",
        "net-a",
        { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" },
        { parent: network, provider, dependsOn: [vpc] },
    );
    return { s, provider, network, vpc, subnet };
}

/** A class shaped like SDK-generated resource classes: the server reads `__pulumiType`. */
class FakeVpc {
    static readonly __pulumiType = "aws:ec2/vpc:Vpc";
}

describe("evaluatePack", () => {
    it("sends every registered resource to resource policies: root stack, providers, components, custom resources", async () => {
        const { s } = fixture();
        const seen: string[] = [];
        const policies: Policies = [{ name: "spy", description: "d", validateResource: (args) => void seen.push(args.type) }];
        assert.deepEqual(await evaluatePack({ name: "p", policies }, s.build()), []);
        assert.deepEqual(seen, [
            "pulumi:pulumi:Stack",
            "pulumi:providers:aws",
            "platform:network:AwsNetwork",
            "aws:ec2/vpc:Vpc",
            "aws:ec2/subnet:Subnet",
        ]);
    });

    it("gives resource policies inputs, options, provider inputs, isType/asType and reports on the resource urn", async () => {
        const { s, vpc, provider, network } = fixture();
        const captured: Array<
            Omit<ResourceValidationArgs, "isType" | "asType" | "getConfig" | "notApplicable" | "stackTags"> & {
                isVpc: boolean;
                asVpc: unknown;
            }
        > = [];
        const policies: Policies = [
            {
                name: "capture",
                description: "capture vpc",
                enforcementLevel: "mandatory",
                validateResource: (args, report) => {
                    if (args.type !== "aws:ec2/vpc:Vpc") return;
                    captured.push({
                        type: args.type,
                        urn: args.urn,
                        name: args.name,
                        props: { ...args.props },
                        opts: args.opts,
                        provider: args.provider && { ...args.provider, props: { ...args.provider.props } },
                        isVpc: args.isType(FakeVpc as never),
                        asVpc: args.asType(FakeVpc as never) && { ...(args.asType(FakeVpc as never) as object) },
                    });
                    report("found it", "urn:ignored-for-resource-policies");
                },
            },
        ];
        const violations = await evaluatePack({ name: "p", policies }, s.build());
        assert.deepEqual(violations, [
            { pack: "p", policy: "capture", enforcementLevel: "mandatory", urn: vpc.urn, message: "capture vpc\nfound it" },
        ]);
        assert.deepEqual(captured, [
            {
                type: "aws:ec2/vpc:Vpc",
                urn: vpc.urn,
                name: "net-vpc",
                props: { cidrBlock: "10.0.0.0/16" },
                opts: {
                    protect: true,
                    ignoreChanges: [],
                    aliases: [],
                    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                    additionalSecretOutputs: [],
                    parent: network.urn,
                },
                provider: {
                    type: "pulumi:providers:aws",
                    urn: provider.urn,
                    name: "aws-main",
                    props: { region: "us-east-1", defaultTags: '{"tags":{"environment":"dev"}}' },
                },
                isVpc: true,
                asVpc: { cidrBlock: "10.0.0.0/16" },
            },
        ]);
    });

    it("gives stack policies outputs as props, providers, linked parents and dependencies", async () => {
        const { s, vpc, subnet, network } = fixture();
        s.withOutputs({ vpcId: "vpc-1" });
        let resources: PolicyResource[] = [];
        const policies: Policies = [{ name: "stack", description: "d", validateStack: (args) => void (resources = args.resources) }];
        await evaluatePack({ name: "p", policies }, s.build());
        assert.deepEqual(
            resources.map((r) => r.type),
            ["pulumi:pulumi:Stack", "pulumi:providers:aws", "platform:network:AwsNetwork", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet"],
        );
        const [root, , component, vpcR, subnetR] = resources;
        assert.deepEqual({ ...root.props }, { vpcId: "vpc-1" });
        assert.equal(root.parent, undefined);
        assert.equal(component.parent, root);
        assert.equal(subnetR.parent?.urn, network.urn);
        assert.deepEqual(subnetR.dependencies, [vpcR]);
        // Bridged providers return the id among the outputs.
        assert.deepEqual({ ...vpcR.props }, { cidrBlock: "10.0.0.0/16", id: "vpc-1" });
        assert.equal(vpcR.opts.protect, true);
        assert.equal(vpcR.opts.parent, network.urn);
        assert.equal(vpcR.provider?.name, "aws-main");
        assert.equal(subnetR.urn, subnet.urn);
        assert.equal(vpc.urn, vpcR.urn);
    });

    it("reports a read of an unknown value as the server does: an advisory 'can't run during preview'", async () => {
        const s = new StackFixture({ project: "proj", stack: "dev" });
        const vpc = s.custom("aws:ec2/vpc:Vpc", "v", { cidrBlock: pulumi.unknown, tags: { Name: "x" } });
        const policies: Policies = [
            {
                name: "reads-unknown",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args) => void String(args.props["cidrBlock"]),
            },
            {
                name: "reads-known",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args, report) =>
                    args.type !== "aws:ec2/vpc:Vpc" || (args.props["tags"] as Record<string, string>)["Name"] === "x"
                        ? undefined
                        : report("no"),
            },
            {
                name: "reads-unset",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args, report) => (args.props["missing"] === undefined ? undefined : report("no")),
            },
        ];
        const violations = await evaluatePack({ name: "pk", version: "1.2.3", policies }, s.build());
        assert.deepEqual(violations, [
            {
                pack: "pk",
                policy: "reads-unknown",
                enforcementLevel: "advisory",
                urn: vpc.urn,
                message:
                    "can't run policy 'reads-unknown' from policy pack 'pk@v1.2.3' during preview: string value at .cidrBlock can't be known during preview",
            },
        ]);
    });

    it("uses the pack default (advisory unless given), respects per-policy levels, config overrides and 'all', and skips disabled policies", async () => {
        const { s } = fixture();
        let disabledRan = false;
        const report = (name: string, level?: StackValidationPolicy["enforcementLevel"]): StackValidationPolicy => ({
            name,
            description: name,
            ...(level ? { enforcementLevel: level } : {}),
            validateStack: (_args, rv) => rv("x"),
        });
        const policies: Policies = [
            report("default"),
            report("advisory", "advisory"),
            report("remediate", "remediate"),
            { name: "off", description: "off", enforcementLevel: "disabled", validateStack: () => void (disabledRan = true) },
        ];
        const levels = (vs: Violation[]) => vs.map((v) => [v.policy, v.enforcementLevel]);
        assert.deepEqual(levels(await evaluatePack({ name: "p", policies }, s.build())), [
            ["default", "advisory"],
            ["advisory", "advisory"],
            ["remediate", "mandatory"],
        ]);
        assert.equal(disabledRan, false);
        assert.deepEqual(levels(await evaluatePack({ name: "p", policies, enforcementLevel: "mandatory" }, s.build())), [
            ["default", "mandatory"],
            ["advisory", "advisory"],
            ["remediate", "mandatory"],
        ]);
        assert.deepEqual(
            levels(
                await evaluatePack({ name: "p", policies }, s.build(), {
                    config: { all: "mandatory", advisory: "disabled", off: { enforcementLevel: "advisory" } },
                }),
            ),
            [
                ["default", "mandatory"],
                ["remediate", "mandatory"],
            ],
        );
        assert.equal(disabledRan, true);
    });

    it("awaits async validators", async () => {
        const { s, vpc } = fixture();
        const policies: Policies = [
            {
                name: "slow",
                description: "slow",
                enforcementLevel: "mandatory",
                validateResource: async (args, report) => {
                    await new Promise((resolve) => setTimeout(resolve, 5));
                    if (args.type === "aws:ec2/vpc:Vpc") report("late");
                },
            },
        ];
        assert.deepEqual(await evaluatePack({ name: "p", policies }, s.build()), [
            { pack: "p", policy: "slow", enforcementLevel: "mandatory", urn: vpc.urn, message: "slow\nlate" },
        ]);
    });

    it("keeps a stack violation's urn only when it names a resource in the stack", async () => {
        const { s, vpc } = fixture();
        const policies: Policies = [
            {
                name: "s",
                description: "s",
                enforcementLevel: "mandatory",
                validateStack: (_args, report) => {
                    report("on vpc", vpc.urn);
                    report("elsewhere", "urn:pulumi:dev::proj::aws:ec2/vpc:Vpc::gone");
                    report("stack");
                },
            },
        ];
        const vs = await evaluatePack({ name: "p", policies }, s.build());
        assert.deepEqual(
            vs.map((v) => [v.urn, v.message]),
            [
                [vpc.urn, "s\non vpc"],
                [null, "s\nelsewhere"],
                [null, "s\nstack"],
            ],
        );
        assert.equal(mandatoryViolations(vs).length, 3);
        assert.equal(formatViolations(vs.slice(2)), "[mandatory] p/s (stack): s | stack");
    });

    it("treats notApplicable as no violation and fails like the server on any other error", async () => {
        const { s } = fixture();
        const na: Policies = [{ name: "na", description: "na", validateResource: (args) => args.notApplicable("not mine") }];
        assert.deepEqual(await evaluatePack({ name: "p", policies: na }, s.build()), []);
        const broken: Policies = [
            {
                name: "broken",
                description: "b",
                validateStack: () => {
                    throw new Error("boom");
                },
            },
        ];
        await assert.rejects(evaluatePack({ name: "p", version: "0.1.0", policies: broken }, s.build()), (err: Error) =>
            err.message.startsWith("Error validating resource with policy 'broken' from policy pack 'p@v0.1.0':\nError: boom"),
        );
    });

    it("gives policies their config with schema defaults, and rejects config that fails the schema", async () => {
        const { s } = fixture();
        const seen: unknown[] = [];
        const policies: Policies = [
            {
                name: "configured",
                description: "c",
                configSchema: { properties: { days: { type: "integer", default: 30 }, mode: { type: "string", enum: ["a", "b"] } } },
                validateStack: (args) => void seen.push(args.getConfig()),
            },
        ];
        await evaluatePack({ name: "p", policies }, s.build());
        await evaluatePack({ name: "p", policies }, s.build(), { config: { configured: { mode: "b", enforcementLevel: "mandatory" } } });
        assert.deepEqual(seen, [{ days: 30 }, { days: 30, mode: "b" }]);
        await assert.rejects(
            evaluatePack({ name: "p", policies }, s.build(), { config: { configured: { days: "x" } } }),
            /configured: days: Invalid type\. Expected: integer, given: string/,
        );
        await assert.rejects(
            evaluatePack({ name: "p", policies }, s.build(), { config: { configured: "loud" } }),
            /"loud" is not a valid enforcement level/,
        );
    });

    it("runs remediations before validations and validates the remediated inputs", async () => {
        const s = new StackFixture();
        const bucket = s.custom("aws:s3/bucketV2:BucketV2", "b", { forceDestroy: true });
        const policies: Policies = [
            {
                name: "no-force-destroy",
                description: "buckets keep their objects",
                enforcementLevel: "remediate",
                remediateResource: (args) => (args.props["forceDestroy"] ? { ...args.props, forceDestroy: false } : undefined),
                validateResource: (args, report) => (args.props["forceDestroy"] === true ? report("forceDestroy is on") : undefined),
            },
            {
                name: "sees-remediated",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args, report) =>
                    args.type === "aws:s3/bucketV2:BucketV2" ? report(`forceDestroy=${String(args.props["forceDestroy"])}`) : undefined,
            },
        ];
        assert.deepEqual(await evaluatePack({ name: "p", policies }, s.build()), [
            { pack: "p", policy: "sees-remediated", enforcementLevel: "mandatory", urn: bucket.urn, message: "d\nforceDestroy=false" },
        ]);
    });

    it("passes stack tags through as a read-only map", async () => {
        const { s } = fixture();
        const seen: Array<[string, string]> = [];
        const policies: Policies = [{ name: "t", description: "t", validateStack: (args) => void seen.push(...args.stackTags.entries()) }];
        await evaluatePack({ name: "p", policies }, s.build(), { stackTags: { "pulumi:project": "proj" } });
        assert.deepEqual(seen, [["pulumi:project", "proj"]]);
    });
});
