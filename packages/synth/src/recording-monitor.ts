/**
 * A resource monitor for the mock runtime that records every registration with its options.
 * It extends the SDK's MockMonitor (so the SDK keeps its own bookkeeping) and fixes one thing:
 * the SDK mock builds URNs from only the parent's last type and keeps the root stack type in
 * children's URNs; the engine does neither. Ours match the engine's URNs exactly.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks.js";
import { engineUrn, PULUMI_TYPES, urnQualifiedType } from "@platform/facts";
import type { InventoryResource } from "./inventory.js";
import { SECRET_SIG, secretPaths } from "./secret-paths.js";

/** The parts of the SDK's RegisterResourceRequest this monitor reads. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean;
    hasProtect?(): boolean;
    getProvider(): string;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getRetainondelete(): boolean;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

interface RegisterResponse {
    getUrn(): string;
    getId(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

type Callback = (err: unknown, response: RegisterResponse | undefined) => void;

/** Replaces wire-encoded secrets `{ <sig>: <secret sig>, value }` by their values, at any depth. */
export function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        if (record[pulumi.runtime.specialSigKey] === SECRET_SIG) {
            return unwrapSecrets(record["value"]);
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

/** Top-level input names whose wire value is a secret. */
function secretFields(wire: Record<string, unknown>): string[] {
    return Object.entries(wire)
        .filter(
            ([, v]) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === SECRET_SIG,
        )
        .map(([k]) => k);
}

/** Input name -> URNs the input's value came from (only non-empty lists, as the engine keeps them). */
function propertyDependencies(req: RegisterRequest): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((value, key) => {
        const urns = value.getUrnsList();
        if (urns.length > 0) {
            result[key] = urns;
        }
    });
    return result;
}

/** What the monitor knows about a registration beyond the SDK's mock arguments. */
export interface RegistrationContext {
    /** The resource's engine-accurate URN (the Kubernetes model derives autonames from it). */
    readonly urn: string;
    /** The inputs of the resource's explicit provider, when it has one (e.g. the kubernetes provider's namespace). */
    readonly providerInputs?: Record<string, unknown>;
}

/** Mocks that also receive the {@link RegistrationContext} of each registration. */
export interface ContextualMocks {
    newResource(
        args: pulumi.runtime.MockResourceArgs,
        context: RegistrationContext | undefined,
    ): ReturnType<pulumi.runtime.Mocks["newResource"]>;
    call(args: pulumi.runtime.MockCallArgs): ReturnType<pulumi.runtime.Mocks["call"]>;
}

/** The parts of the SDK's ReadResourceRequest this monitor reads. */
interface ReadRequest {
    getType(): string;
    getId(): string;
}

export class RecordingMonitor extends MockMonitor {
    readonly recorded: InventoryResource[] = [];
    /**
     * The stacks the program read through StackReferences (their `<org>/<project>/<stack>` names,
     * in the order read). Reads are not registrations, so they are not in {@link recorded}.
     */
    readonly stackReferences: string[] = [];
    /** Provider inputs by provider reference (`<urn>::<id>`). */
    private readonly providers = new Map<string, Record<string, unknown>>();
    private readonly setContext: (context: RegistrationContext | undefined) => void;
    /** Paths of the secrets among the root stack's outputs (see secret-paths.ts). */
    stackOutputSecretPaths: string[] = [];

    constructor(
        mocks: ContextualMocks,
        private readonly stackName: string,
        private readonly projectName: string,
    ) {
        let context: RegistrationContext | undefined;
        super({ newResource: (args) => mocks.newResource(args, context), call: (args) => mocks.call(args) });
        this.setContext = (next) => {
            context = next;
        };
        // The SDK declares newUrn private; replace it so every URN (and so every parent link) is engine-accurate.
        (this as unknown as { newUrn: (parent: string, type: string, name: string) => string }).newUrn = (parent, type, name) =>
            engineUrn(this.stackName, this.projectName, parent || undefined, type, name);
    }

    override async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
        const wire = req.getObject()?.toJavaScript() ?? {};
        const struct = req.getObject();
        const inputs = struct ? (unwrapSecrets(pulumi.runtime.deserializeProperties(struct as never)) as Record<string, unknown>) : {};
        // The SDK's registerResource calls the mocks' newResource synchronously, before its first
        // await, so the context set here reaches exactly this registration.
        this.setContext({
            urn: engineUrn(this.stackName, this.projectName, req.getParent() || undefined, req.getType(), req.getName()),
            providerInputs: this.providers.get(req.getProvider()),
        });
        const registered = super.registerResource(req, (err: unknown, response: RegisterResponse | undefined) => {
            if (!err && response) {
                const custom = req.getCustom();
                this.recorded.push({
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    parent: req.getParent() || null,
                    protect: req.getProtect() === true,
                    inputs,
                    custom,
                    provider: req.getProvider() || null,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: propertyDependencies(req),
                    retainOnDelete: req.getRetainondelete() === true,
                    deleteBeforeReplace: req.getDeletebeforereplace() === true,
                    ignoreChanges: req.getIgnorechangesList(),
                    secretInputs: secretFields(wire),
                    secretPaths: secretPaths(wire),
                    id: custom ? response.getId() || null : null,
                    outputs: custom ? (unwrapSecrets(response.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>) : {},
                });
                if (req.getType().startsWith("pulumi:providers:")) {
                    this.providers.set(`${response.getUrn()}::${response.getId()}`, inputs);
                }
            }
            callback(err, response);
        });
        this.setContext(undefined);
        await registered;
    }

    override async readResource(req: ReadRequest, callback: (err: unknown, response: unknown) => void): Promise<void> {
        // A StackReference reads the stack named by its id (`new StackReference(name, { name: <stack> })`).
        if (req.getType() === PULUMI_TYPES.stackReference && !this.stackReferences.includes(req.getId())) {
            this.stackReferences.push(req.getId());
        }
        await super.readResource(req, callback);
    }

    /**
     * A component's `registerOutputs`: recorded as the component's `outputs`, as the engine keeps
     * them in state. The SDK calls it for every component (with `{}` when the component registered
     * nothing itself), the first call winning. For the root stack, also where its secrets are.
     */
    override registerResourceOutputs(req: RegisterOutputsRequest, callback: (err: unknown, response: unknown) => void): void {
        if (urnQualifiedType(req.getUrn()) === PULUMI_TYPES.stack) {
            this.stackOutputSecretPaths = secretPaths(req.getOutputs()?.toJavaScript() ?? {});
        }
        const index = this.recorded.findIndex((r) => r.urn === req.getUrn());
        const struct = req.getOutputs();
        if (index >= 0 && !this.recorded[index].custom) {
            const outputs = struct ? (unwrapSecrets(pulumi.runtime.deserializeProperties(struct as never)) as Record<string, unknown>) : {};
            this.recorded[index] = { ...this.recorded[index], outputs };
        }
        super.registerResourceOutputs(req, callback);
    }
}

/** The parts of the SDK's RegisterResourceOutputsRequest this monitor reads. */
interface RegisterOutputsRequest {
    getUrn(): string;
    getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
}
