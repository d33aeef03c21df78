import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray, asNumber, asRecord, asString, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";
import { objectLabel } from "../workloads.js";

/** Where a DestinationRule sets a TLS mode: the rule's, each port's, each subset's and its ports'. */
export function destinationTlsModes(spec: Record<string, unknown> | undefined): { path: string; mode: string }[] {
    const policyModes = (policy: Record<string, unknown> | undefined, at: string) => [
        { path: `${at}.tls.mode`, mode: asString(asRecord(policy?.["tls"])?.["mode"]) },
        ...(asArray(policy?.["portLevelSettings"]) ?? []).map((p, i) => {
            const port = asNumber(asRecord(asRecord(p)?.["port"])?.["number"]);
            return {
                path: `${at}.portLevelSettings[${i}]${port !== undefined ? ` (port ${port})` : ""}.tls.mode`,
                mode: asString(asRecord(asRecord(p)?.["tls"])?.["mode"]),
            };
        }),
    ];
    const modes = [
        ...policyModes(asRecord(spec?.["trafficPolicy"]), "spec.trafficPolicy"),
        ...(asArray(spec?.["subsets"]) ?? []).flatMap((subset, i) =>
            policyModes(asRecord(asRecord(subset)?.["trafficPolicy"]), `spec.subsets[${i}].trafficPolicy`),
        ),
    ];
    return modes.filter((m): m is { path: string; mode: string } => m.mode !== undefined);
}

/**
 * No DestinationRule sends plaintext (seeds 001, 003: "100% of service-to-service traffic
 * encrypted"): `tls.mode: DISABLE` anywhere in it (the rule, a port, a subset) turns Istio's mutual
 * TLS off for that destination, and a STRICT app refuses the request, or a server outside the mesh
 * gets it unencrypted. Leave TLS to Istio (mutual TLS), or originate TLS (`SIMPLE`) to a server
 * that terminates it, as the platform does towards its ingress controllers.
 */
export const istioNoTlsDisable: ResourceValidationPolicy = {
    name: "kubernetes-istio-no-tls-disable",
    description: "DestinationRules never turn TLS off.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("001", "003"),
    remediationSteps:
        "Remove tls.mode DISABLE from the DestinationRule (the rule, its portLevelSettings and subsets): Istio's mutual TLS is the default; towards a server that terminates TLS itself, use mode SIMPLE.",
    url: "https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode",
    validateResource: validateResourceOfTypes([KUBERNETES_TYPES.destinationRule], (props, args, reportViolation) => {
        const spec = asRecord(props["spec"]);
        const label = objectLabel(args.type, props, args.name);
        const host = asString(spec?.["host"]) ?? "(unset)";
        for (const { path, mode } of destinationTlsModes(spec)) {
            if (mode !== "DISABLE") continue;
            reportViolation(
                `${label} has ${path} = "DISABLE": requests to ${host} leave the proxy unencrypted. Fix: remove it (Istio's mutual TLS is the default), or use SIMPLE towards a server that terminates TLS.`,
            );
        }
    }),
};
