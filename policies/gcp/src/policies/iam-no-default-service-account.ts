import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, asStringArray, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** The Compute Engine and App Engine default service accounts. */
const DEFAULT_SERVICE_ACCOUNT = /-compute@developer\.gserviceaccount\.com|@appspot\.gserviceaccount\.com/;

/**
 * Project roles are never granted to the default service accounts (CKV_GCP_46): the Compute Engine
 * default account is attached to every VM and GKE node that names no account of its own, so a
 * role given to it is given to all of them. Workloads get service accounts of their own (the
 * platform's node pools and Workload Identity do).
 */
export const iamNoDefaultServiceAccount: ResourceValidationPolicy = {
    name: "gcp-iam-no-default-service-account",
    description: "Project roles are not granted to the Compute Engine or App Engine default service accounts.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_GCP_46: "Ensure Default Service account is not used at a project level" }),
    remediationSteps: "Create a service account for the workload, grant it the role, and run the workload as that account.",
    url: "https://cloud.google.com/compute/docs/access/service-accounts#default_service_account",
    validateResource: validateResourceOfTypes([GCP_TYPES.projectIamMember], (props, args, reportViolation) => {
        const members = [asNonEmptyString(props["member"]), ...asStringArray(props["members"])].filter((m): m is string => m !== undefined);
        const defaults = members.filter((m) => DEFAULT_SERVICE_ACCOUNT.test(m));
        if (defaults.length > 0) {
            reportViolation(
                `project grant ${args.name} gives ${asNonEmptyString(props["role"]) ?? "a role"} to the default service account ${defaults.join(", ")}; grant it to a service account of the workload's own.`,
            );
        }
    }),
};
