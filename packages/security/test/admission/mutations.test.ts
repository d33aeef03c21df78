import * as assert from "node:assert/strict";
import {
    constraint,
    constraintTemplate,
    GATEKEEPER_MODELS,
    GATEKEEPER_MUTATIONS,
    GATEKEEPER_RULES,
    type MutationSettings,
    mutations,
} from "../../src/index.js";

const settings: MutationSettings = { trustedRegistries: ["ghcr.io"], minReplicas: 2, environment: "prod" };
const appOnly: MutationSettings = { ...settings, namespaceLabels: { "platform.io/namespace-kind": "app" } };

type Obj = { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, unknown> };

function validate(object: Record<string, unknown>): void {
    const Model = GATEKEEPER_MODELS[`${String(object["apiVersion"])}/${String(object["kind"])}`];
    assert.ok(Model, `a model for ${String(object["apiVersion"])}/${String(object["kind"])}`);
    new Model(object as never).validate();
}

describe("Gatekeeper mutations (seed 001: eight auto-mutations)", () => {
    it("eight mutations in a fixed order, each naming the rule it fills in for", () => {
        assert.deepEqual(
            GATEKEEPER_MUTATIONS.map((m) => [m.name, m.kind, m.fills]),
            [
                ["platform-environment-label", "AssignMetadata", "kubernetes-required-labels (environment)"],
                ["platform-run-as-non-root", "Assign", "kubernetes-run-as-non-root"],
                ["platform-seccomp-runtime-default", "Assign", "kubernetes-seccomp-runtime-default"],
                ["platform-no-privilege-escalation", "Assign", "kubernetes-no-privilege-escalation"],
                ["platform-read-only-root-fs", "Assign", "kubernetes-read-only-root-fs"],
                ["platform-drop-all-capabilities", "Assign", "kubernetes-drop-all-capabilities"],
                ["platform-default-cpu-limit", "Assign", "kubernetes-resources-required (cpu limit)"],
                ["platform-default-memory-limit", "Assign", "kubernetes-resources-required (memory limit)"],
            ],
        );
        assert.deepEqual(
            mutations(settings).map((m) => (m as Obj).metadata.name),
            GATEKEEPER_MUTATIONS.map((m) => m.name),
        );
    });

    it("every Assign fills its field only where the pod leaves it unset (never overwrites a set value)", () => {
        const assigns = mutations(settings).filter((m) => m["kind"] === "Assign") as Obj[];
        assert.equal(assigns.length, 7);
        for (const m of assigns) {
            const spec = m.spec as { applyTo: unknown; location: string; parameters: { pathTests: unknown; assign: { value: unknown } } };
            assert.deepEqual(spec.applyTo, [{ groups: [""], kinds: ["Pod"], versions: ["v1"] }], m.metadata.name);
            assert.deepEqual(spec.parameters.pathTests, [{ subPath: spec.location, condition: "MustNotExist" }], m.metadata.name);
        }
        const value = (name: string) =>
            assigns.find((m) => m.metadata.name === name)?.spec as
                { location: string; parameters: { assign: { value: unknown } } } | undefined;
        assert.deepEqual(value("platform-drop-all-capabilities")?.parameters.assign.value, ["ALL"]);
        assert.equal(value("platform-drop-all-capabilities")?.location, "spec.containers[name:*].securityContext.capabilities.drop");
        assert.equal(value("platform-run-as-non-root")?.location, "spec.securityContext.runAsNonRoot");
        assert.equal(value("platform-default-cpu-limit")?.parameters.assign.value, "500m");
        assert.equal(value("platform-default-memory-limit")?.parameters.assign.value, "512Mi");
    });

    it("the environment label and the default limits come from the settings", () => {
        const custom = mutations({ ...settings, environment: "staging", defaultCpuLimit: "1", defaultMemoryLimit: "1Gi" }) as Obj[];
        assert.deepEqual(custom[0]?.spec, {
            match: {
                kinds: [
                    { apiGroups: [""], kinds: ["Pod"] },
                    { apiGroups: ["apps"], kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] },
                    { apiGroups: ["batch"], kinds: ["Job", "CronJob"] },
                ],
                excludedNamespaces: ["kube-system", "gatekeeper-system"],
            },
            location: "metadata.labels.environment",
            parameters: { assign: { value: "staging" } },
        });
        const limit = (name: string) =>
            (custom.find((m) => m.metadata.name === name)?.spec as { parameters: { assign: { value: unknown } } }).parameters.assign.value;
        assert.equal(limit("platform-default-cpu-limit"), "1");
        assert.equal(limit("platform-default-memory-limit"), "1Gi");
    });

    it("with namespace labels, mutations and constraints select only those namespaces; without, every namespace but the exempt ones", () => {
        for (const object of [...mutations(appOnly), ...GATEKEEPER_RULES.map((r) => constraint(r, appOnly))] as Obj[]) {
            assert.deepEqual((object.spec["match"] as Record<string, unknown>)["namespaceSelector"], {
                matchLabels: { "platform.io/namespace-kind": "app" },
            });
        }
        for (const object of [...mutations(settings), ...GATEKEEPER_RULES.map((r) => constraint(r, settings))] as Obj[]) {
            assert.equal("namespaceSelector" in (object.spec["match"] as Record<string, unknown>), false);
        }
    });
});

describe("Gatekeeper object schemas", () => {
    it("every template, constraint and mutation the platform builds validates", () => {
        const objects = [
            ...GATEKEEPER_RULES.map((r) => constraintTemplate(r)),
            ...GATEKEEPER_RULES.map((r) => constraint(r, appOnly)),
            ...mutations(appOnly),
        ];
        assert.equal(objects.length, 28);
        objects.forEach(validate);
        assert.equal(Object.keys(GATEKEEPER_MODELS).length, 13);
    });

    it("a wrong value or an unknown field fails, naming the path", () => {
        const rule = GATEKEEPER_RULES[0];
        assert.ok(rule);
        const bad = constraint(rule, settings) as Obj;
        assert.throws(
            () => validate({ ...bad, spec: { ...bad.spec, enforcementAction: "block" } }),
            /\/spec\/enforcementAction must be equal to one of the allowed values/,
        );
        assert.throws(
            () => validate({ ...bad, spec: { ...bad.spec, match: { kindz: [] } } }),
            /\/spec\/match must NOT have additional properties/,
        );
        const label = mutations(settings)[0] as Obj;
        assert.throws(
            () => validate({ ...label, spec: { ...label.spec, location: "spec.replicas" } }),
            /\/spec\/location must match pattern/,
        );
        const assign = mutations(settings)[1] as Obj;
        assert.throws(
            () =>
                validate({
                    ...assign,
                    spec: { ...assign.spec, parameters: { assign: { value: true }, pathTests: [{ subPath: "x", condition: "Missing" }] } },
                }),
            /\/spec\/parameters\/pathTests\/0\/condition must be equal to one of the allowed values/,
        );
        const template = constraintTemplate(rule) as Obj;
        assert.throws(
            () => validate({ ...template, spec: { crd: template.spec["crd"], targets: [] } }),
            /\/spec\/targets must NOT have fewer than 1 items/,
        );
    });
});
