/**
 * Pulumi type tokens of the GCP resources these policies check. Tokens rather than `@pulumi/gcp`
 * classes keep the GCP SDK out of the pack's run time; `types.test.ts` checks them against it.
 */
export const GCP_TYPES = {
    subnetwork: "gcp:compute/subnetwork:Subnetwork",
    firewall: "gcp:compute/firewall:Firewall",
    cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    keyRing: "gcp:kms/keyRing:KeyRing",
} as const;
