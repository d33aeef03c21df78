/**
 * The kubernetes CrossGuard pack: the Kubernetes objects a stack renders through Pulumi (the ten
 * Gatekeeper rules of seed 001 and the rest of the kubernetes section of POLICIES.md), each naming
 * its OPA Gatekeeper library peer. The policy list, importable without starting a policy server
 * (`pack.ts` is the entry point the CLI runs). Objects inside a Helm release are not visible to
 * Pulumi, so not to this pack: namespaces' Pod Security labels cover them at admission.
 */
import type { Policies } from "@pulumi/policy";
import { dropAllCapabilities } from "./policies/drop-all-capabilities.js";
import { gatewaysBehindPublicEdge } from "./policies/gateways-behind-public-edge.js";
import { gkeGatewayCloudArmor } from "./policies/gke-gateway-cloud-armor.js";
import { gkeGatewayHttpsOnly } from "./policies/gke-gateway-https-only.js";
import { imagePullPolicy } from "./policies/image-pull-policy.js";
import { ingressNginxMeshUpstream } from "./policies/ingress-nginx-mesh-upstream.js";
import { ingressTlsOnly } from "./policies/ingress-tls-only.js";
import { istioNoTlsDisable } from "./policies/istio-no-tls-disable.js";
import { istioStrictMtls } from "./policies/istio-strict-mtls.js";
import { minReplicasProd } from "./policies/min-replicas-prod.js";
import { namespaceDefaultDeny } from "./policies/namespace-default-deny.js";
import { namespacePodSecurity } from "./policies/namespace-pod-security.js";
import { noClusterAdminBinding } from "./policies/no-cluster-admin-binding.js";
import { noHostNamespaces } from "./policies/no-host-namespaces.js";
import { noLatestTag } from "./policies/no-latest-tag.js";
import { noLoadBalancerService } from "./policies/no-loadbalancer-service.js";
import { noNodePortService } from "./policies/no-nodeport-service.js";
import { noPrivilegeEscalation } from "./policies/no-privilege-escalation.js";
import { noPrivileged } from "./policies/no-privileged.js";
import { pdbNotZeroDisruption } from "./policies/pdb-not-zero-disruption.js";
import { probesRequired } from "./policies/probes-required.js";
import { readOnlyRootFs } from "./policies/read-only-root-fs.js";
import { requiredLabels } from "./policies/required-labels.js";
import { resourcesRequired } from "./policies/resources-required.js";
import { runAsNonRoot } from "./policies/run-as-non-root.js";
import { seccompRuntimeDefault } from "./policies/seccomp-runtime-default.js";
import { trustedRegistries } from "./policies/trusted-registries.js";

export const packName = "kubernetes";

export const policies: Policies = [
    noPrivileged,
    runAsNonRoot,
    resourcesRequired,
    noLatestTag,
    trustedRegistries,
    noHostNamespaces,
    requiredLabels,
    readOnlyRootFs,
    minReplicasProd,
    imagePullPolicy,
    noPrivilegeEscalation,
    dropAllCapabilities,
    seccompRuntimeDefault,
    probesRequired,
    noLoadBalancerService,
    noNodePortService,
    pdbNotZeroDisruption,
    namespaceDefaultDeny,
    namespacePodSecurity,
    istioStrictMtls,
    istioNoTlsDisable,
    ingressTlsOnly,
    ingressNginxMeshUpstream,
    noClusterAdminBinding,
    gkeGatewayCloudArmor,
    gkeGatewayHttpsOnly,
    gatewaysBehindPublicEdge,
];

export {
    dropAllCapabilities,
    gkeGatewayCloudArmor,
    gkeGatewayHttpsOnly,
    imagePullPolicy,
    ingressNginxMeshUpstream,
    ingressTlsOnly,
    istioNoTlsDisable,
    istioStrictMtls,
    minReplicasProd,
    namespaceDefaultDeny,
    namespacePodSecurity,
    noClusterAdminBinding,
    noHostNamespaces,
    noLatestTag,
    noLoadBalancerService,
    noNodePortService,
    noPrivilegeEscalation,
    noPrivileged,
    pdbNotZeroDisruption,
    probesRequired,
    readOnlyRootFs,
    requiredLabels,
    resourcesRequired,
    runAsNonRoot,
    seccompRuntimeDefault,
    trustedRegistries,
};
