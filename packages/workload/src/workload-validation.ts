/**
 * Every problem with a Workload's arguments: the rules the kubernetes pack enforces on the
 * rendered objects (trusted registry, no `latest`, resources, probes, replicas in prod), checked
 * before anything exists, with the fix, plus what only the component can know (the seed's
 * autoscaling bounds, the canary's analysis).
 */
import { checkPattern, checkUnique, checkWholeNumber, DOMAIN_NAME_PATTERN, type Issue } from "@platform/core";
import type { CanaryAnalysis } from "./manifests/canary.js";
import type { WorkloadArgs } from "./workload.js";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A label value (Kubernetes: 63 characters, alphanumerics with - _ . inside). */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const CPU = /^([0-9]+m|[0-9]+(\.[0-9]+)?)$/;
const MEMORY = /^[0-9]+(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const HTTP_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/;
const SPIFFE_PRINCIPAL = /^cluster\.local\/ns\/[a-z0-9-]+\/sa\/[a-z0-9-]+$/;
const DURATION = /^[1-9][0-9]*(s|m)$/;
/** An Istio Gateway as a VirtualService names it: `<namespace>/<name>`. */
export const GATEWAY_REF = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The parts of an image reference: registry host, repository, tag, digest. */
export interface ImageReference {
    readonly registry: string;
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
}

/**
 * Parses `<registry>/<repository>[:<tag>][@<digest>]`. The first path part is the registry only
 * when it looks like a host (has a dot or a port, or is `localhost`), as Docker decides; otherwise
 * the image is on Docker Hub (`docker.io`).
 */
export function parseImage(image: string): ImageReference | undefined {
    const match = /^([^@]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/.exec(image);
    if (!match) return undefined;
    const [, path = "", tag, digest] = match;
    const slash = path.indexOf("/");
    const first = slash < 0 ? "" : path.slice(0, slash);
    const hasHost = first.includes(".") || first.includes(":") || first === "localhost";
    const registry = hasHost ? first : "docker.io";
    const repository = hasHost ? path.slice(slash + 1) : path;
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repository)) return undefined;
    return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** Whether a registry host matches a pattern (`*` stands for any run of characters within the host, dots included). */
export function registryMatches(registry: string, pattern: string): boolean {
    const host = pattern.split("/")[0] ?? pattern;
    const regex = new RegExp(
        `^${host
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
            .join("[a-z0-9.-]*")}$`,
    );
    return regex.test(registry);
}

/** The image rules (seed 001: trusted registries, no `latest`): the same the kubernetes pack applies. */
export function checkImage(field: string, image: unknown, trustedRegistries: readonly string[]): Issue[] {
    const parsed = typeof image === "string" ? parseImage(image) : undefined;
    if (parsed === undefined) {
        return [
            {
                field,
                value: image,
                problem: "is not an image reference",
                fix: "write <registry>/<repository>:<tag>, e.g. ghcr.io/acme/api:1.4.2",
            },
        ];
    }
    const issues: Issue[] = [];
    if (parsed.digest === undefined && (parsed.tag === undefined || parsed.tag === "latest")) {
        issues.push({
            field,
            value: image,
            problem:
                parsed.tag === "latest"
                    ? "uses the latest tag, which moves under a running deployment"
                    : "has no tag or digest (it means latest)",
            fix: "pin a version tag or a digest, e.g. :1.4.2 or @sha256:<digest>",
        });
    }
    if (!trustedRegistries.some((p) => registryMatches(parsed.registry, p))) {
        issues.push({
            field,
            value: image,
            problem: `comes from ${parsed.registry}, which is not a trusted registry (${trustedRegistries.join(", ")})`,
            fix: "push the image to a trusted registry (ECR, Artifact Registry, ghcr.io), or add its registry to platform:platform.trustedRegistries",
        });
    }
    return issues;
}

function checkQuantity(field: string, value: unknown, pattern: RegExp, example: string): Issue[] {
    return typeof value === "string" && pattern.test(value) && !/^0+(m|Mi|Gi|Ki)?$/.test(value)
        ? []
        : [{ field, value, problem: "is not a positive Kubernetes quantity", fix: `write e.g. ${example}` }];
}

/** A quantity in millicores or bytes, for comparing requests with limits. */
function amount(value: string): number {
    const units: Record<string, number> = {
        m: 1e-3,
        Ki: 1024,
        Mi: 1024 ** 2,
        Gi: 1024 ** 3,
        Ti: 1024 ** 4,
        k: 1e3,
        M: 1e6,
        G: 1e9,
        T: 1e12,
    };
    const match = /^([0-9.]+)([A-Za-z]*)$/.exec(value);
    return match ? Number(match[1]) * (units[match[2] ?? ""] ?? 1) : NaN;
}

export function validateWorkloadArgs(
    name: string,
    args: WorkloadArgs,
    replicas: { readonly min: number; readonly max: number },
    cpuTargetPercent: number,
    canary: CanaryAnalysis | undefined,
): Issue[] {
    const issues: Issue[] = [
        ...checkPattern("name", name, DNS_LABEL, "a DNS label, e.g. backend"),
        ...checkPattern("namespace", args.namespace, DNS_LABEL, "a DNS label, e.g. docuthinker"),
        ...checkPattern("team", args.team, LABEL_VALUE, "a label value, e.g. platform"),
        ...checkPattern("version", args.version, LABEL_VALUE, "a label value, e.g. 1.4.2"),
        ...checkImage("image", args.image, args.trustedRegistries),
        ...checkWholeNumber(
            "port",
            args.port,
            { min: 1024, max: 65535 },
            "serve on an unprivileged port (1024-65535): the container runs as non-root",
        ),
        ...checkQuantity("resources.requests.cpu", args.resources?.requests?.cpu, CPU, "250m or 1"),
        ...checkQuantity("resources.limits.cpu", args.resources?.limits?.cpu, CPU, "500m or 2"),
        ...checkQuantity("resources.requests.memory", args.resources?.requests?.memory, MEMORY, "256Mi or 2Gi"),
        ...checkQuantity("resources.limits.memory", args.resources?.limits?.memory, MEMORY, "512Mi or 4Gi"),
        ...checkPattern("health.readinessPath", args.health?.readinessPath, HTTP_PATH, "an HTTP path, e.g. /readyz"),
        ...checkPattern("health.livenessPath", args.health?.livenessPath, HTTP_PATH, "an HTTP path, e.g. /healthz"),
        ...checkPattern("metricsPath", args.metricsPath ?? "/metrics", HTTP_PATH, "an HTTP path, e.g. /metrics"),
        ...checkWholeNumber("replicas.max", replicas.max, { min: 1, max: 500 }),
        ...checkWholeNumber("cpuTargetPercent", cpuTargetPercent, { min: 10, max: 100 }),
    ];
    const floor = args.minReplicasFloor;
    issues.push(
        ...checkWholeNumber(
            "replicas.min",
            replicas.min,
            { min: floor, max: 500 },
            `keep at least ${floor} replica(s) in ${args.naming.environment} (seed 001: 2 in prod), so one pod can be lost`,
        ),
    );
    if (Number.isInteger(replicas.min) && Number.isInteger(replicas.max) && replicas.min > replicas.max) {
        issues.push({
            field: "replicas",
            value: replicas,
            problem: "min is above max",
            fix: "choose min <= max, e.g. { min: 2, max: 10 }",
        });
    }
    const res = args.resources;
    for (const kind of ["cpu", "memory"] as const) {
        const request = res?.requests?.[kind];
        const limit = res?.limits?.[kind];
        if (typeof request === "string" && typeof limit === "string" && amount(request) > amount(limit)) {
            issues.push({
                field: `resources.requests.${kind}`,
                value: request,
                problem: `is above the limit ${limit}`,
                fix: "request at most the limit",
            });
        }
    }
    const env = Object.keys(args.env ?? {});
    for (const key of env.filter((k) => /(password|secret|token|api_?key|private_?key)/i.test(k))) {
        issues.push({
            field: `env.${key}`,
            value: "(set)",
            problem: "looks like a secret in a plain environment variable",
            fix: "keep it in Secrets Manager / Secret Manager and mount it through an ExternalSecret",
        });
    }
    [...(args.ingress ?? []), ...(args.egress ?? [])].forEach((rule, i) => {
        if (rule.ports.length === 0) {
            issues.push({
                field: `networkRules[${i}].ports`,
                value: rule.ports,
                problem: "allows every port",
                fix: "list the ports the peer uses",
            });
        }
        for (const peer of rule.peers) {
            if (peer.cidr === "0.0.0.0/0") {
                issues.push({
                    field: `networkRules[${i}].peers`,
                    value: peer,
                    problem: "opens the workload to (or from) the whole internet",
                    fix: "name the peer's namespace or app, or a narrower CIDR; leave the cluster through the Istio egress gateway",
                });
            }
        }
    });
    if (args.publicRoute !== undefined) {
        const route = args.publicRoute;
        if (route.hostnames.length === 0) {
            issues.push({
                field: "publicRoute.hostnames",
                value: [],
                problem: "is empty",
                fix: "list the public names (inside the edge's hosts), or drop publicRoute",
            });
        }
        route.hostnames.forEach((h, i) =>
            issues.push(
                ...checkPattern(`publicRoute.hostnames[${i}]`, h, DOMAIN_NAME_PATTERN, "a lowercase host name, e.g. app.acme.example.com"),
            ),
        );
        issues.push(...checkUnique("publicRoute.hostnames", route.hostnames, "hostname"));
        if (route.pathPrefix !== undefined) {
            issues.push(...checkPattern("publicRoute.pathPrefix", route.pathPrefix, HTTP_PATH, "an HTTP path, e.g. /api"));
        }
        if (typeof route.gateway === "string") {
            issues.push(
                ...checkPattern("publicRoute.gateway", route.gateway, GATEWAY_REF, "<namespace>/<name>, e.g. istio-ingress/public-edge"),
            );
        }
    }
    if (args.scaling !== undefined) {
        if (args.scaling.triggers.length === 0) {
            issues.push({
                field: "scaling.triggers",
                value: [],
                problem: "is empty",
                fix: "list KEDA triggers, or drop scaling to use the HPA",
            });
        }
        issues.push(
            ...checkUnique(
                "scaling.triggers",
                args.scaling.triggers.map((t) => t.type + JSON.stringify(t.metadata)),
                "trigger",
            ),
        );
    }
    if (args.authorization !== undefined) {
        if (args.authorization.principals.length === 0) {
            issues.push({
                field: "authorization.principals",
                value: [],
                problem: "allows nobody",
                fix: "list callers as cluster.local/ns/<namespace>/sa/<service account>",
            });
        }
        for (const principal of args.authorization.principals.filter((p) => !SPIFFE_PRINCIPAL.test(p))) {
            issues.push({
                field: "authorization.principals",
                value: principal,
                problem: "is not a workload principal",
                fix: "write cluster.local/ns/<namespace>/sa/<service account>",
            });
        }
    }
    if (canary !== undefined) {
        issues.push(
            ...checkPattern("canary.interval", canary.interval, DURATION, "a duration such as 1m"),
            ...checkWholeNumber("canary.threshold", canary.threshold, { min: 1, max: 100 }),
            ...checkWholeNumber("canary.maxWeight", canary.maxWeight, { min: 1, max: 100 }),
            ...checkWholeNumber("canary.stepWeight", canary.stepWeight, { min: 1, max: 100 }),
            ...checkWholeNumber("canary.minSuccessRatePercent", canary.minSuccessRatePercent, { min: 1, max: 100 }),
            ...checkWholeNumber("canary.maxRequestDurationMs", canary.maxRequestDurationMs, { min: 1, max: 60_000 }),
        );
        if (canary.stepWeight > canary.maxWeight) {
            issues.push({
                field: "canary.stepWeight",
                value: canary.stepWeight,
                problem: `is above maxWeight ${canary.maxWeight}`,
                fix: "step by at most maxWeight",
            });
        }
    }
    return issues;
}
