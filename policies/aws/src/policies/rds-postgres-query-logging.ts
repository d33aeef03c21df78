import type { StackValidationPolicy } from "@pulumi/policy";
import { asString, checkov, referencedResources, resourceLabel, resourcesOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";
import { parametersOf } from "./rds-tls-required.js";

/**
 * PostgreSQL RDS instances log queries (CKV2_AWS_30): the instance has a parameter group of its
 * own that sets `log_statement` (which statements: `ddl` records every schema change) and
 * `log_min_duration_statement` (slow statements, for performance reviews), exported to CloudWatch
 * Logs by aws-rds-log-exports. The engine's default group logs neither. Other engines are not
 * applicable. (Checkov 3.3.30's definition of this check passes every instance; this policy
 * enforces what its title says.)
 */
export const rdsPostgresQueryLogging: StackValidationPolicy = {
    name: "aws-rds-postgres-query-logging",
    description: "PostgreSQL RDS instances log DDL and slow statements through their parameter group.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: checkov({ CKV2_AWS_30: "Ensure Postgres RDS as aws_db_instance has Query Logging enabled" }),
    remediationSteps:
        'Give the instance an aws.rds.ParameterGroup (family postgresNN) with { name: "log_statement", value: "ddl" } and { name: "log_min_duration_statement", value: "1000" }, and set parameterGroupName.',
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Concepts.PostgreSQL.html",
    validateStack: (args, reportViolation) => {
        const groups = resourcesOfTypes(args.resources, AWS_TYPES.rdsParameterGroup);
        for (const instance of resourcesOfTypes(args.resources, AWS_TYPES.rdsInstance)) {
            if (asString(instance.props["engine"]) !== "postgres") continue;
            const own = referencedResources(instance, "parameterGroupName", groups);
            const parameters = new Map(own.flatMap((g) => [...parametersOf(g)]));
            const missing = ["log_statement", "log_min_duration_statement"].filter((p) => !parameters.has(p) || parameters.get(p) === "-1");
            if (parameters.get("log_statement") === "none") missing.unshift("log_statement (none)");
            if (missing.length > 0) {
                reportViolation(
                    `PostgreSQL RDS ${resourceLabel(instance)} does not log queries (${own.length === 0 ? "no parameter group of its own" : `${missing.join(", ")} unset or off in ${own.map((g) => g.name).join(", ")}`}); set log_statement "ddl" and log_min_duration_statement in its parameter group.`,
                    instance.urn,
                );
            }
        }
    },
};
