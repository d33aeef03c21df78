/** Builders for the foundation contract's nested outputs, shared by the AWS and GCP layers. */
import * as pulumi from "@pulumi/pulumi";
import type { DnsSettings, DnsZoneOutputs, KmsKeyOutputs } from "@platform/core";
import { KEY_PURPOSES, type KeyPurpose } from "@platform/security";

/** One value per key purpose; the foundation creates every purpose, so a gap is a bug. */
export function byPurpose(values: Readonly<Partial<Record<KeyPurpose, pulumi.Output<string>>>>): pulumi.Output<KmsKeyOutputs> {
    const entries = KEY_PURPOSES.map((p) => {
        const value = values[p];
        if (value === undefined) {
            throw new Error(`the foundation layer creates every key purpose; ${p} is missing`);
        }
        return [p, value] as const;
    });
    return pulumi.output(Object.fromEntries(entries) as Record<KeyPurpose, pulumi.Output<string>>);
}

/** What both AwsDnsZones and GcpDnsZones expose. */
export interface DnsZonesLike {
    readonly publicZoneId: pulumi.Output<string | null>;
    readonly privateZoneId: pulumi.Output<string | null>;
    readonly publicNameServers: pulumi.Output<string[]>;
}

/** True when the settings ask for at least one zone. */
export function wantsDnsZones(dns: DnsSettings): boolean {
    return dns.publicZone !== undefined || dns.privateZone !== undefined;
}

/** Zone names in the contract are the DNS names (e.g. `acme.example.com`), not provider zone names. */
export function dnsOutputs(dns: DnsSettings, zones: DnsZonesLike | undefined): pulumi.Output<DnsZoneOutputs> {
    return pulumi.output({
        publicZoneId: zones ? zones.publicZoneId : null,
        privateZoneId: zones ? zones.privateZoneId : null,
        publicZoneName: dns.publicZone ?? null,
        privateZoneName: dns.privateZone ?? null,
        publicNameServers: zones ? zones.publicNameServers : [],
    });
}
