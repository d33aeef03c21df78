import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, asStringArray, gatekeeper, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";

/** Every host of an Ingress is served over TLS (seeds 002, 003: TLS for all external traffic); an Ingress without TLS is a violation. */
export const ingressTlsOnly: ResourceValidationPolicy = {
    name: "kubernetes-ingress-tls-only",
    description: "Ingresses serve every host over TLS.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: gatekeeper({ K8sHttpsOnly: "HTTPS Only" }),
    tags: ["seed-002", "seed-003"],
    remediationSteps:
        'List every rule host under spec.tls with a secretName (cert-manager issues it with the annotation cert-manager.io/cluster-issuer: letsencrypt-production) and set kubernetes.io/ingress.allow-http: "false".',
    url: "https://open-policy-agent.github.io/gatekeeper-library/website/validation/httpsonly",
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.ingress], (props, args, reportViolation) => {
        const spec = asRecord(props["spec"]);
        const label = objectLabel(args.type, props, args.name);
        const tls = (asArray(spec?.["tls"]) ?? []).map(asRecord);
        if (tls.length === 0) {
            reportViolation(`${label} has no spec.tls; serve it over TLS.`);
            return;
        }
        const covered = new Set(tls.flatMap((t) => asStringArray(t?.["hosts"])));
        const hosts = (asArray(spec?.["rules"]) ?? []).map((r) => asString(asRecord(r)?.["host"]));
        const uncovered = hosts.filter((h): h is string => h !== undefined && !covered.has(h));
        if (uncovered.length > 0) reportViolation(`${label} serves ${uncovered.join(", ")} without TLS; list every host under spec.tls.`);
        if (hosts.some((h) => h === undefined))
            reportViolation(`${label} has a rule without a host, which TLS cannot cover; give every rule a host.`);
    }),
};
