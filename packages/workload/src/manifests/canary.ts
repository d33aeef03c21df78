/**
 * Flagger's Canary (flagger.app/v1beta1). No `@kubernetes-models` package models Flagger, so this
 * is the one hand-typed custom resource: the fields the platform sets, typed after Flagger's CRD
 * (`artifacts/flagger/crd.yaml`), with the seed 001 analysis as defaults (DL5: interval 1m,
 * threshold 5, max weight 50, step 10, request success rate >= 99 %, request duration <= 500 ms).
 */
export interface CanaryAnalysis {
    /** How often Flagger checks the metrics and moves the weight. @default "1m" */
    readonly interval: string;
    /** Failed checks before a rollback. @default 5 */
    readonly threshold: number;
    /** Highest canary weight before promotion, in percent. @default 50 */
    readonly maxWeight: number;
    /** Weight added per successful check, in percent. @default 10 */
    readonly stepWeight: number;
    /** Lowest request success rate, in percent. @default 99 */
    readonly minSuccessRatePercent: number;
    /** Highest p99 request duration, in milliseconds. @default 500 */
    readonly maxRequestDurationMs: number;
}

export const SEED_CANARY_ANALYSIS: CanaryAnalysis = {
    interval: "1m",
    threshold: 5,
    maxWeight: 50,
    stepWeight: 10,
    minSuccessRatePercent: 99,
    maxRequestDurationMs: 500,
};

export interface CanaryManifest {
    readonly apiVersion: "flagger.app/v1beta1";
    readonly kind: "Canary";
    readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
    readonly spec: {
        readonly provider: "istio";
        readonly targetRef: { readonly apiVersion: "apps/v1"; readonly kind: "Deployment"; readonly name: string };
        readonly autoscalerRef?: { readonly apiVersion: string; readonly kind: string; readonly name: string };
        readonly progressDeadlineSeconds: number;
        readonly service: {
            readonly port: number;
            readonly targetPort: string;
            readonly portName: string;
            /** Labels of the Service Flagger creates under the Deployment's name (the ServiceMonitor selects it), and its annotations. */
            readonly apex: { readonly labels: Readonly<Record<string, string>>; readonly annotations: Readonly<Record<string, string>> };
            /** Gateways Flagger's VirtualService binds (`mesh` keeps in-cluster routing); set with a public route. */
            readonly gateways?: readonly unknown[];
            /** Hosts of Flagger's VirtualService: the public names and the Service's own name. */
            readonly hosts?: readonly string[];
        };
        readonly analysis: {
            readonly interval: string;
            readonly threshold: number;
            readonly maxWeight: number;
            readonly stepWeight: number;
            readonly metrics: ReadonlyArray<{
                readonly name: "request-success-rate" | "request-duration";
                readonly interval: string;
                readonly thresholdRange: { readonly min?: number; readonly max?: number };
            }>;
        };
    };
}

/**
 * A Canary for a Deployment on the Istio provider: Flagger creates `<name>-primary` and the
 * `<name>-canary` services and shifts traffic with a VirtualService, rolling back after
 * `threshold` failed checks. `autoscaler` names the HPA or ScaledObject Flagger copies for the primary.
 */
export function canaryManifest(v: {
    name: string;
    namespace: string;
    labels: Readonly<Record<string, string>>;
    port: number;
    analysis: CanaryAnalysis;
    autoscaler?: { apiVersion: string; kind: string };
    serviceLabels: Readonly<Record<string, string>>;
    /** Annotations of the apex Service (Kong's mesh upstream: mesh-upstream.ts). */
    serviceAnnotations: Readonly<Record<string, string>>;
    /** Route these public names from the edge's Istio Gateway through Flagger's VirtualService. */
    publicRoute?: { gateway: unknown; hostnames: readonly string[] };
}): CanaryManifest {
    return {
        apiVersion: "flagger.app/v1beta1",
        kind: "Canary",
        metadata: { name: v.name, namespace: v.namespace, labels: { ...v.labels } },
        spec: {
            provider: "istio",
            targetRef: { apiVersion: "apps/v1", kind: "Deployment", name: v.name },
            ...(v.autoscaler !== undefined ? { autoscalerRef: { ...v.autoscaler, name: v.name } } : {}),
            progressDeadlineSeconds: 600,
            service: {
                port: v.port,
                targetPort: "http",
                portName: "http",
                apex: { labels: { ...v.serviceLabels }, annotations: { ...v.serviceAnnotations } },
                ...(v.publicRoute !== undefined
                    ? { gateways: [v.publicRoute.gateway, "mesh"], hosts: [...v.publicRoute.hostnames, v.name] }
                    : {}),
            },
            analysis: {
                interval: v.analysis.interval,
                threshold: v.analysis.threshold,
                maxWeight: v.analysis.maxWeight,
                stepWeight: v.analysis.stepWeight,
                metrics: [
                    {
                        name: "request-success-rate",
                        interval: v.analysis.interval,
                        thresholdRange: { min: v.analysis.minSuccessRatePercent },
                    },
                    { name: "request-duration", interval: v.analysis.interval, thresholdRange: { max: v.analysis.maxRequestDurationMs } },
                ],
            },
        },
    };
}
