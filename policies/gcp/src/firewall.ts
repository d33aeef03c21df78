/**
 * Reading GCP firewall rules: which sources are the whole internet, and which TCP ports an
 * `allows` list opens. Pure functions over plain props.
 */
import { asArray, asRecord, asString, asStringArray, type Props } from "@platform/policy-kit";

export const PUBLIC_RANGES: readonly string[] = ["0.0.0.0/0", "::/0"];

/** Ports that must never be open to the internet, with what they serve. */
export const ADMIN_PORTS: ReadonlyArray<{ readonly port: number; readonly service: string }> = [
    { port: 22, service: "SSH" },
    { port: 3389, service: "RDP" },
];

/**
 * The public sources of an ingress rule. With no sourceRanges, sourceTags or sourceServiceAccounts
 * GCP applies the rule to every IPv4 source, i.e. 0.0.0.0/0.
 */
export function publicSources(props: Props): string[] {
    const ranges = asStringArray(props["sourceRanges"]);
    if (ranges.length > 0) return ranges.filter((r) => PUBLIC_RANGES.includes(r));
    const scoped = asStringArray(props["sourceTags"]).length > 0 || asStringArray(props["sourceServiceAccounts"]).length > 0;
    return scoped ? [] : ["0.0.0.0/0 (the default when no source is set)"];
}

/** True when a port spec ("22", "20-25") includes `port`. */
export function portSpecCovers(spec: string, port: number): boolean {
    const match = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
    if (!match) return false;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    return port >= from && port <= to;
}

/** True when one `allows` entry opens tcp/`port`: protocol tcp, 6 or all, and no ports (all) or a covering spec. */
export function allowCovers(allow: Props, port: number): boolean {
    const protocol = (asString(allow["protocol"]) ?? "").toLowerCase();
    if (!["tcp", "6", "all"].includes(protocol)) return false;
    const ports = asStringArray(allow["ports"]);
    return protocol === "all" || ports.length === 0 || ports.some((spec) => portSpecCovers(spec, port));
}

/** The admin ports the rule's `allows` entries open. */
export function openedAdminPorts(props: Props): Array<{ port: number; service: string }> {
    const allows = (asArray(props["allows"]) ?? []).map((a) => asRecord(a) ?? {});
    return ADMIN_PORTS.filter(({ port }) => allows.some((a) => allowCovers(a, port)));
}
