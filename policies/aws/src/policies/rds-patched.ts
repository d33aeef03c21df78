import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The RDS certificate authorities valid past 2024 (rds-ca-2019 expired in August 2024). */
export const CURRENT_RDS_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

/** Aurora PostgreSQL versions whose log_fdw extension reads any file of the host (CVE-2020-7471 class, fixed in the next minor). */
const FILE_READ_VERSIONS = ["10.11", "10.12", "10.13", "11.6", "11.7", "11.8"];

/**
 * RDS instances stay patched (CKV_AWS_226, CKV_AWS_211, CKV_AWS_388): `autoMinorVersionUpgrade`
 * true (security fixes arrive in the maintenance window; Checkov wants it explicit, so unset
 * fails), `caCertIdentifier` one of the current certificate authorities (clients that verify the
 * server need it, and the old CA expired), and no Aurora PostgreSQL version with the known
 * file-read vulnerability.
 */
export const rdsPatched: ResourceValidationPolicy = {
    name: "aws-rds-patched",
    description: "RDS instances take minor upgrades, use a current CA and run no known-vulnerable Aurora PostgreSQL version.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({
        CKV_AWS_226: "Ensure DB instance gets all minor upgrades automatically",
        CKV_AWS_211: "Ensure RDS uses a modern CaCert",
        CKV_AWS_388: "Ensure AWS Aurora PostgreSQL is not exposed to local file read vulnerability",
    }),
    remediationSteps: `Set autoMinorVersionUpgrade: true and caCertIdentifier to ${CURRENT_RDS_CAS.join(", ")} (the platform uses rds-ca-rsa2048-g1); upgrade Aurora PostgreSQL ${FILE_READ_VERSIONS.join(", ")} to the next minor version.`,
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.rdsInstance], (props, args, reportViolation) => {
        if (props["autoMinorVersionUpgrade"] !== true) {
            reportViolation(
                `RDS ${args.name} does not set autoMinorVersionUpgrade: true, so security fixes wait for a manual upgrade; set it.`,
            );
        }
        const ca = asString(props["caCertIdentifier"]);
        if (ca === undefined || !CURRENT_RDS_CAS.includes(ca)) {
            reportViolation(
                `RDS ${args.name} uses the certificate authority ${ca ?? "unset (the region's default)"}; set caCertIdentifier to rds-ca-rsa2048-g1.`,
            );
        }
        const engine = asString(props["engine"]) ?? "";
        const version = asString(props["engineVersion"]) ?? "";
        if (engine.includes("aurora-postgresql") && FILE_READ_VERSIONS.includes(version)) {
            reportViolation(
                `RDS ${args.name} runs Aurora PostgreSQL ${version}, which lets log_fdw read host files; upgrade the minor version.`,
            );
        }
    }),
};
