/**
 * The layer registry's `dependsOn` is what the stack programs do: every environment's layers are
 * synthesized (the shared synthesis of exports.ts), which records the stacks each program reads
 * through StackReferences. The engine commands run a layer only after its declared dependencies,
 * so a reference the registry lacks would let a layer run before what it reads.
 */
import * as assert from "node:assert/strict";
import { dependenciesOf, discoverLayerProjects, LAYERS, type LayerName, NAMED_DEPENDENCIES, outputsReadBy } from "@platform/automation";
import { ENVIRONMENTS, synthesized } from "./exports.js";
import { REPO_ROOT } from "./paths.js";

describe("the layer registry matches the stack programs' stack references", function () {
    this.timeout(600_000);
    const layerOfProject = new Map(discoverLayerProjects(REPO_ROOT).map((p) => [p.name, p.layer]));

    /** For each layer, the layers its program references in any environment, in registry order. */
    async function referencedLayers(): Promise<Map<LayerName, LayerName[]>> {
        const read = new Map<LayerName, Set<LayerName>>(LAYERS.map((l) => [l.name, new Set()]));
        for (const env of ENVIRONMENTS) {
            for (const stack of (await synthesized(env)).stacks) {
                const layer = layerOfProject.get(stack.project);
                assert.ok(layer, `${stack.project} is a layer project`);
                for (const reference of stack.stackReferences) {
                    // `<organization>/<project>/<stack>`: the same environment's stack of another layer.
                    const [organization, project, stackName] = reference.split("/");
                    assert.deepEqual([organization, stackName], ["organization", env], `${stack.project}/${env} reads ${reference}`);
                    const upstream = layerOfProject.get(project ?? "");
                    assert.ok(upstream, `${stack.project}/${env} reads ${reference}, which is not a layer`);
                    read.get(layer)?.add(upstream);
                }
            }
        }
        return new Map([...read].map(([layer, set]) => [layer, LAYERS.map((l) => l.name).filter((n) => set.has(n))]));
    }

    it("each layer declares exactly the layers it reads (over dev, staging, prod and dr), plus its named ones", async () => {
        const read = await referencedLayers();
        assert.deepEqual(Object.fromEntries(read), {
            foundation: [],
            security: ["foundation"],
            cluster: ["foundation"],
            data: ["foundation", "cluster"],
            // data: only on GKE (dr), for the CMEK volume class.
            platform: ["foundation", "cluster", "data"],
        });
        for (const layer of LAYERS) {
            assert.deepEqual(outputsReadBy(layer.name), read.get(layer.name), `${layer.name}: the registry's read dependencies`);
            assert.deepEqual(
                [...dependenciesOf(layer.name)],
                LAYERS.map((l) => l.name).filter(
                    (n) => (read.get(layer.name) ?? []).includes(n) || Object.hasOwn(NAMED_DEPENDENCIES[layer.name] ?? {}, n),
                ),
                `${layer.name}: dependsOn is what it reads plus what it names`,
            );
        }
    });
});
