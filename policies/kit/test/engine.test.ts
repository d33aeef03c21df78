import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { engineView, marshalProperties, StackFixture, UNKNOWN_STRING_VALUE } from "../src/harness/index.js";

describe("engineView (what the engine sends)", () => {
    it("marshals like the engine: unknowns become the sentinel, undefined and __ keys go, keys are sorted", () => {
        assert.deepEqual(
            JSON.stringify(marshalProperties({ b: 1, a: { z: pulumi.unknown, y: [undefined, 2] }, gone: undefined, __defaults: [] })),
            JSON.stringify({ a: { y: [null, 2], z: UNKNOWN_STRING_VALUE }, b: 1 }),
        );
    });

    it("registers one default provider per package before its first user, named after the version, with the package config", () => {
        const s = new StackFixture({ project: "proj", stack: "prod" });
        const explicit = s.awsProvider("aws-explicit", { environment: "prod" });
        s.custom("aws:ec2/vpc:Vpc", "a", {}, { provider: explicit });
        s.custom("aws:kms/key:Key", "k");
        s.custom("aws:kms/key:Key", "k2");
        s.custom("gcp:kms/keyRing:KeyRing", "r");
        s.component("platform:x:Y", "c");
        const view = engineView(s.build().resources, {
            defaultProviders: { aws: { version: "7.48.0-alpha.1", config: { region: "us-east-1" } } },
        });
        assert.deepEqual(
            view.map((r) => [r.urn, r.providerUrn]),
            [
                ["urn:pulumi:prod::proj::pulumi:pulumi:Stack::proj-prod", null],
                ["urn:pulumi:prod::proj::pulumi:providers:aws::aws-explicit", null],
                ["urn:pulumi:prod::proj::aws:ec2/vpc:Vpc::a", "urn:pulumi:prod::proj::pulumi:providers:aws::aws-explicit"],
                ["urn:pulumi:prod::proj::pulumi:providers:aws::default_7_48_0_alpha_1", null],
                ["urn:pulumi:prod::proj::aws:kms/key:Key::k", "urn:pulumi:prod::proj::pulumi:providers:aws::default_7_48_0_alpha_1"],
                ["urn:pulumi:prod::proj::aws:kms/key:Key::k2", "urn:pulumi:prod::proj::pulumi:providers:aws::default_7_48_0_alpha_1"],
                ["urn:pulumi:prod::proj::pulumi:providers:gcp::default", null],
                ["urn:pulumi:prod::proj::gcp:kms/keyRing:KeyRing::r", "urn:pulumi:prod::proj::pulumi:providers:gcp::default"],
                ["urn:pulumi:prod::proj::platform:x:Y::c", null],
            ],
        );
        assert.deepEqual(view[3].inputs, { region: "us-east-1", version: "7.48.0-alpha.1" });
        assert.deepEqual(view[6].inputs, {});
    });

    it("gives stack policies outputs: stack outputs on the root stack, id on bridged resources, inputs on providers", () => {
        const s = new StackFixture();
        const p = s.gcpProvider("gcp", { environment: "dev" });
        s.custom(
            "gcp:compute/network:Network",
            "n",
            { name: "n" },
            { provider: p, id: "projects/x/global/networks/n", outputs: { selfLink: "https://n" } },
        );
        s.custom("random:index/randomId:RandomId", "r", { byteLength: 4 }, { outputs: { hex: "abcd" } });
        s.custom("aws:ec2/vpc:Vpc", "has-id-output", {}, { outputs: { id: "vpc-from-outputs" }, id: "vpc-other" });
        const view = engineView(s.withOutputs({ out: 1 }).build().resources, { stackOutputs: { out: 1 } });
        assert.deepEqual(
            view.map((r) => [r.type, r.outputs]),
            [
                ["pulumi:pulumi:Stack", { out: 1 }],
                ["pulumi:providers:gcp", { defaultLabels: { environment: "dev" }, project: "platform-prod", region: "us-central1" }],
                ["gcp:compute/network:Network", { id: "projects/x/global/networks/n", name: "n", selfLink: "https://n" }],
                ["pulumi:providers:random", {}],
                ["random:index/randomId:RandomId", { byteLength: 4, hex: "abcd" }],
                ["pulumi:providers:aws", {}],
                ["aws:ec2/vpc:Vpc", { id: "vpc-from-outputs" }],
            ],
        );
    });

    it("sends deleteBeforeReplace only when set, and property dependencies when recorded", () => {
        const s = new StackFixture();
        const vpc = s.custom("aws:ec2/vpc:Vpc", "v", {}, { deleteBeforeReplace: true });
        const sn = s.custom("aws:ec2/subnet:Subnet", "s", {}, { propertyDependencies: { vpcId: [vpc] } });
        const view = engineView(s.build().resources);
        const [, , vpcView, subnetView] = view;
        assert.equal(vpcView.deleteBeforeReplace, true);
        assert.equal("deleteBeforeReplace" in subnetView, false);
        assert.deepEqual(subnetView.propertyDependencies, { vpcId: [vpc.urn] });
        assert.deepEqual(subnetView.dependencies, [vpc.urn]);
        assert.equal(subnetView.urn, sn.urn);
    });
});
