import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, tryRead, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/**
 * A Cloud SQL `root` user has a password (CKV2_GCP_7): MySQL's root is the administrator, and a
 * root user created without a password lets anyone who reaches the instance connect with full
 * privileges. Any user whose name starts with `root` must set `password` (a secret; an unknown
 * value during preview counts as set). Other users are not applicable.
 */
export const cloudsqlRootPassword: ResourceValidationPolicy = {
    name: "gcp-cloudsql-root-password",
    description: "Cloud SQL root users have a password.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV2_GCP_7: "Ensure that a MySQL database instance does not allow anyone to connect with administrative privileges",
    }),
    remediationSteps:
        "Set password on the root user from a generated secret (random.RandomPassword), or do not create a root user and use IAM database authentication.",
    url: "https://cloud.google.com/sql/docs/mysql/create-manage-users",
    validateResource: validateResourceOfTypes([GCP_TYPES.sqlUser], (props, args, reportViolation) => {
        if (!(asNonEmptyString(props["name"]) ?? "").startsWith("root")) args.notApplicable("not a root user");
        const password = tryRead(() => asNonEmptyString(props["password"]));
        if (password.known && password.value === undefined) {
            reportViolation(`Cloud SQL user ${args.name} is a root user without a password; set one from a generated secret.`);
        }
    }),
};
