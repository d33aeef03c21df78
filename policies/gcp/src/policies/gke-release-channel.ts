import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asRecord, asString, checkov, resourceEnvironment, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES, isProductionEnvironment } from "@platform/facts";

/** Channels a cluster may follow: RAPID gets versions before they are proven. */
export const ALLOWED_CHANNELS = ["REGULAR", "STABLE"] as const;

/**
 * GKE clusters follow a release channel (CKV_GCP_70): REGULAR or STABLE, and STABLE in prod and
 * dr, so security patches arrive on their own and production gets versions that ran elsewhere
 * first. Unset or UNSPECIFIED means no channel: upgrades become manual and are forgotten.
 */
export const gkeReleaseChannel: ResourceValidationPolicy = {
    name: "gcp-gke-release-channel",
    description: "GKE clusters follow the REGULAR or STABLE release channel, STABLE in prod and dr.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV_GCP_70: "Ensure the GKE Release Channel is set" }),
    remediationSteps: 'Set releaseChannel: { channel: "STABLE" } in prod and dr, "REGULAR" or "STABLE" elsewhere.',
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels",
    validateResource: validateResourceOfTypes([GCP_TYPES.containerCluster], (props, args, reportViolation) => {
        const channel = asString(asRecord(props["releaseChannel"])?.["channel"]);
        const environment = resourceEnvironment(args);
        const production = isProductionEnvironment(environment);
        const allowed: readonly string[] = production ? ["STABLE"] : ALLOWED_CHANNELS;
        if (channel !== undefined && allowed.includes(channel)) return;
        const state = channel === undefined ? "does not set releaseChannel.channel" : `follows the ${channel} channel`;
        const want = production ? `STABLE (${environment ?? "production"})` : "REGULAR or STABLE";
        reportViolation(`GKE cluster ${args.name} ${state}; set releaseChannel.channel to ${want}.`);
    }),
};
