import type { StackValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, resourcesOfTypes, seedTags, tryRead } from "@platform/policy-kit";
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
        // Values unknown in a preview are not judged.
        const istiod = resourcesOfTypes(args.resources, KUBERNETES_TYPES.helmRelease).filter((r) => {
            const chart = tryRead(() => asString(r.props["chart"]));
            return chart.known && chart.value === "istiod";
        });
        const peers = resourcesOfTypes(args.resources, KUBERNETES_TYPES.peerAuthentication).map((p) => ({
            peer: p,
            read: tryRead(() => {
                const meta = asRecord(p.props["metadata"]);
                return {
                    namespace: asString(meta?.["namespace"]),
                    name: asString(meta?.["name"]) ?? p.name,
                    selector: asRecord(asRecord(p.props["spec"])?.["selector"]),
                    mode: modeOf(p.props),
                };
            }),
        }));
        for (const { peer, read } of peers) {
            if (read.known && (read.value.mode === "PERMISSIVE" || read.value.mode === "DISABLE")) {
                reportViolation(
                    `PeerAuthentication ${read.value.namespace ?? "?"}/${read.value.name} sets mTLS ${read.value.mode}; keep STRICT.`,
                    peer.urn,
                );
            }
        }
        if (istiod.length === 0 || peers.some((p) => !p.read.known)) return;
        const meshWide = peers.some(
            ({ read }) =>
                read.known &&
                read.value.namespace === ISTIO_ROOT_NAMESPACE &&
                read.value.selector === undefined &&
                read.value.mode === "STRICT",
        );
        if (!meshWide) {
            reportViolation(
                `the stack installs Istio (${istiod.map((r) => r.name).join(", ")}) without a mesh-wide STRICT PeerAuthentication in ${ISTIO_ROOT_NAMESPACE}; add one.`,
                istiod[0]?.urn,
            );
        }
    },
};
