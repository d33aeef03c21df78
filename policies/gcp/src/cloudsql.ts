/** What the cloudsql-* policies share: the settings blocks of an instance, and replicas. */
import { asNonEmptyString, asRecord, type Props } from "@platform/policy-kit";

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
