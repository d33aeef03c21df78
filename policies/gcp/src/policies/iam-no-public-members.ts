import type { StackValidationPolicy } from "@pulumi/policy";
import {
    asNonEmptyString,
    asStringArray,
    checkov,
    referencedResources,
    resourceLabel,
    resourcesOfTypes,
    tryRead,
} from "@platform/policy-kit";
import { GCP_TYPES } from "@platform/facts";

/** Members that mean "anyone": on the internet, or with any Google account. */
export const PUBLIC_MEMBERS: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/** Every IAM member and binding type of the pack's type list (bucket, topic, crypto key, project...). */
const IAM_GRANT_TYPES = Object.values(GCP_TYPES).filter((t) => /IAM(Member|Binding):/.test(t));

/**
 * No IAM grant gives a role to the public (CKV_GCP_28 buckets, CKV_GCP_99 Pub/Sub topics,
 * CKV_GCP_112 and CKV2_GCP_6 KMS keys): `member` (or `members`) allUsers or allAuthenticatedUsers
 * lets anyone read the objects, publish to the topic or use the key. Every IAM member and binding
 * type is checked; a crypto key (key ring) granted to the public is reported on the grant and on
 * the key (key ring) it names (Checkov's graph checks fail the key and the ring).
 */
export const iamNoPublicMembers: StackValidationPolicy = {
    name: "gcp-iam-no-public-members",
    description: "No IAM grant gives a role to allUsers or allAuthenticatedUsers.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({
        CKV_GCP_28: "Ensure that Cloud Storage bucket is not anonymously or publicly accessible",
        CKV_GCP_99: "Ensure that Pub/Sub Topics are not anonymously or publicly accessible",
        CKV_GCP_112: "Ensure KMS policy should not allow public access",
        CKV2_GCP_6: "Ensure that Cloud KMS cryptokeys are not anonymously or publicly accessible",
        CKV2_GCP_8: "Ensure that Cloud KMS Key Rings are not anonymously or publicly accessible",
    }),
    remediationSteps:
        "Grant the role to the service accounts or groups that need it (serviceAccount:..., group:...), never allUsers or allAuthenticatedUsers; serve public content through a load balancer or signed URLs.",
    url: "https://cloud.google.com/iam/docs/principals-overview#all-users",
    validateStack: (args, reportViolation) => {
        const keys = resourcesOfTypes(args.resources, GCP_TYPES.cryptoKey);
        const rings = resourcesOfTypes(args.resources, GCP_TYPES.keyRing);
        for (const grant of resourcesOfTypes(args.resources, ...IAM_GRANT_TYPES)) {
            const member = tryRead(() => asNonEmptyString(grant.props["member"]));
            const members = tryRead(() => asStringArray(grant.props["members"]));
            const named = [...(member.known && member.value !== undefined ? [member.value] : []), ...(members.known ? members.value : [])];
            const publicMembers = named.filter((m) => PUBLIC_MEMBERS.includes(m));
            if (publicMembers.length === 0) continue;
            const role = asNonEmptyString(grant.props["role"]) ?? "a role";
            reportViolation(
                `IAM grant ${resourceLabel(grant)} gives ${role} to ${publicMembers.join(", ")} (anyone); grant it to the service accounts or groups that need it.`,
                grant.urn,
            );
            if (grant.type === GCP_TYPES.keyRingIamMember) {
                for (const ring of referencedResources(grant, "keyRingId", rings)) {
                    reportViolation(
                        `KMS key ring ${resourceLabel(ring)} is usable by ${publicMembers.join(", ")} through ${grant.name}; remove that grant.`,
                        ring.urn,
                    );
                }
            }
            if (grant.type !== GCP_TYPES.cryptoKeyIamMember) continue;
            for (const key of referencedResources(grant, "cryptoKeyId", keys)) {
                reportViolation(
                    `KMS crypto key ${resourceLabel(key)} is usable by ${publicMembers.join(", ")} through ${grant.name}; remove that grant.`,
                    key.urn,
                );
            }
        }
    },
};
