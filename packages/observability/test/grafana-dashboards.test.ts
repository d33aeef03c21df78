import * as assert from "node:assert/strict";
import { countByType, fieldsAndProblems, type InventoryResource, ofType, rejectedIssues, synthesize } from "@platform/synth";
import { validateObject } from "@platform/workload/schemas";
import { GrafanaDashboards, type GrafanaDashboardsArgs, platformDashboards, validateGrafanaDashboardsArgs } from "../src/index.js";
import { API_SLO, WORKER_SLO } from "./fixtures.js";

const naming = { project: "acme", environment: "prod" };

async function synth(args: GrafanaDashboardsArgs, opts: { protect?: boolean } = {}): Promise<InventoryResource[]> {
    return (await synthesize({ project: "t", stack: "prod", program: () => void new GrafanaDashboards("dashboards", args, opts) }))
        .resources;
}

interface ConfigMapInputs {
    metadata: { name: string; namespace: string; labels: Record<string, string>; annotations: Record<string, string> };
    data: Record<string, string>;
}

const configMaps = (resources: InventoryResource[]) => ofType(resources, "kubernetes:core/v1:ConfigMap");

describe("GrafanaDashboards", () => {
    it("one ConfigMap per dashboard in monitoring, with the sidecar label, the folder annotation and the JSON model under <uid>.json", async () => {
        const resources = await synth({ naming, slos: [API_SLO], labels: { team: "platform", environment: "prod" } });
        assert.deepEqual(countByType(resources.filter((r) => r.custom)), [{ type: "kubernetes:core/v1:ConfigMap", count: 4 }]);
        const maps = configMaps(resources);
        assert.deepEqual(
            maps.map((m) => m.name),
            [
                "dashboards-platform-system-overview",
                "dashboards-platform-cluster-nodes",
                "dashboards-platform-postgres",
                "dashboards-platform-slo-docuthinker-api",
            ],
        );
        const expected = platformDashboards({ slos: [API_SLO] });
        maps.forEach((m, i) => {
            const inputs = m.inputs as unknown as ConfigMapInputs;
            const uid = expected[i].uid as string;
            assert.deepEqual(inputs.metadata, {
                name: `dashboard-${uid}`,
                namespace: "monitoring",
                labels: { team: "platform", environment: "prod", grafana_dashboard: "1" },
                annotations: { grafana_folder: "Platform" },
            });
            assert.deepEqual(Object.keys(inputs.data), [`${uid}.json`]);
            assert.deepEqual(JSON.parse(inputs.data[`${uid}.json`]), expected[i]);
            validateObject({ apiVersion: "v1", kind: "ConfigMap", ...inputs });
        });
    });

    it("parents every ConfigMap to the component, which registers the uids and ConfigMap names as outputs", async () => {
        const resources = await synth({ naming, slos: [API_SLO, WORKER_SLO] });
        const component = resources.filter((r) => r.type === "platform:observability:GrafanaDashboards");
        assert.equal(component.length, 1);
        assert.deepEqual(
            configMaps(resources).map((m) => m.parent),
            Array(5).fill(component[0].urn),
        );
        assert.deepEqual(component[0].outputs["dashboardUids"], [
            "platform-system-overview",
            "platform-cluster-nodes",
            "platform-postgres",
            "platform-slo-docuthinker-api",
            "platform-slo-auterity-worker",
        ]);
        assert.deepEqual(component[0].outputs["configMapNames"], [
            "dashboard-platform-system-overview",
            "dashboard-platform-cluster-nodes",
            "dashboard-platform-postgres",
            "dashboard-platform-slo-docuthinker-api",
            "dashboard-platform-slo-auterity-worker",
        ]);
    });

    it("without SLOs: the three platform dashboards; another namespace and folder when asked", async () => {
        const maps = configMaps(await synth({ naming, namespace: "observability", folder: "Infrastructure" }));
        assert.deepEqual(
            maps.map((m) => {
                const meta = (m.inputs as unknown as ConfigMapInputs).metadata;
                return [meta.name, meta.namespace, meta.annotations["grafana_folder"], meta.labels["grafana_dashboard"]];
            }),
            ["platform-system-overview", "platform-cluster-nodes", "platform-postgres"].map((uid) => [
                `dashboard-${uid}`,
                "observability",
                "Infrastructure",
                "1",
            ]),
        );
    });

    it("a caller's grafana_dashboard label cannot switch provisioning off", async () => {
        const maps = configMaps(await synth({ naming, labels: { grafana_dashboard: "0" } }));
        assert.deepEqual(
            maps.map((m) => (m.inputs as unknown as ConfigMapInputs).metadata.labels["grafana_dashboard"]),
            ["1", "1", "1"],
        );
    });

    it("protection through resource options: protected ConfigMaps with { protect: true }, none without", async () => {
        assert.deepEqual(
            configMaps(await synth({ naming }, { protect: true })).map((m) => m.protect),
            [true, true, true],
        );
        assert.deepEqual(
            configMaps(await synth({ naming })).map((m) => [m.protect, m.retainOnDelete]),
            [
                [false, false],
                [false, false],
                [false, false],
            ],
        );
    });

    it("rejects every bad argument at once, before any ConfigMap exists", async () => {
        const issues = await rejectedIssues(
            synth({
                naming,
                namespace: "Monitoring",
                folder: " ",
                slos: [
                    { ...API_SLO, service: "Docs API", objective: 1 },
                    {
                        ...WORKER_SLO,
                        goodQuery: "sum(rate(jobs_total[5m]))",
                        totalQuery: "sum(rate(jobs_total[{{window}}])",
                        windowDays: 0,
                    },
                    { ...API_SLO, service: "a-service-name-longer-than-27" },
                    { ...API_SLO, service: "auterity-worker" },
                ],
            }),
        );
        assert.deepEqual(fieldsAndProblems(issues), [
            ["namespace", "is not a Kubernetes namespace name"],
            ["folder", "is empty"],
            ["slos[0].service", "is not a name segment (lowercase letters and digits separated by single hyphens)"],
            ["slos[0].objective", "must be a ratio strictly between 0 and 1 (1 leaves no error budget)"],
            ["slos[1].windowDays", "must be a whole number from 1 to 90"],
            ["slos[1].goodQuery", "has no {{window}} placeholder for the range"],
            ["slos[1].totalQuery", 'does not parse as PromQL: syntax error at character 25, near "total[5m])"'],
            [
                "slos[2].service",
                "is longer than 27 characters: the dashboard uid platform-slo-a-service-name-longer-than-27 would pass Grafana's 40",
            ],
            ["slos", '"auterity-worker" listed twice'],
        ]);
    });

    it("validateGrafanaDashboardsArgs accepts the defaults and sound SLO specs", () => {
        assert.deepEqual(validateGrafanaDashboardsArgs({ naming }), []);
        assert.deepEqual(validateGrafanaDashboardsArgs({ naming, slos: [API_SLO, WORKER_SLO] }), []);
    });
});
