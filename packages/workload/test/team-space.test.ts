import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import type { TypedStackReference, PlatformOutputs } from "@platform/core";
import { parsePlatformConfig } from "@platform/core";
import { ofType, synthesize } from "@platform/synth";
import { type AppStack, type TeamSpace, teamSpace } from "../src/index.js";

const CLUSTER = {
    cloud: "aws",
    clusterName: "acme-prod-eks",
    clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks",
} as const;

function app(environment: "dev" | "prod"): AppStack {
    const settings = parsePlatformConfig(
        {
            project: "acme",
            team: "platform",
            costCenter: "cc-1042",
            environment,
            network: { cidr: environment === "dev" ? "10.10.0.0/16" : "10.30.0.0/16" },
        },
        { today: "2026-12-02" },
    );
    const provider = new aws.Provider("aws", { region: "us-east-1" });
    const k8sProvider = new k8s.Provider("k8s", { kubeconfig: "{}" });
    return {
        settings,
        provider,
        k8sProvider,
        cluster: CLUSTER,
        // teamSpace never reads the platform contract.
        platform: undefined as unknown as TypedStackReference<PlatformOutputs>,
        providers: { providers: [provider, k8sProvider] },
        publicGateway: () => {
            throw new Error("teamSpace never asks for the public gateway");
        },
    };
}

describe("teamSpace", () => {
    it("the team's namespace labelled with team, environment and extra labels, and the Workload defaults from the environment", async () => {
        let space: TeamSpace | undefined;
        const { resources } = await synthesize({
            project: "t",
            stack: "prod",
            program: () => {
                space = teamSpace(app("prod"), {
                    name: "qa-data",
                    namespace: "qa-data",
                    team: "quantumalpha",
                    labels: { function: "data" },
                });
            },
        });
        const [ns] = ofType(resources, "kubernetes:core/v1:Namespace");
        const labels = (ns?.inputs["metadata"] as { labels: Record<string, string> }).labels;
        assert.deepEqual([labels["team"], labels["environment"], labels["function"]], ["quantumalpha", "prod", "data"]);
        assert.deepEqual(space?.defaults, {
            naming: { project: "acme", environment: "prod" },
            namespace: "qa-data",
            team: "quantumalpha",
            trustedRegistries: parsePlatformConfig(
                { project: "acme", team: "platform", costCenter: "cc-1042", environment: "prod", network: { cidr: "10.30.0.0/16" } },
                { today: "2026-12-02" },
            ).platform.trustedRegistries,
            minReplicasFloor: 2,
            zoneSpread: true,
            identity: { cluster: CLUSTER },
        });
        assert.deepEqual(space?.after.dependsOn, [space?.namespace]);
    });

    it("dev: the dev profile's floor (1) and no zone spread on a single-zone cluster", async () => {
        let space: TeamSpace | undefined;
        await synthesize({
            project: "t",
            stack: "dev",
            program: () => void (space = teamSpace(app("dev"), { name: "web", namespace: "web", team: "web" })),
        });
        assert.deepEqual([space?.defaults.minReplicasFloor, space?.defaults.zoneSpread], [1, false]);
    });
});
