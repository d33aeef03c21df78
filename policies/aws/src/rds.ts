/** What the rds-* policies share: which RDS resources they look at, and how a replica differs. */
import { asNonEmptyString, type Props } from "@platform/policy-kit";

/** A read replica inherits engine, encryption, credentials and backups from its source. */
export function isReadReplica(props: Props): boolean {
    return asNonEmptyString(props["replicateSourceDb"]) !== undefined;
}

/** The log types an engine must export to CloudWatch Logs (what it writes that matters). */
export const REQUIRED_LOG_EXPORTS: Readonly<Record<string, readonly string[]>> = {
    postgres: ["postgresql", "upgrade"],
    "aurora-postgresql": ["postgresql"],
    mysql: ["error", "slowquery"],
    "aurora-mysql": ["error", "slowquery"],
    mariadb: ["error", "slowquery"],
};
