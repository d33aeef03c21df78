/** What the cloudsql-* policies share: the settings blocks of an instance, and replicas. */
import { asNonEmptyString, asRecord, asString, type Props } from "@platform/policy-kit";

export function settingsOf(props: Props): Props {
    return asRecord(props["settings"]) ?? {};
}

export function ipConfigurationOf(props: Props): Props {
    return asRecord(settingsOf(props)["ipConfiguration"]) ?? {};
}

export function backupConfigurationOf(props: Props): Props {
    return asRecord(settingsOf(props)["backupConfiguration"]) ?? {};
}

/** A read replica follows its primary (`masterInstanceName`): no backups or standby of its own. */
export function isReplica(props: Props): boolean {
    return asNonEmptyString(props["masterInstanceName"]) !== undefined;
}

/** settings.databaseFlags as name -> value (the last one wins, as Cloud SQL applies them). */
export function databaseFlagsOf(props: Props): Map<string, string> {
    const flags = new Map<string, string>();
    const list = settingsOf(props)["databaseFlags"];
    for (const flag of Array.isArray(list) ? (list as unknown[]) : []) {
        const f = asRecord(flag);
        const name = asNonEmptyString(f?.["name"]);
        const value = asString(f?.["value"]);
        if (name !== undefined && value !== undefined) flags.set(name, value);
    }
    return flags;
}
