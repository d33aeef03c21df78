/**
 * Typed fixture builders for policy tests: a small inventory written the way a program registers
 * resources (root stack first, parents, providers, dependencies), with engine-shaped URNs and
 * provider references, instead of hand-copied objects.
 */
import type { Policy } from "@pulumi/policy";
import { engineUrn, MANAGED_BY, PROVIDER_TYPE_PREFIX, PULUMI_TYPES, type RequiredTagKey } from "@platform/facts";
import type { EvaluatedResource } from "./engine.js";
import type { Violation } from "./evaluate.js";

type Inputs = Record<string, unknown>;

export interface FixtureResourceOptions {
    /** @default the root stack */
    readonly parent?: EvaluatedResource;
    readonly provider?: EvaluatedResource;
    readonly protect?: boolean;
    /** Id the cloud assigned. @default `<name>-id` for custom resources */
    readonly id?: string | null;
    /** Outputs beyond the inputs (the simulated cloud returns inputs plus computed values). */
    readonly outputs?: Inputs;
    /** Replaces the outputs entirely (e.g. `{}` to model a preview without computed values). */
    readonly exactOutputs?: Inputs;
    readonly dependsOn?: readonly EvaluatedResource[];
    /** Property dependencies by input name; their URNs are added to `dependencies` too, as the SDK does. */
    readonly propertyDependencies?: Readonly<Record<string, readonly EvaluatedResource[]>>;
    readonly ignoreChanges?: readonly string[];
    readonly deleteBeforeReplace?: boolean;
    readonly retainOnDelete?: boolean;
    readonly secretInputs?: readonly string[];
}

/** Ownership tags as `@platform/core` sets them (every required key of `@platform/facts`), for one environment. */
export function ownershipTags(environment: string): Record<RequiredTagKey, string> {
    return { environment, team: "platform", "cost-center": "cc-1234", project: "platform", "managed-by": MANAGED_BY };
}

/** An inventory under construction. `build()` returns what `synthesize` returns (resources + outputs). */
export class StackFixture {
    readonly project: string;
    readonly stack: string;
    readonly root: EvaluatedResource;
    private readonly list: EvaluatedResource[] = [];
    private outputs: Inputs = {};

    constructor(options: { readonly project?: string; readonly stack?: string } = {}) {
        this.project = options.project ?? "platform";
        this.stack = options.stack ?? "dev";
        this.root = this.add(PULUMI_TYPES.stack, `${this.project}-${this.stack}`, {}, false, { id: null });
    }

    /** A custom (provider-managed) resource. */
    custom(type: string, name: string, inputs: Inputs = {}, options: FixtureResourceOptions = {}): EvaluatedResource {
        return this.add(type, name, inputs, true, options);
    }

    /** A component resource (no provider, no id, no outputs recorded). */
    /** A component resource (no provider, no id); `outputs` are what it registered. @default {} */
    component(type: string, name: string, options: Pick<FixtureResourceOptions, "parent" | "protect" | "outputs"> = {}): EvaluatedResource {
        return this.add(type, name, {}, false, {
            parent: options.parent,
            protect: options.protect,
            id: null,
            exactOutputs: options.outputs ?? {},
        });
    }

    /** An explicit provider resource `pulumi:providers:<pkg>`. */
    provider(pkg: string, name: string, inputs: Inputs = {}, options: Pick<FixtureResourceOptions, "parent"> = {}): EvaluatedResource {
        return this.add(`${PROVIDER_TYPE_PREFIX}${pkg}`, name, inputs, true, { ...options, id: `${name}-provider-id` });
    }

    /**
     * An AWS provider with `defaultTags: { tags }`. `jsonEncoded` stores the input as the Node SDK
     * sends it (a JSON string); the default is the object form.
     */
    awsProvider(
        name: string,
        tags: Record<string, string>,
        options: { readonly jsonEncoded?: boolean; readonly region?: string } = {},
    ): EvaluatedResource {
        const defaultTags = { tags };
        return this.provider("aws", name, {
            region: options.region ?? "us-east-1",
            defaultTags: options.jsonEncoded ? JSON.stringify(defaultTags) : defaultTags,
        });
    }

    /** A GCP provider with `defaultLabels`; `jsonEncoded` as for `awsProvider`. */
    gcpProvider(
        name: string,
        labels: Record<string, string>,
        options: { readonly jsonEncoded?: boolean; readonly region?: string } = {},
    ): EvaluatedResource {
        return this.provider("gcp", name, {
            project: "platform-prod",
            region: options.region ?? "us-central1",
            defaultLabels: options.jsonEncoded ? JSON.stringify(labels) : labels,
        });
    }

    /** Sets the stack outputs (the root stack's outputs for stack policies). */
    withOutputs(outputs: Inputs): this {
        this.outputs = outputs;
        return this;
    }

    build(): { resources: EvaluatedResource[]; outputs: Inputs } {
        return { resources: [...this.list], outputs: { ...this.outputs } };
    }

    private add(type: string, name: string, inputs: Inputs, custom: boolean, options: FixtureResourceOptions): EvaluatedResource {
        const parent = type === PULUMI_TYPES.stack ? undefined : (options.parent ?? this.root);
        const propertyDependencies = Object.fromEntries(
            Object.entries(options.propertyDependencies ?? {}).map(([k, rs]) => [k, rs.map((r) => r.urn)]),
        );
        const dependencies = [...new Set([...(options.dependsOn ?? []).map((r) => r.urn), ...Object.values(propertyDependencies).flat()])];
        const id = options.id === undefined ? (custom ? `${name}-id` : null) : options.id;
        const resource: EvaluatedResource = {
            urn: engineUrn(this.stack, this.project, parent?.urn, type, name),
            type,
            name,
            parent: parent?.urn ?? null,
            protect: options.protect ?? false,
            inputs,
            custom,
            provider: options.provider ? `${options.provider.urn}::${options.provider.id ?? ""}` : null,
            dependencies,
            retainOnDelete: options.retainOnDelete ?? false,
            deleteBeforeReplace: options.deleteBeforeReplace ?? false,
            ignoreChanges: [...(options.ignoreChanges ?? [])],
            secretInputs: [...(options.secretInputs ?? [])],
            id,
            outputs: options.exactOutputs ?? (custom ? { ...inputs, ...(options.outputs ?? {}) } : {}),
            propertyDependencies,
        };
        this.list.push(resource);
        return resource;
    }
}

/** The violation the engine reports when `policy` calls `reportViolation(detail)` (description, newline, detail; the policy's severity). */
export function expectedViolation(
    pack: string,
    policy: Pick<Policy, "name" | "description" | "enforcementLevel" | "severity">,
    urn: string | null,
    detail: string,
): Violation {
    return {
        pack,
        policy: policy.name,
        enforcementLevel: policy.enforcementLevel ?? "advisory",
        urn,
        message: `${policy.description}\n${detail}`,
        ...(policy.severity ? { severity: policy.severity } : {}),
    };
}
