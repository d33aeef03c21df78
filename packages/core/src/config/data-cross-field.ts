/** Rules of `platform:data` that span fields: the replication region against the stack's, the copy source's cloud. */
import { isEnvironmentName, PROFILES } from "../environments/profiles.js";
import type { Issue } from "../issues.js";

function record(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Issues of `raw.data` given the stack's resolved region (undefined when the environment is unknown). */
export function dataIssues(raw: Readonly<Record<string, unknown>>, region: string | undefined): Issue[] {
    const backups = record(record(raw["data"])["backups"]);
    const issues: Issue[] = [];
    const replicationRegion = backups["replicationRegion"];
    if (region !== undefined && replicationRegion === region) {
        issues.push({
            field: "platform:data.backups.replicationRegion",
            value: replicationRegion,
            problem: "is the stack's own region, so a regional outage takes both copies",
            fix: "choose another region, e.g. us-west-2 for us-east-1",
        });
    }
    const source = record(backups["crossCloudCopy"])["sourceEnvironment"];
    if (isEnvironmentName(source) && PROFILES[source].cloud !== "aws") {
        issues.push({
            field: "platform:data.backups.crossCloudCopy.sourceEnvironment",
            value: source,
            problem: `runs on ${PROFILES[source].cloud}; the copy reads an AWS environment's S3 backup bucket`,
            fix: "name an AWS environment, e.g. prod",
        });
    }
    return issues;
}
