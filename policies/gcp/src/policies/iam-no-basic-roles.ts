import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, seedTags, validateResourceOfTypes } from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** The basic (primitive) roles: thousands of permissions across every service. */
export const BASIC_ROLES = ["roles/owner", "roles/editor", "roles/viewer"] as const;

/**
 * No project grant uses a basic role (CKV_GCP_117; seed 003 least privilege): owner, editor and
 * viewer span every service of the project, so a grant of one defeats every scoped role the
 * platform gives; grant predefined (or custom) roles for the services needed.
 */
export const iamNoBasicRoles: ResourceValidationPolicy = {
    name: "gcp-iam-no-basic-roles",
    description: "Project IAM grants use predefined roles, never owner, editor or viewer.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_GCP_117: "Ensure basic roles are not used at project level" }),
    tags: seedTags("003"),
    remediationSteps:
        "Grant the predefined roles of the services the member uses (e.g. roles/container.admin) instead of roles/owner, roles/editor or roles/viewer.",
    url: "https://cloud.google.com/iam/docs/roles-overview#basic",
    validateResource: validateResourceOfTypes([GCP_TYPES.projectIamMember], (props, args, reportViolation) => {
        const role = asString(props["role"]);
        if (role !== undefined && (BASIC_ROLES as readonly string[]).includes(role)) {
            reportViolation(
                `Project IAM grant ${args.name} gives ${asString(props["member"]) ?? "a member"} the basic role ${role}; grant predefined roles instead.`,
            );
        }
    }),
};
