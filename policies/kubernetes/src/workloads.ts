/**
 * Reading Kubernetes workloads as the policies need them: which types carry a pod spec and where
 * (Pod: `spec`; Deployment, StatefulSet, DaemonSet, Job: `spec.template.spec`; CronJob:
 * `spec.jobTemplate.spec.template.spec`), every container of it (init and ephemeral included, as
 * Gatekeeper's library checks them), and how an object is named in a message.
 */
import { asArray, asRecord, asString, type Props } from "@platform/policy-kit";
import { KUBERNETES_TYPES as K } from "@platform/facts";

/** Types with a pod spec, the kinds the POLICIES.md kubernetes rows apply to. */
export const WORKLOAD_TYPES: readonly string[] = [K.deployment, K.statefulSet, K.daemonSet, K.job, K.cronJob, K.pod];

/** Long-running workloads (probes apply; Jobs run to completion). */
export const SERVING_TYPES: readonly string[] = [K.deployment, K.statefulSet, K.daemonSet, K.pod];

/** Kinds whose replica count the min-replicas rule reads. */
export const REPLICATED_TYPES: readonly string[] = [K.deployment, K.statefulSet];

/** The pod template's metadata and spec of a workload's props; undefined when unset. */
export function podTemplate(type: string, props: Props): { metadata?: Props; spec?: Props } {
    const spec = asRecord(props["spec"]);
    if (type === K.pod) return { metadata: asRecord(props["metadata"]), spec };
    const template =
        type === K.cronJob ? asRecord(asRecord(asRecord(spec?.["jobTemplate"])?.["spec"])?.["template"]) : asRecord(spec?.["template"]);
    return { metadata: asRecord(template?.["metadata"]), spec: asRecord(template?.["spec"]) };
}

export interface Container {
    readonly kind: "container" | "initContainer" | "ephemeralContainer";
    readonly name: string;
    readonly props: Props;
}

/** Every container of a pod spec. */
export function containers(podSpec: Props | undefined): Container[] {
    const list = (key: string, kind: Container["kind"]) =>
        (asArray(podSpec?.[key]) ?? []).flatMap((c) => {
            const props = asRecord(c);
            return props ? [{ kind, name: asString(props["name"]) ?? "(unnamed)", props }] : [];
        });
    return [
        ...list("initContainers", "initContainer"),
        ...list("containers", "container"),
        ...list("ephemeralContainers", "ephemeralContainer"),
    ];
}

/** The kind of a `kubernetes:<group>/<version>:<Kind>` token. */
export function kindOf(type: string): string {
    return type.split(":")[2] ?? type;
}

/** `Deployment docuthinker/backend`: the kind and the object's namespace/name, else its logical name. */
export function objectLabel(type: string, props: Props, logicalName: string): string {
    const metadata = asRecord(props["metadata"]);
    const name = asString(metadata?.["name"]) ?? logicalName;
    const namespace = asString(metadata?.["namespace"]);
    return `${kindOf(type)} ${namespace !== undefined ? `${namespace}/` : ""}${name}`;
}

/** A container named in a message: `container "api"` / `init container "migrate"`. */
export function containerLabel(c: Container): string {
    const kind = c.kind === "container" ? "container" : c.kind === "initContainer" ? "init container" : "ephemeral container";
    return `${kind} "${c.name}"`;
}

/** The security context value of a container, falling back to the pod's for the fields pods may set. */
export function effectiveSecurity(podSpec: Props | undefined, c: Container, field: string): unknown {
    const own = asRecord(c.props["securityContext"])?.[field];
    if (own !== undefined) return own;
    return asRecord(podSpec?.["securityContext"])?.[field];
}

/** Object labels (`metadata.labels`). */
export function labelsOf(metadata: Props | undefined): Record<string, string> {
    const labels = asRecord(metadata?.["labels"]) ?? {};
    return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"));
}
