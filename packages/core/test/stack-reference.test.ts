import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { synthesize } from "@platform/synth";
import { stackReferenceName, TypedStackReference } from "../src/index.js";

interface Upstream {
    vpcId: string;
    subnetIds: string[];
}

describe("typed stack references", () => {
    it("formats names with and without an organization", () => {
        assert.equal(stackReferenceName({ project: "foundation", stack: "prod" }), "foundation/prod");
        assert.equal(stackReferenceName({ organization: "acme", project: "foundation", stack: "prod" }), "acme/foundation/prod");
    });

    it("rejects a segment with a slash, naming it", () => {
        assert.throws(
            () => stackReferenceName({ project: "found/ation", stack: "prod" }),
            /stack reference project="found\/ation" may contain only/,
        );
    });

    it("reads typed outputs of the upstream stack", async () => {
        const result = await synthesize({
            project: "cluster",
            stack: "prod",
            cloud: { stackOutputs: { "acme/foundation/prod": { vpcId: "vpc-1", subnetIds: ["a", "b"] } } },
            program: () => {
                const ref = new TypedStackReference<Upstream>("foundation", { organization: "acme", project: "foundation", stack: "prod" });
                return { vpc: ref.require("vpcId"), subnets: ref.require("subnetIds") };
            },
        });
        assert.deepEqual(result.outputs, { vpc: "vpc-1", subnets: ["a", "b"] });
    });

    const program = () => {
        const ref = new TypedStackReference<Upstream>("foundation", { organization: "acme", project: "foundation", stack: "prod" });
        return { vpc: ref.require("vpcId") };
    };

    it("fails naming the output and the stack when a deployed upstream lacks it, in previews too", async () => {
        for (const preview of [false, true]) {
            await assert.rejects(
                synthesize({
                    project: "cluster",
                    stack: "prod",
                    preview,
                    cloud: { stackOutputs: { "acme/foundation/prod": { other: 1 } } },
                    program,
                }),
                /Required output 'vpcId' does not exist on stack 'acme\/foundation\/prod'/,
            );
        }
    });

    it("an upstream never deployed (no outputs): unknown in a preview, an error in an update", async () => {
        const stackOutputs = { "acme/foundation/prod": {} };
        const preview = await synthesize({ project: "cluster", stack: "prod", preview: true, cloud: { stackOutputs }, program });
        assert.deepEqual(preview.outputs, {});
        await assert.rejects(
            synthesize({ project: "cluster", stack: "prod", cloud: { stackOutputs }, program }),
            /Required output 'vpcId' does not exist on stack 'acme\/foundation\/prod'/,
        );
    });

    it("a secret upstream output (a kubeconfig) does not make the others secret", async () => {
        const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "apiVersion: v1" };
        const secrecy: Record<string, Promise<boolean>> = {};
        const result = await synthesize({
            project: "data",
            stack: "prod",
            cloud: { stackOutputs: { "acme/cluster/prod": { vpcId: "vpc-1", subnetIds: ["a"], kubeconfig: SECRET } } },
            program: () => {
                const ref = new TypedStackReference<Upstream & { kubeconfig: string }>("cluster", {
                    organization: "acme",
                    project: "cluster",
                    stack: "prod",
                });
                secrecy["outputs"] = pulumi.isSecret(ref.reference.outputs);
                secrecy["vpcId"] = pulumi.isSecret(ref.require("vpcId"));
                return { vpc: ref.require("vpcId") };
            },
        });
        assert.deepEqual(result.outputs, { vpc: "vpc-1" });
        assert.deepEqual(
            // The upstream's outputs as a whole are a secret (the SDK's rule); the output read is not.
            { outputs: await secrecy["outputs"], vpcId: await secrecy["vpcId"] },
            { outputs: true, vpcId: false },
        );
    });
});
