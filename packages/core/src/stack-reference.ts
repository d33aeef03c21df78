/**
 * Typed stack references. Downstream stacks read upstream outputs through a contract type
 * (see `contracts/`), so a renamed output is a compile error instead of an `undefined` at deploy.
 */
import * as pulumi from "@pulumi/pulumi";

/** `<organization>/<project>/<stack>`; the organization is optional for self-managed backends. */
export function stackReferenceName(ref: { organization?: string; project: string; stack: string }): string {
    const segment = /^[A-Za-z0-9_.-]+$/;
    for (const [field, value] of Object.entries(ref)) {
        if (value !== undefined && !segment.test(value)) {
            throw new Error(`stack reference ${field}=${JSON.stringify(value)} may contain only letters, digits, "_", "." and "-"`);
        }
    }
    return ref.organization ? `${ref.organization}/${ref.project}/${ref.stack}` : `${ref.project}/${ref.stack}`;
}

/** A StackReference whose outputs are typed by the upstream stack's contract `T`. */
export class TypedStackReference<T extends object> {
    readonly reference: pulumi.StackReference;

    constructor(name: string, ref: { organization?: string; project: string; stack: string }, opts?: pulumi.CustomResourceOptions) {
        this.reference = new pulumi.StackReference(name, { name: stackReferenceName(ref) }, opts);
    }

    /** An output the upstream stack must export; fails the deployment with its name when missing. */
    require<K extends keyof T & string>(key: K): pulumi.Output<T[K]> {
        return this.reference.requireOutput(key) as pulumi.Output<T[K]>;
    }

    /** An output that may be absent (e.g. the DNS zone of an environment without DNS). */
    get<K extends keyof T & string>(key: K): pulumi.Output<T[K] | undefined> {
        return this.reference.getOutput(key) as pulumi.Output<T[K] | undefined>;
    }
}
