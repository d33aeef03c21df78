import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, findResource, type InventoryResource, rejectedIssues, synthesize } from "@platform/synth";
import { falcoRulesYaml } from "@platform/security";
import { type AddonContext, CHARTS, Falco, type FalcoArgs, falcoValues } from "../src/index.js";

const context: AddonContext = {
    naming: { project: "acme", environment: "prod" },
    cloud: "aws",
    region: "us-east-1",
    kubernetesVersion: "1.35",
    cluster: { cloud: "aws", clusterName: "acme-prod-eks", clusterArn: "arn:aws:eks:us-east-1:111111111111:cluster/acme-prod-eks" },
    clusterName: "acme-prod-eks",
    onSystemNodes: true,
    labels: { environment: "prod", team: "platform" },
};
const ALERTMANAGER = "http://kube-prometheus-stack-alertmanager.monitoring.svc:9093";
const args: FalcoArgs = {
    context,
    resources: { cpuRequestMillicores: 200, memoryRequestMiB: 768, memoryLimitMiB: 1536 },
    alertmanagerUrl: ALERTMANAGER,
    team: "platform",
};

async function synth(program: () => void): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program })).resources;
}

describe("Falco add-on", () => {
    it("one pinned release in kube-system, nothing else", async () => {
        const resources = await synth(() => new Falco("falco", args));
        assert.deepEqual(
            countByType(resources).map((c) => [c.type, c.count]),
            [
                ["kubernetes:helm.sh/v3:Release", 1],
                ["platform:addons:Falco", 1],
                ["pulumi:pulumi:Stack", 1],
            ],
        );
        const release = findResource(resources, "kubernetes:helm.sh/v3:Release", "falco-release");
        assert.deepEqual(
            [
                release.inputs["name"],
                release.inputs["chart"],
                release.inputs["version"],
                release.inputs["namespace"],
                release.inputs["repositoryOpts"],
            ],
            ["falco", "falco", CHARTS.falco.version, "kube-system", { repo: "https://falcosecurity.github.io/charts" }],
        );
    });

    it("values: modern eBPF, every node, the profile's resources, the seed rules, metrics, falcosidekick to the Alertmanager at warning", () => {
        assert.deepEqual(falcoValues(args, "warning"), {
            driver: { enabled: true, kind: "modern_ebpf" },
            tolerations: [{ operator: "Exists" }],
            resources: { requests: { cpu: "200m", memory: "768Mi" }, limits: { memory: "1536Mi" } },
            customRules: { "platform-rules.yaml": falcoRulesYaml() },
            falco: { json_output: true, json_include_output_property: true },
            metrics: { enabled: true, interval: "1m" },
            serviceMonitor: { create: true },
            falcosidekick: {
                enabled: true,
                replicaCount: 1,
                webui: { enabled: false },
                config: {
                    alertmanager: {
                        hostport: ALERTMANAGER,
                        minimumpriority: "warning",
                        customseveritymap:
                            "emergency:critical,alert:critical,critical:critical,error:warning,warning:warning,notice:info,informational:info,debug:info",
                        extralabels: "team:platform",
                    },
                },
            },
        });
    });

    it("the minimum priority reaches falcosidekick; unset is warning", async () => {
        const at = (r: InventoryResource[]) =>
            (
                r.find((x) => x.name === "falco-release")?.inputs["values"] as {
                    falcosidekick: { config: { alertmanager: { minimumpriority: string } } };
                }
            ).falcosidekick.config.alertmanager.minimumpriority;
        assert.equal(at(await synth(() => new Falco("falco", { ...args, minimumPriority: "critical" }))), "critical");
        assert.equal(at(await synth(() => new Falco("falco", args))), "warning");
    });

    it("rejects bad arguments, all at once", async () => {
        assert.deepEqual(
            fieldsAndProblems(
                await rejectedIssues(
                    synth(
                        () =>
                            new Falco("falco", {
                                ...args,
                                minimumPriority: "loud" as never,
                                resources: { cpuRequestMillicores: 10, memoryRequestMiB: 1024, memoryLimitMiB: 512 },
                                alertmanagerUrl: "alertmanager:9093",
                            }),
                    ),
                ),
            ),
            [
                ["minimumPriority", "is not an allowed value"],
                ["resources.cpuRequestMillicores", "must be a whole number from 50 to 4000"],
                ["resources.memoryLimitMiB", "is below the request (1024 MiB), which Kubernetes refuses"],
                ["alertmanagerUrl", "is not an http://host:port address"],
            ],
        );
    });
});
