import { asRecord, gatekeeper } from "@platform/policy-kit";
import { containerPolicy } from "../container-policy.js";
import { SERVING_TYPES } from "../workloads.js";

/**
 * Readiness and liveness probes on every serving container (Deployment, StatefulSet, DaemonSet,
 * Pod): without readiness, traffic reaches pods that cannot answer; without liveness, a hung
 * process is never restarted. Init containers and Jobs / CronJobs (which run to completion) are exempt.
 */
export const probesRequired = containerPolicy({
    name: "kubernetes-probes-required",
    description: "Serving containers have readiness and liveness probes.",
    severity: "medium",
    framework: gatekeeper({ K8sRequiredProbes: "Required Probes" }),
    types: SERVING_TYPES,
    remediationSteps: "Set readinessProbe and livenessProbe (httpGet, tcpSocket, grpc or exec) on every container of the pod template.",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
    check: (c) => {
        if (c.kind !== "container") return undefined;
        const missing = ["readinessProbe", "livenessProbe"].filter((p) => asRecord(c.props[p]) === undefined);
        return missing.length === 0 ? undefined : `has no ${missing.join(" or ")}; add readiness and liveness probes`;
    },
});
