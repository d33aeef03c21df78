import type { StackValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, resourcesOfTypes, seedTags } from "@platform/policy-kit";
import { KUBERNETES_TYPES } from "@platform/facts";

/** Istio's root namespace: a PeerAuthentication there without a selector applies to the whole mesh. */
export const ISTIO_ROOT_NAMESPACE = "istio-system";

function modeOf(props: Readonly<Record<string, unknown>>): string | undefined {
    return asString(asRecord(asRecord(props["spec"])?.["mtls"])?.["mode"]);
}

/**
 * Mesh-wide STRICT mutual TLS where the stack installs Istio (seeds 001, 003: "100% of
 * service-to-service traffic encrypted"): a PeerAuthentication in istio-system without a selector,
 * mode STRICT; and no PeerAuthentication anywhere that relaxes it (PERMISSIVE or DISABLE). A stack
 * installs Istio when it has a Helm release of the `istiod` chart.
 */
export const istioStrictMtls: StackValidationPolicy = {
    name: "kubernetes-istio-strict-mtls",
    description: "Where Istio is installed, mutual TLS is STRICT mesh-wide.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: seedTags("001", "003"),
    remediationSteps:
        "Create a PeerAuthentication named default in istio-system with spec.mtls.mode: STRICT and no selector (the platform's Istio component does); remove PERMISSIVE or DISABLE PeerAuthentications.",
    url: "https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/",
    validateStack: (args, reportViolation) => {
        const istiod = resourcesOfTypes(args.resources, KUBERNETES_TYPES.helmRelease).filter(
            (r) => asString(r.props["chart"]) === "istiod",
        );
        const peers = resourcesOfTypes(args.resources, KUBERNETES_TYPES.peerAuthentication);
        for (const peer of peers) {
            const mode = modeOf(peer.props);
            if (mode === "PERMISSIVE" || mode === "DISABLE") {
                const meta = asRecord(peer.props["metadata"]);
                reportViolation(
                    `PeerAuthentication ${asString(meta?.["namespace"]) ?? "?"}/${asString(meta?.["name"]) ?? peer.name} sets mTLS ${mode}; keep STRICT.`,
                    peer.urn,
                );
            }
        }
        if (istiod.length === 0) return;
        const meshWide = peers.some((p) => {
            const meta = asRecord(p.props["metadata"]);
            return (
                asString(meta?.["namespace"]) === ISTIO_ROOT_NAMESPACE &&
                asRecord(asRecord(p.props["spec"])?.["selector"]) === undefined &&
                modeOf(p.props) === "STRICT"
            );
        });
        if (!meshWide) {
            reportViolation(
                `the stack installs Istio (${istiod.map((r) => r.name).join(", ")}) without a mesh-wide STRICT PeerAuthentication in ${ISTIO_ROOT_NAMESPACE}; add one.`,
                istiod[0]?.urn,
            );
        }
    },
};
