/**
 * Flagger (seed 001 P3, 1.34+) in istio-system with the Istio provider: canaries analysed on the
 * mesh's request metrics from the observability layer's Prometheus, leader-elected replicas.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { checkPattern, type Issue, PlatformComponent } from "@platform/core";
import { CHARTS } from "./charts.js";
import { checkReplicas } from "./common.js";
import { ISTIO_NAMESPACE } from "./istio.js";
import { type AddonContext, controllerPlacement } from "./placement.js";
import { chartRelease } from "./release.js";

/** The Prometheus the observability layer runs (prometheus-operator's governing Service in `monitoring`). */
export const DEFAULT_METRICS_SERVER = "http://prometheus-operated.monitoring.svc:9090";

export interface FlaggerArgs {
    readonly context: AddonContext;
    readonly replicas: number;
    /** Prometheus Flagger queries. @default DEFAULT_METRICS_SERVER */
    readonly metricsServer?: string;
}

/** Install after Istio (its CRDs and istiod). */
export class Flagger extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly meshProvider: string;

    constructor(name: string, args: FlaggerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Flagger", name, args.context.naming, opts);
        const metricsServer = args.metricsServer ?? DEFAULT_METRICS_SERVER;
        this.validate(validateFlaggerArgs(args, metricsServer));
        const place = controllerPlacement(args.context.onSystemNodes);
        this.release = chartRelease(
            this.childName("release"),
            {
                name: "flagger",
                namespace: ISTIO_NAMESPACE,
                pin: CHARTS.flagger,
                values: {
                    meshProvider: "istio",
                    metricsServer,
                    crd: { create: true },
                    leaderElection: { enabled: args.replicas > 1, replicaCount: args.replicas },
                    podDisruptionBudget: { enabled: args.replicas > 1, minAvailable: 1 },
                    podMonitor: { enabled: true },
                    nodeSelector: place.nodeSelector,
                    tolerations: place.tolerations,
                    resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "512Mi" } },
                },
            },
            this.childOptions(),
        );
        this.meshProvider = "istio";
        this.complete("meshProvider");
    }
}

export function validateFlaggerArgs(args: FlaggerArgs, metricsServer: string): Issue[] {
    return [
        ...checkReplicas("replicas", args.replicas),
        ...checkPattern(
            "metricsServer",
            metricsServer,
            /^https?:\/\/[a-z0-9.-]+(:\d+)?$/,
            "a URL such as http://prometheus-operated.monitoring.svc:9090",
        ),
    ];
}
