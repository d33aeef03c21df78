import * as assert from "node:assert/strict";
import {
    dependenciesOf,
    inDeploymentOrder,
    inDestroyOrder,
    LAYER_NAMES,
    LAYERS,
    layerOf,
    NAMED_DEPENDENCIES,
    outputsReadBy,
    type LayerDefinition,
    registryProblems,
    UsageError,
} from "../src/index.js";

describe("layer registry", () => {
    it("lists foundation, security, cluster, data, platform in that order, each after what it depends on (security reads the foundation's logs key; the cluster reads only the foundation; platform reads the zones, the cluster and, on GKE, the data layer's CMEK volume class, and names the security layer's drift role)", () => {
        assert.deepEqual(
            LAYERS.map((l) => [l.name, [...l.dependsOn]]),
            [
                ["foundation", []],
                ["security", ["foundation"]],
                ["cluster", ["foundation"]],
                ["data", ["foundation", "cluster"]],
                ["platform", ["foundation", "security", "cluster", "data"]],
            ],
        );
        assert.deepEqual(registryProblems(LAYERS), []);
        assert.deepEqual([...LAYER_NAMES], ["foundation", "security", "cluster", "data", "platform"]);
        assert.deepEqual([...dependenciesOf("security")], ["foundation"]);
        assert.deepEqual([...dependenciesOf("data")], ["foundation", "cluster"]);
    });

    it("the platform layer's dependency on security is named, not read: synth of the platform layer does not run security", () => {
        assert.deepEqual(Object.keys(NAMED_DEPENDENCIES), ["platform"]);
        assert.deepEqual(Object.keys(NAMED_DEPENDENCIES.platform ?? {}), ["security"]);
        assert.deepEqual(outputsReadBy("cluster"), ["foundation"]);
        assert.deepEqual(outputsReadBy("platform"), ["foundation", "cluster", "data"]);
        assert.deepEqual(outputsReadBy("foundation"), []);
        for (const layer of LAYERS) {
            for (const named of Object.keys(NAMED_DEPENDENCIES[layer.name] ?? {})) {
                assert.ok((layer.dependsOn as readonly string[]).includes(named), `${layer.name}: a named dependency is declared too`);
            }
        }
    });

    it("sorts into deployment order and destroy order (its reverse), whatever order they came in", () => {
        const items = [
            { layer: "data" as const },
            { layer: "platform" as const },
            { layer: "foundation" as const },
            { layer: "cluster" as const },
            { layer: "security" as const },
        ];
        assert.deepEqual(
            inDeploymentOrder(items).map((i) => i.layer),
            ["foundation", "security", "cluster", "data", "platform"],
        );
        assert.deepEqual(
            inDestroyOrder(items).map((i) => i.layer),
            ["platform", "data", "cluster", "security", "foundation"],
        );
        assert.deepEqual(
            items.map((i) => i.layer),
            ["data", "platform", "foundation", "cluster", "security"],
            "the input is not reordered",
        );
    });

    it("finds a layer by its stacks/ directory and rejects an unknown one with the fix", () => {
        assert.equal(layerOf("cluster").name, "cluster");
        assert.throws(
            () => layerOf("observability"),
            (err: Error) =>
                err instanceof UsageError &&
                err.message ===
                    'stacks/observability: "observability" is not a layer in the layer registry (foundation, security, cluster, data, platform). ' +
                        "Fix: add it to LAYERS in packages/automation/src/workspace/layers.ts with the layers it depends on, or move the project out of stacks/",
        );
    });

    it("a registry with a dependency listed later, an unknown dependency or a duplicate is reported", () => {
        const bad = [
            { name: "cluster", dependsOn: ["foundation"], description: "" },
            { name: "foundation", dependsOn: ["network"], description: "" },
            { name: "cluster", dependsOn: [], description: "" },
        ] as unknown as LayerDefinition[];
        assert.deepEqual(registryProblems(bad), [
            "cluster: depends on foundation, which comes later; list foundation first",
            "foundation: depends on network, which is not a layer",
            "cluster: listed twice",
        ]);
    });
});
