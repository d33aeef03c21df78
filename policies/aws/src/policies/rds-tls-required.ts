import type { StackValidationPolicy } from "@pulumi/policy";
import { asArray, asRecord, asString, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/** The parameter that refuses unencrypted connections, per parameter group family. */
function tlsParameter(family: string): string | undefined {
    if (/^postgres|sqlserver/.test(family)) return "rds.force_ssl";
    if (/^(mysql|mariadb)/.test(family)) return "require_secure_transport";
    return undefined;
}

/** A parameter group's parameters as name -> value. */
export function parametersOf(group: { readonly props: Record<string, unknown> }): Map<string, string> {
    const map = new Map<string, string>();
    for (const p of asArray(group.props["parameters"]) ?? []) {
        const name = asString(asRecord(p)?.["name"]);
        const value = asString(asRecord(p)?.["value"]);
        if (name !== undefined && value !== undefined) map.set(name, value);
    }
    return map;
}

/**
 * RDS instances refuse unencrypted connections (CKV2_AWS_69): the instance's parameter group sets
 * `rds.force_ssl` to 1 (PostgreSQL, SQL Server) or `require_secure_transport` to 1 (MySQL,
 * MariaDB), so a client that skips TLS is turned away instead of sending credentials and data in
 * the clear. Reported on the instance. An instance on the engine's default parameter group (no
 * parameterGroupName in the stack) is not judged, as Checkov does not.
 */
export const rdsTlsRequired: StackValidationPolicy = {
    name: "aws-rds-tls-required",
    description: "RDS parameter groups require TLS for every connection.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: checkov({ CKV2_AWS_69: "Ensure AWS RDS database instance configured with encryption in transit" }),
    remediationSteps:
        'Add { name: "rds.force_ssl", value: "1" } (PostgreSQL, SQL Server) or { name: "require_secure_transport", value: "1" } (MySQL, MariaDB) to the instance\'s aws.rds.ParameterGroup.',
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html",
    validateStack: (args, reportViolation) => {
        const groups = resourcesOfTypes(args.resources, AWS_TYPES.rdsParameterGroup);
        for (const instance of resourcesOfTypes(args.resources, AWS_TYPES.rdsInstance)) {
            for (const group of referencedResources(instance, "parameterGroupName", groups)) {
                const parameter = tlsParameter(asString(group.props["family"]) ?? "");
                if (parameter === undefined) continue;
                const value = parametersOf(group).get(parameter);
                if (value !== "1") {
                    reportViolation(
                        `RDS ${resourceLabel(instance)} accepts unencrypted connections: its parameter group ${group.name} sets ${parameter} to ${value ?? "unset"}; set it to "1".`,
                        instance.urn,
                    );
                }
            }
        }
    },
};
