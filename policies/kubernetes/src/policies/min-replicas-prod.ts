import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    asNumber,
    asRecord,
    asString,
    resourcesOfTypes,
    seedTags,
    stackEnvironments,
    tryRead,
    withoutPropertiesYet,
} from "@platform/policy-kit";
import { isProductionEnvironment, KUBERNETES_TYPES as K } from "@platform/facts";
import { kindOf, labelsOf, REPLICATED_TYPES } from "../workloads.js";

/** The replica floor of production (seeds 001 "2 for prod", 004 HPA minReplicas 2). */
export const MIN_PROD_REPLICAS = 2;

function meta(r: PolicyResource): { name: string; namespace: string; labels: Record<string, string> } {
    const m = asRecord(r.props["metadata"]);
    return { name: asString(m?.["name"]) ?? r.name, namespace: asString(m?.["namespace"]) ?? "default", labels: labelsOf(m) };
}

/** The lowest replica count an autoscaler of the stack keeps for the workload (HPA minReplicas, ScaledObject minReplicaCount). */
function autoscaledMinimum(resources: readonly PolicyResource[], kind: string, name: string, namespace: string): number | undefined {
    const floors = resourcesOfTypes(resources, K.horizontalPodAutoscaler, K.scaledObject).flatMap((a) => {
        const spec = asRecord(a.props["spec"]);
        const target = asRecord(spec?.["scaleTargetRef"]);
        const targetKind = asString(target?.["kind"]) ?? (a.type === K.scaledObject ? "Deployment" : undefined);
        if (meta(a).namespace !== namespace || targetKind !== kind || asString(target?.["name"]) !== name) return [];
        const min = a.type === K.scaledObject ? (asNumber(spec?.["minReplicaCount"]) ?? 0) : (asNumber(spec?.["minReplicas"]) ?? 1);
        return [min];
    });
    return floors.length === 0 ? undefined : Math.min(...floors);
}

/**
 * At least 2 replicas in production (seeds 001, 004), so losing a pod or a node never takes a
 * service down. A stack policy because it needs two things a resource policy cannot see:
 *
 * - **the environment**: Kubernetes objects carry no provider tags. A workload is production when
 *   its own `environment` label says prod or dr (the label kubernetes-required-labels requires), or
 *   when the stack's cloud providers' default tags say so (`stackEnvironments`, as the platform
 *   pack reads them): the stricter wins, so a mislabelled workload in a prod stack is still held to
 *   it. Neither set: not production (required-labels flags the missing label).
 * - **its autoscaler**: a Deployment an HPA or KEDA ScaledObject scales leaves `replicas` unset (so
 *   an update never resets it); then the autoscaler's minimum counts.
 *
 * Deployments and StatefulSets only: a DaemonSet runs on every node, Jobs run to completion.
 */
export const minReplicasProd: StackValidationPolicy = {
    name: "kubernetes-min-replicas-prod",
    description: "Production workloads run at least 2 replicas.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("001", "004"),
    remediationSteps:
        "In prod and dr, set replicas >= 2, or let an HPA (minReplicas >= 2) or a KEDA ScaledObject (minReplicaCount >= 2) own the count; the golden-path Workload refuses fewer.",
    url: "https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas",
    validateStack: (args, reportViolation) => {
        const stackProd = stackEnvironments(args.resources).filter(isProductionEnvironment);
        for (const workload of resourcesOfTypes(args.resources, ...REPLICATED_TYPES)) {
            // Values unknown in a preview, and objects of a provider not configured yet (no properties), are not judged.
            if (withoutPropertiesYet(workload)) continue;
            const read = tryRead(() => ({ ...meta(workload), replicas: asNumber(asRecord(workload.props["spec"])?.["replicas"]) }));
            const autoscaled = tryRead(() =>
                autoscaledMinimum(
                    args.resources,
                    kindOf(workload.type),
                    read.known ? read.value.name : "",
                    read.known ? read.value.namespace : "",
                ),
            );
            if (!read.known || !autoscaled.known) continue;
            const { name, namespace, labels, replicas } = read.value;
            const labelled = labels["environment"];
            const env = labelled !== undefined && isProductionEnvironment(labelled) ? labelled : stackProd[0];
            if (env === undefined) continue;
            const kind = kindOf(workload.type);
            const floor = replicas ?? autoscaled.value ?? 1;
            if (floor >= MIN_PROD_REPLICAS) continue;
            const source =
                replicas !== undefined
                    ? `sets replicas: ${replicas}`
                    : autoscaled.value === undefined
                      ? "leaves replicas unset (1) with no autoscaler"
                      : `is autoscaled down to ${floor}`;
            reportViolation(`${kind} ${namespace}/${name} ${source} in ${env}; run at least ${MIN_PROD_REPLICAS} replicas.`, workload.urn);
        }
    },
};
