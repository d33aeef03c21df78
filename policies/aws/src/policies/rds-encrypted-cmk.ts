import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asBoolean, asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { isReadReplica } from "../rds.js";

/**
 * RDS storage is encrypted with a customer-managed key (CKV_AWS_16): `storageEncrypted: true` and a
 * `kmsKeyId`, so snapshots and replicas are encrypted with a key whose policy and rotation the
 * platform controls. Unset means unencrypted (the RDS default). A same-region read replica takes its
 * source's encryption and may leave both unset (its source is checked); if it sets them, they must hold.
 */
export const rdsEncryptedCmk: ResourceValidationPolicy = {
    name: "aws-rds-encrypted-cmk",
    description: "RDS storage is encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV_AWS_16: "Ensure all data stored in the RDS is securely encrypted at rest" }),
    remediationSteps:
        "Set storageEncrypted: true and kmsKeyId to the ARN of a customer-managed key (the foundation's data key); encryption cannot be added to an existing instance: restore an encrypted copy of a snapshot.",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance, AWS_TYPES.rdsCluster], (props, args, reportViolation) => {
        const encrypted = asBoolean(props["storageEncrypted"]);
        const key = asNonEmptyString(props["kmsKeyId"]);
        if (isReadReplica(props) && encrypted === undefined && key === undefined) {
            args.notApplicable("a read replica takes its source's encryption");
        }
        if (encrypted !== true) {
            const state =
                encrypted === undefined ? "does not set storageEncrypted (RDS leaves storage unencrypted)" : "sets storageEncrypted: false";
            reportViolation(`RDS ${args.name} ${state}; set storageEncrypted: true with a customer-managed kmsKeyId.`);
        } else if (key === undefined) {
            reportViolation(`RDS ${args.name} is encrypted with the AWS-managed aws/rds key; set kmsKeyId to a customer-managed key.`);
        }
    }),
};
