/**
 * The mandatory violations the checked-in stacks have today, each with why. Tests that expect an
 * environment to pass its policies expect exactly these, so a new violation fails them and so does
 * a fixed one (then delete its entry).
 *
 * The platform pack's platform-protect-stateful-prod flags the flow-log group of AwsNetwork in
 * prod: the network component is not protected and the component writes no protection onto its
 * stateful children. Issue 6 §1 ("stateful children inherit protection") fixes that; until then
 * prod synthesizes with this one violation and `pulumi preview` on prod fails on it.
 */
export interface KnownViolation {
    readonly pack: string;
    readonly policy: string;
    /** The resource's qualified type, as in its URN (parent types chained with `$`). */
    readonly qualifiedType: string;
    readonly name: string;
}

const KNOWN: Readonly<Record<string, readonly KnownViolation[]>> = {
    prod: [
        {
            pack: "platform",
            policy: "platform-protect-stateful-prod",
            qualifiedType: "platform:network:AwsNetwork$aws:cloudwatch/logGroup:LogGroup",
            name: "acme-prod-network-flow-logs",
        },
    ],
};

/** The known mandatory violations of an environment's foundation program. */
export function knownViolations(env: string): readonly KnownViolation[] {
    return KNOWN[env] ?? [];
}

/** `<pack>/<policy> <urn>` of each known violation of `env`, for the foundation program run as `project`. */
export function knownViolationKeys(env: string, project: string): string[] {
    return knownViolations(env).map((k) => `${k.pack}/${k.policy} urn:pulumi:${env}::${project}::${k.qualifiedType}::${k.name}`);
}

/** The same key for a violation as the policy packs report it. */
export function violationKey(v: { readonly pack: string; readonly policy: string; readonly urn: string | null }): string {
    return `${v.pack}/${v.policy} ${v.urn ?? "(stack)"}`;
}
