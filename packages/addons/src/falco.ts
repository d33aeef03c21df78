/**
 * Falco (seed 001 S2, seed 000 S3): runtime threat detection on every node. The pinned
 * falcosecurity/falco chart as a DaemonSet with the modern eBPF driver (CO-RE: no kernel module
 * and no driver download, so it runs on EKS AL2023 and Bottlerocket and on GKE's Container-Optimized
 * OS), tolerating every taint so no node goes unwatched, the chart's default ruleset plus the
 * platform's seed rules (@platform/security), and falcosidekick forwarding alerts at or above the
 * configured priority to the in-cluster Alertmanager, which routes them like every other alert.
 * Falco's metrics are scraped through the chart's ServiceMonitor.
 *
 * Namespace: kube-system, like node-exporter: Falco needs the host (privileged, host /proc, /etc
 * and the container runtime's socket), which Pod Security `baseline` refuses and the kubernetes
 * pack forbids any platform namespace to allow; kube-system is the cluster's own, privileged one.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import {
    checkOneOf,
    checkWholeNumber,
    FALCO_MINIMUM_PRIORITIES,
    type FalcoMinimumPriority,
    type Issue,
    PlatformComponent,
    type RuntimeSecurityProfile,
} from "@platform/core";
import { falcoRulesYaml } from "@platform/security";
import { CHARTS } from "./charts.js";
import { chartRelease } from "./release.js";
import type { AddonContext } from "./placement.js";

/** Where Falco runs (see the module comment). */
export const FALCO_NAMESPACE = "kube-system";
/** The Helm release, hence the DaemonSet's and the metrics Service's name. */
export const FALCO_RELEASE = "falco";
/** The key of the platform's rules in the chart's `customRules` (a file under /etc/falco/rules.d, loaded after the defaults). */
export const FALCO_RULES_FILE = "platform-rules.yaml";

/** Falco priority to the Alertmanager's severities (`severity` label: critical, warning, info). */
export const FALCO_SEVERITY_MAP: Readonly<Record<FalcoMinimumPriority, "critical" | "warning" | "info">> = {
    emergency: "critical",
    alert: "critical",
    critical: "critical",
    error: "warning",
    warning: "warning",
    notice: "info",
    informational: "info",
    debug: "info",
};

export interface FalcoArgs {
    readonly context: AddonContext;
    /** CPU and memory of each Falco pod (the profile's `runtimeSecurity`). */
    readonly resources: RuntimeSecurityProfile;
    /**
     * Least priority falcosidekick forwards (`platform:platform.runtimeSecurity.minimumPriority`).
     * Lower floods the on-call with the default ruleset's notices.
     * @default "warning" (seed 000's shell rule; seed 001 watches warning and critical)
     */
    readonly minimumPriority?: FalcoMinimumPriority;
    /** The Alertmanager falcosidekick posts to (the monitoring stack's Service, `http://host:port`). */
    readonly alertmanagerUrl: string;
    /** The `team` label of Falco's alerts, which the Alertmanager routes on. */
    readonly team: string;
}

export class Falco extends PlatformComponent {
    readonly release: k8s.helm.v3.Release;
    readonly minimumPriority: FalcoMinimumPriority;

    constructor(name: string, args: FalcoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:addons:Falco", name, args.context.naming, opts);
        const minimumPriority = args.minimumPriority ?? "warning";
        this.validate(validateFalcoArgs(args, minimumPriority));
        this.minimumPriority = minimumPriority;
        this.release = chartRelease(
            this.childName("release"),
            { name: FALCO_RELEASE, namespace: FALCO_NAMESPACE, pin: CHARTS.falco, values: falcoValues(args, minimumPriority) },
            this.childOptions(),
        );
        this.complete("minimumPriority");
    }
}

/** The chart's values (a pure function: the tests check them exactly). */
export function falcoValues(args: FalcoArgs, minimumPriority: FalcoMinimumPriority): Record<string, unknown> {
    const r = args.resources;
    return {
        driver: { enabled: true, kind: "modern_ebpf" },
        // Every node, whatever its taints (system nodes, GPU pools, nodes being drained): an unwatched node is a blind spot.
        tolerations: [{ operator: "Exists" }],
        resources: {
            requests: { cpu: `${r.cpuRequestMillicores}m`, memory: `${r.memoryRequestMiB}Mi` },
            limits: { memory: `${r.memoryLimitMiB}Mi` },
        },
        customRules: { [FALCO_RULES_FILE]: falcoRulesYaml() },
        falco: { json_output: true, json_include_output_property: true },
        metrics: { enabled: true, interval: "1m" },
        serviceMonitor: { create: true },
        falcosidekick: {
            enabled: true,
            replicaCount: 1,
            webui: { enabled: false },
            config: {
                alertmanager: {
                    hostport: args.alertmanagerUrl,
                    minimumpriority: minimumPriority,
                    // The platform's routing keys: severity (mapped from Falco's priority) and team.
                    customseveritymap: Object.entries(FALCO_SEVERITY_MAP)
                        .map(([priority, severity]) => `${priority}:${severity}`)
                        .join(","),
                    extralabels: `team:${args.team}`,
                },
            },
        },
    };
}

export function validateFalcoArgs(args: FalcoArgs, minimumPriority: string): Issue[] {
    const r = args.resources;
    const issues: Issue[] = [
        ...checkOneOf("minimumPriority", minimumPriority, FALCO_MINIMUM_PRIORITIES),
        ...checkWholeNumber("resources.cpuRequestMillicores", r.cpuRequestMillicores, { min: 50, max: 4000 }),
        ...checkWholeNumber("resources.memoryRequestMiB", r.memoryRequestMiB, { min: 256, max: 8192 }),
        ...checkWholeNumber("resources.memoryLimitMiB", r.memoryLimitMiB, { min: 256, max: 16384 }),
    ];
    if (r.memoryLimitMiB < r.memoryRequestMiB) {
        issues.push({
            field: "resources.memoryLimitMiB",
            value: r.memoryLimitMiB,
            problem: `is below the request (${r.memoryRequestMiB} MiB), which Kubernetes refuses`,
            fix: "set the limit at or above the request",
        });
    }
    if (!/^https?:\/\/[a-z0-9.-]+:\d+$/.test(args.alertmanagerUrl)) {
        issues.push({
            field: "alertmanagerUrl",
            value: args.alertmanagerUrl,
            problem: "is not an http://host:port address",
            fix: "pass the Alertmanager Service's address, e.g. http://kube-prometheus-stack-alertmanager.monitoring.svc:9093",
        });
    }
    return issues;
}
