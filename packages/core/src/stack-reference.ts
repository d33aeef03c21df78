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

    /**
     * An output the upstream stack must export; fails the deployment with its name when missing.
     *
     * One exception, in previews only: an upstream stack with no outputs at all has never been
     * deployed (a new environment, previewed layer by layer before anything exists), and its
     * outputs are then unknown, as an upstream resource's would be, so the downstream preview
     * shows what it will create. An upstream stack that is deployed but lacks the output always
     * fails: that is a broken contract.
     */
    require<K extends keyof T & string>(key: K): pulumi.Output<T[K]> {
        const value = this.reference.getOutput(key);
        // `outputs` is a secret as a whole when any upstream output is (a kubeconfig): only the key
        // check reads it, so it is unsecreted here and the result is a secret exactly when the output is.
        return pulumi.all([this.reference.name, pulumi.unsecret(this.reference.outputs), value]).apply(([stack, outputs, v]) => {
            if (Object.hasOwn(outputs, key)) {
                return v as T[K];
            }
            if (pulumi.runtime.isDryRun() && Object.keys(outputs).length === 0) {
                return pulumi.output(pulumi.unknown) as pulumi.Output<T[K]>;
            }
            throw new Error(`Required output '${key}' does not exist on stack '${stack}'.`);
        }) as pulumi.Output<T[K]>;
    }

    /** An output that may be absent (e.g. the DNS zone of an environment without DNS). */
    get<K extends keyof T & string>(key: K): pulumi.Output<T[K] | undefined> {
        return this.reference.getOutput(key) as pulumi.Output<T[K] | undefined>;
    }
}
