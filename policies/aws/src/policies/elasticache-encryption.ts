import type { StackValidationPolicy } from "@pulumi/policy";
import {
    asNonEmptyString,
    asString,
    asStringArray,
    checkov,
    type Known,
    resourceLabel,
    resourcesOfTypes,
    tryRead,
} from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { productionEnvironmentOf } from "../production.js";

/**
 * ElastiCache replication groups encrypt at rest and in transit and require authentication
 * (CKV_AWS_29, CKV_AWS_30, CKV_AWS_31, CKV_AWS_191): `atRestEncryptionEnabled` with a customer-managed
 * `kmsKeyId` (the AWS-owned default key cannot be audited or revoked), `transitEncryptionEnabled` with a mode that
 * is not `preferred` (which still admits plain connections), and an AUTH token or RBAC user
 * groups. In prod and dr they also fail over automatically across zones (CKV2_AWS_50, which
 * Checkov asks of every environment: dev's single node is a documented exception)
 * (`automaticFailoverEnabled` and `multiAzEnabled`). Unset is off for each. A token unknown during
 * preview counts as set.
 */
/** A value known (not an unknown of a preview) and unset. */
function isUnsetKnown(read: Known<string | undefined>): boolean {
    return read.known && read.value === undefined;
}

export const elasticacheEncryption: StackValidationPolicy = {
    name: "aws-elasticache-encryption",
    description: "ElastiCache encrypts at rest and in transit, requires AUTH, and fails over across zones in production.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({
        CKV_AWS_29: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at rest",
        CKV_AWS_30: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at transit",
        CKV_AWS_31: "Ensure all data stored in the ElastiCache Replication Group is securely encrypted at transit and has auth token",
        CKV_AWS_191: "Ensure ElastiCache replication group is encrypted by KMS using a customer managed Key (CMK)",
        CKV2_AWS_50: "Ensure AWS ElastiCache Redis cluster with Multi-AZ Automatic Failover feature set to enabled",
    }),
    remediationSteps:
        'Set atRestEncryptionEnabled: true (with kmsKeyId), transitEncryptionEnabled: true with transitEncryptionMode "required", and an authToken (a generated secret) or userGroupIds; in prod and dr also automaticFailoverEnabled: true and multiAzEnabled: true with at least two nodes.',
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/encryption.html",
    validateStack: (args, reportViolation) => {
        for (const group of resourcesOfTypes(args.resources, AWS_TYPES.elasticacheReplicationGroup)) {
            const label = `ElastiCache ${resourceLabel(group)}`;
            const props = group.props;
            const problems: string[] = [];
            if (props["atRestEncryptionEnabled"] !== true) problems.push("is not encrypted at rest (set atRestEncryptionEnabled: true)");
            else if (isUnsetKnown(tryRead(() => asNonEmptyString(props["kmsKeyId"]))))
                problems.push("is encrypted with the AWS-owned key (set kmsKeyId to a customer-managed key)");
            if (props["transitEncryptionEnabled"] !== true)
                problems.push("is not encrypted in transit (set transitEncryptionEnabled: true)");
            else if (asString(props["transitEncryptionMode"]) === "preferred")
                problems.push('accepts plain connections (set transitEncryptionMode: "required")');
            const token = tryRead(() => asNonEmptyString(props["authToken"]));
            const authenticated = !token.known || token.value !== undefined || asStringArray(props["userGroupIds"]).length > 0;
            if (!authenticated) problems.push("requires no authentication (set an authToken or userGroupIds)");
            const environment = productionEnvironmentOf(group, args.resources);
            if (environment !== undefined && (props["automaticFailoverEnabled"] !== true || props["multiAzEnabled"] !== true)) {
                problems.push(
                    `does not fail over across zones in ${environment} (set automaticFailoverEnabled: true and multiAzEnabled: true)`,
                );
            }
            for (const problem of problems) reportViolation(`${label} ${problem}.`, group.urn);
        }
    },
};
