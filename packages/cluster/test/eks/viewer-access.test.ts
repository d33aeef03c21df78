import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { EksViewerAccess, type EksViewerAccessArgs } from "../../src/index.js";

const DRIFT = "arn:aws:iam::123456789012:role/acme-prod-ci-drift";
const base: EksViewerAccessArgs = { naming: { project: "acme", environment: "prod" }, clusterName: "acme-prod-eks", roleArn: DRIFT };
const ENTRY = "aws:eks/accessEntry:AccessEntry";
const ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

async function synth(args: EksViewerAccessArgs, opts?: pulumi.ComponentResourceOptions): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new EksViewerAccess("ci-drift-viewer", args, opts) }))
        .resources;
}

describe("EksViewerAccess", () => {
    it("one access entry for the role and the admin-view policy at cluster scope, nothing else", async () => {
        const resources = await synth(base);
        assert.deepEqual(countByType(resources.filter((r) => r.custom)), [
            { type: ENTRY, count: 1 },
            { type: ASSOCIATION, count: 1 },
        ]);
        const component = findResource(resources, "platform:cluster:EksViewerAccess", "ci-drift-viewer");
        const entry = findResource(resources, ENTRY, "ci-drift-viewer-entry");
        const association = findResource(resources, ASSOCIATION, "ci-drift-viewer-view");
        assert.deepEqual(entry.inputs, {
            clusterName: "acme-prod-eks",
            principalArn: DRIFT,
            type: "STANDARD",
            tags: { Name: "acme-prod-ci-drift-viewer-entry" },
        });
        assert.deepEqual(association.inputs, {
            clusterName: "acme-prod-eks",
            principalArn: DRIFT,
            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
            accessScope: { type: "cluster" },
        });
        // The association waits for the entry (EKS associates policies only with an existing entry).
        assert.deepEqual(association.propertyDependencies["principalArn"], [entry.urn]);
        assert.deepEqual([entry.parent, association.parent], [component.urn, component.urn]);
        assert.deepEqual(component.outputs, {
            principalArn: DRIFT,
            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
        });
    });

    it("takes the cluster and the role as outputs of other resources (checked by EKS, not here)", async () => {
        const resources = await synth({ ...base, clusterName: pulumi.output("acme-dev-eks"), roleArn: pulumi.output(DRIFT) });
        assert.deepEqual(
            [ENTRY, ASSOCIATION].map((type) => [resources.find((r) => r.type === type)?.inputs["clusterName"], type]),
            [
                ["acme-dev-eks", ENTRY],
                ["acme-dev-eks", ASSOCIATION],
            ],
        );
    });

    it("protect reaches both children (nothing retained: they hold no data); unprotected, neither is", async () => {
        const custom = (resources: InventoryResource[]) =>
            resources.filter((r) => r.custom).map((r) => [r.type, r.protect, r.retainOnDelete]);
        assert.deepEqual(custom(await synth(base, { protect: true })), [
            [ENTRY, true, false],
            [ASSOCIATION, true, false],
        ]);
        assert.deepEqual(custom(await synth(base)), [
            [ENTRY, false, false],
            [ASSOCIATION, false, false],
        ]);
    });

    describe("rejects bad arguments, listing every problem", () => {
        const cases: Array<[string, Partial<EksViewerAccessArgs>, Array<[string, string]>]> = [
            ["a cluster name EKS refuses", { clusterName: "-acme-prod-eks" }, [["clusterName", "is not a valid EKS cluster name"]]],
            [
                "a user (long-lived keys) instead of a role, with a bad cluster name",
                { clusterName: "", roleArn: "arn:aws:iam::123456789012:user/alice" },
                [
                    ["clusterName", "is not a valid EKS cluster name"],
                    ["roleArn", "is not an IAM role ARN without wildcards"],
                ],
            ],
            ["a wildcard role", { roleArn: "arn:aws:iam::123456789012:role/*" }, [["roleArn", "is not an IAM role ARN without wildcards"]]],
        ];
        for (const [what, override, expected] of cases) {
            it(what, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(synth({ ...base, ...override }))), expected);
            });
        }
    });
});
