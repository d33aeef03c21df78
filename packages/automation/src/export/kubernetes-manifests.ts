/**
 * The Kubernetes objects of a stack as YAML manifests, for the kubernetes scanners (Checkov's
 * kubernetes framework, Trivy config, conftest, kubeconform). The inputs Pulumi sends the
 * kubernetes provider are the object itself; secrets are blinded as `[secret]`. Helm releases are
 * not objects (their charts are rendered by Helm) and are left out, as `platform render` does.
 */
import type { InventoryResource } from "@platform/synth";
import { stringify } from "yaml";
import { exportedInputs } from "./secrets.js";

const HELM_RELEASE = "kubernetes:helm.sh/v3:Release";

export function isKubernetesObject(resource: InventoryResource): boolean {
    return resource.custom && resource.type.startsWith("kubernetes:") && resource.type !== HELM_RELEASE;
}

function metadataOf(resource: InventoryResource): { name?: unknown; namespace?: unknown } {
    const metadata = resource.inputs["metadata"];
    return typeof metadata === "object" && metadata !== null ? metadata : {};
}

/** `<kind>-<namespace>-<name>.yaml` (no namespace for cluster-scoped objects), lower case. */
export function manifestFileName(resource: InventoryResource): string {
    const kind = resource.type.split(":")[2] ?? "object";
    const { name, namespace } = metadataOf(resource);
    const parts = [kind, typeof namespace === "string" ? namespace : undefined, typeof name === "string" ? name : resource.name];
    return `${parts
        .filter((p): p is string => p !== undefined)
        .join("-")
        .toLowerCase()
        .replace(/[^a-z0-9.-]/g, "-")}.yaml`;
}

/** The object as YAML, `apiVersion` and `kind` first. */
export function kubernetesManifest(resource: InventoryResource): string {
    const { apiVersion, kind, ...rest } = exportedInputs(resource);
    return stringify({ apiVersion, kind, ...rest });
}
