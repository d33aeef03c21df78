/**
 * `evaluatePack` against the real `@pulumi/policy` server functions on the same requests: a pack
 * whose policies report what they saw (types, props, options, provider, parents, dependencies,
 * unknown reads, not-applicable, remediation, fast type filtering) must produce identical
 * violations through both.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { Policies, ResourceValidation } from "@pulumi/policy";
import { evaluatePack, evaluatePackWithSdkServer, StackFixture } from "../src/harness/index.js";
import { validateResourceOfTypes } from "../src/index.js";

const seenResource: ResourceValidation = (args, report) => {
    report(
        JSON.stringify({
            type: args.type,
            name: args.name,
            props: args.props,
            opts: args.opts,
            provider: args.provider ?? null,
            isVpc: args.isType({ __pulumiType: "aws:ec2/vpc:Vpc" } as never),
        }),
    );
};

const policies: Policies = [
    {
        name: "sees-resource",
        description: "what a resource policy sees",
        enforcementLevel: "mandatory",
        severity: "high",
        validateResource: seenResource,
    },
    {
        name: "typed",
        description: "vpcs only",
        enforcementLevel: "advisory",
        validateResource: validateResourceOfTypes(["aws:ec2/vpc:Vpc"], (props, _args, report) =>
            report(`cidr ${String(props["cidrBlock"])}`),
        ),
    },
    {
        name: "reads-unknown",
        description: "unknown reads",
        enforcementLevel: "mandatory",
        severity: "low",
        validateResource: (args) => void JSON.stringify(args.props),
    },
    { name: "not-applicable", description: "na", enforcementLevel: "mandatory", validateResource: (args) => args.notApplicable("never") },
    {
        name: "remediates",
        description: "adds a tag",
        enforcementLevel: "remediate",
        severity: "medium",
        remediateResource: (args) => (args.type === "aws:s3/bucketV2:BucketV2" ? { ...args.props, tags: { fixed: "yes" } } : undefined),
        validateResource: (args, report) => (args.type === "aws:s3/bucketV2:BucketV2" ? report(JSON.stringify(args.props)) : undefined),
    },
    { name: "disabled", description: "never runs", enforcementLevel: "disabled", validateResource: (_args, report) => report("ran") },
    {
        name: "sees-stack",
        description: "what a stack policy sees",
        enforcementLevel: "mandatory",
        severity: "critical",
        validateStack: (args, report) => {
            for (const r of args.resources) {
                const summary = {
                    props: r.props,
                    opts: r.opts,
                    provider: r.provider ?? null,
                    parent: r.parent?.urn ?? null,
                    dependencies: r.dependencies.map((d) => d.urn),
                    propertyDependencies: Object.fromEntries(
                        Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)]),
                    ),
                };
                report(
                    JSON.stringify(summary, (key, value: unknown) =>
                        key === "props" && r.type === "aws:ec2/subnet:Subnet" ? "(unknown inside)" : value,
                    ),
                    r.urn,
                );
            }
            report("stack-wide");
            report("not in stack", "urn:pulumi:dev::proj::x:y:Z::nope");
        },
    },
    {
        name: "stack-unknown",
        description: "stack unknown reads",
        enforcementLevel: "advisory",
        validateStack: (args) => void args.resources.map((r) => JSON.stringify(r.props)),
    },
];

function stack() {
    const s = new StackFixture({ project: "proj", stack: "dev" });
    const provider = s.awsProvider("aws-main", { environment: "dev", team: "platform" }, { jsonEncoded: true });
    const net = s.component("platform:network:AwsNetwork", "net", { protect: true });
    const vpc = s.custom(
        "aws:ec2/vpc:Vpc",
        "vpc",
        { cidrBlock: "10.0.0.0/16", tags: { Name: "v" } },
        { parent: net, provider, protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true },
    );
    s.custom(
        "aws:ec2/subnet:Subnet",
        "subnet",
        { vpcId: pulumi.unknown, cidrBlock: "10.0.1.0/24", __internal: "dropped" },
        { parent: net, provider, propertyDependencies: { vpcId: [vpc] }, exactOutputs: { vpcId: pulumi.unknown } },
    );
    s.custom("aws:s3/bucketV2:BucketV2", "logs", { bucket: "logs" });
    return s.withOutputs({ vpcId: "vpc-id" }).build();
}

describe("conformance with the @pulumi/policy server", () => {
    it("evaluatePack returns exactly what the SDK's analyzer returns for the same requests", async () => {
        const pack = { name: "conformance", version: "1.0.0", policies };
        const expected = await evaluatePackWithSdkServer(pack, stack());
        const actual = await evaluatePack(pack, stack());
        assert.deepEqual(actual, expected);
        // Guard against a vacuous pass: every kind of outcome is present, with and without a severity.
        assert.deepEqual([...new Set(actual.map((v) => `${v.policy}:${v.enforcementLevel}:${v.severity ?? "none"}`))].sort(), [
            "reads-unknown:advisory:low",
            "remediates:mandatory:medium",
            "sees-resource:advisory:high",
            "sees-resource:mandatory:high",
            "sees-stack:mandatory:critical",
            "stack-unknown:advisory:none",
            "typed:advisory:none",
        ]);
    });

    it("matches for the engine's default providers as well", async () => {
        const s = new StackFixture({ project: "proj", stack: "prod" });
        s.custom("aws:kms/key:Key", "key", { description: "k" });
        s.custom("gcp:kms/keyRing:KeyRing", "ring", { location: "us" });
        const pack = { name: "defaults", policies: policies.slice(0, 1) };
        const opts = { defaultProviders: { aws: { version: "7.48.0", config: { region: "us-east-1" } } } };
        assert.deepEqual(await evaluatePack(pack, s.build(), opts), await evaluatePackWithSdkServer(pack, s.build(), opts));
    });
});
