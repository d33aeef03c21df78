/**
 * Subnetwork purposes that reserve a range for Google-managed proxies or Private Service Connect.
 * Such subnets hold no VMs, and the API rejects flow logs and Private Google Access on them.
 * INTERNAL_HTTPS_LOAD_BALANCER is the older name of REGIONAL_MANAGED_PROXY.
 */
import { asString, type Props } from "@platform/policy-kit";

export const EXEMPT_SUBNET_PURPOSES: readonly string[] = [
    "REGIONAL_MANAGED_PROXY",
    "GLOBAL_MANAGED_PROXY",
    "PRIVATE_SERVICE_CONNECT",
    "INTERNAL_HTTPS_LOAD_BALANCER",
];

/** The purpose that exempts this subnetwork, or undefined for an ordinary (PRIVATE) subnetwork. */
export function exemptPurpose(props: Props): string | undefined {
    const purpose = asString(props["purpose"]);
    return purpose !== undefined && EXEMPT_SUBNET_PURPOSES.includes(purpose) ? purpose : undefined;
}
