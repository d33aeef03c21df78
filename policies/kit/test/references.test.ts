import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { Policies, PolicyResource } from "@pulumi/policy";
import { evaluatePack, StackFixture } from "../src/harness/index.js";
import { knownId, referencedResources, resourceLabel, tryRead, validateResourceOfTypes } from "../src/index.js";

/** Runs a stack policy that resolves each flow log's vpcId, and returns `flowLogName -> [vpc names]`. */
async function resolve(s: StackFixture): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    const policies: Policies = [
        {
            name: "refs",
            description: "d",
            validateStack: (args) => {
                const vpcs = args.resources.filter((r) => r.type === "aws:ec2/vpc:Vpc");
                for (const fl of args.resources.filter((r) => r.type === "aws:ec2/flowLog:FlowLog")) {
                    found[fl.name] = referencedResources(fl, "vpcId", vpcs).map((v: PolicyResource) => v.name);
                }
            },
        },
    ];
    await evaluatePack({ name: "p", policies }, s.build());
    return found;
}

describe("references", () => {
    it("follows property dependencies, then a known id, then dependencies when the id is unknown", async () => {
        const s = new StackFixture();
        const a = s.custom("aws:ec2/vpc:Vpc", "a", {}, { id: "vpc-a" });
        const b = s.custom("aws:ec2/vpc:Vpc", "b", {}, { id: "vpc-b" });
        s.custom("aws:ec2/flowLog:FlowLog", "by-property-deps", { vpcId: "vpc-a" }, { propertyDependencies: { vpcId: [b] } });
        s.custom("aws:ec2/flowLog:FlowLog", "by-id", { vpcId: "vpc-a" }, { dependsOn: [b] });
        s.custom(
            "aws:ec2/flowLog:FlowLog",
            "unknown-id",
            { vpcId: pulumi.unknown },
            { dependsOn: [b], exactOutputs: { vpcId: pulumi.unknown } },
        );
        s.custom("aws:ec2/flowLog:FlowLog", "unset", { subnetId: "subnet-1" }, { dependsOn: [a] });
        assert.deepEqual(await resolve(s), { "by-property-deps": ["b"], "by-id": ["a"], "unknown-id": ["b"], unset: [] });
    });

    it("tryRead reports unknown reads instead of throwing, and rethrows anything else", async () => {
        const s = new StackFixture();
        s.custom("aws:ec2/vpc:Vpc", "v", { cidrBlock: pulumi.unknown, name: "n" }, { id: "vpc-1" });
        const seen: unknown[] = [];
        const policies: Policies = [
            {
                name: "t",
                description: "t",
                validateResource: validateResourceOfTypes(["aws:ec2/vpc:Vpc"], (props) => {
                    seen.push(
                        tryRead(() => props["cidrBlock"]),
                        tryRead(() => props["name"]),
                    );
                    assert.throws(
                        () =>
                            tryRead(() => {
                                throw new Error("other");
                            }),
                        /other/,
                    );
                }),
            },
            {
                name: "label",
                description: "l",
                validateStack: (args) =>
                    void seen.push(
                        ...args.resources.filter((r) => r.type === "aws:ec2/vpc:Vpc").map((r) => [resourceLabel(r), knownId(r)]),
                    ),
            },
        ];
        await evaluatePack({ name: "p", policies }, s.build());
        assert.deepEqual(seen, [
            { known: false },
            { known: true, value: "n" },
            ["vpc-1 (urn:pulumi:dev::platform::aws:ec2/vpc:Vpc::v)", "vpc-1"],
        ]);
    });

    it("validateResourceOfTypes filters by type token and marks single-type validations for the server's fast path", async () => {
        const single = validateResourceOfTypes(["aws:ec2/vpc:Vpc"], () => undefined) as { __pulumiType?: string };
        const multi = validateResourceOfTypes(["a:b:C", "a:b:D"], () => undefined) as { __pulumiType?: string };
        assert.equal(single.__pulumiType, "aws:ec2/vpc:Vpc");
        assert.equal(multi.__pulumiType, undefined);
        const s = new StackFixture();
        const c = s.custom("a:b:C", "c");
        s.custom("a:b:E", "e");
        const policies: Policies = [
            {
                name: "m",
                description: "m",
                validateResource: validateResourceOfTypes(["a:b:C", "a:b:D"], (_p, args, report) => report(args.type)),
            },
        ];
        assert.deepEqual(await evaluatePack({ name: "p", policies }, s.build()), [
            { pack: "p", policy: "m", enforcementLevel: "advisory", urn: c.urn, message: "m\na:b:C" },
        ]);
    });
});
