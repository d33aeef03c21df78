/**
 * Config keys outside `platform:`. The platform reads only its own namespace, so any other key is a
 * mistake whose effect would silently be nothing: a misspelt namespace (`platfom:awsAccountId`
 * drops the account pin), a key written without a namespace (Pulumi files it under the project's
 * name), or a provider key (`aws:region`) although the platform configures its providers
 * explicitly. `pulumi:` keys belong to Pulumi itself and are allowed.
 */
import type { Issue } from "../issues.js";
import { CONFIG_NAMESPACE } from "./settings.js";

const PROVIDER_NAMESPACES = ["aws", "gcp", "kubernetes", "random"];

/** Edit distance, for "did you mean platform". */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

/**
 * Issues for config keys (engine form, `namespace:key`) that the platform does not read.
 * `project` is the Pulumi project: Pulumi files a key written without namespace under it.
 */
export function checkForeignConfigKeys(keys: readonly string[], values: Readonly<Record<string, unknown>>, project: string): Issue[] {
    const issues: Issue[] = [];
    for (const key of keys) {
        const colon = key.indexOf(":");
        const namespace = colon < 0 ? "" : key.slice(0, colon);
        const name = key.slice(colon + 1);
        if (namespace === CONFIG_NAMESPACE || namespace === "pulumi") {
            continue;
        }
        const value = values[key];
        const platformKey = `${CONFIG_NAMESPACE}:${name}`;
        if (namespace === project || namespace === "") {
            issues.push({
                field: key,
                value,
                problem: `is not read: a key written without a namespace belongs to project ${project}, and the platform reads only platform: keys`,
                fix: `write it as ${platformKey}`,
            });
        } else if (PROVIDER_NAMESPACES.includes(namespace)) {
            issues.push({
                field: key,
                value,
                problem: `has no effect: the platform configures the ${namespace} provider itself, from platform: settings`,
                fix: "remove it; set platform:region, platform:awsAccountId or platform:gcpProject instead",
            });
        } else if (distance(namespace, CONFIG_NAMESPACE) <= 2) {
            issues.push({
                field: key,
                value,
                problem: `is in namespace ${namespace}, a misspelling of ${CONFIG_NAMESPACE}, so nothing reads it`,
                fix: `write it as ${platformKey}`,
            });
        } else {
            issues.push({
                field: key,
                value,
                problem: `is not read by the platform (namespace ${namespace})`,
                fix: `remove it, or write it as ${platformKey} if it is a platform setting`,
            });
        }
    }
    return issues;
}
