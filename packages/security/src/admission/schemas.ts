/**
 * Schemas of the Gatekeeper kinds the platform creates (ConstraintTemplate, the ten constraint
 * kinds, Assign, AssignMetadata), so the tests validate these objects like every other Kubernetes
 * object the platform creates. Gatekeeper publishes no `@kubernetes-models` package; these are
 * written from the CRDs' openAPIV3Schema in the Gatekeeper chart (templates.gatekeeper.sh/v1,
 * constraints.gatekeeper.sh/v1beta1, mutations.gatekeeper.sh/v1), limited to the fields the
 * platform sets, and closed (`additionalProperties: false`) where a typo would otherwise pass.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { GATEKEEPER_RULES } from "./gatekeeper.js";

type Schema = Record<string, unknown>;

const strings = { type: "array", items: { type: "string" } } as const;
const metadata: Schema = {
    type: "object",
    required: ["name"],
    properties: {
        name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" },
        labels: { type: "object" },
        annotations: { type: "object" },
    },
};
const match: Schema = {
    type: "object",
    additionalProperties: false,
    properties: {
        kinds: {
            type: "array",
            items: { type: "object", additionalProperties: false, properties: { apiGroups: strings, kinds: strings } },
        },
        namespaces: strings,
        excludedNamespaces: strings,
        namespaceSelector: { type: "object" },
        labelSelector: { type: "object" },
        scope: { enum: ["*", "Cluster", "Namespaced"] },
    },
};

function object(apiVersion: string, kind: string, spec: Schema): Schema {
    return {
        type: "object",
        required: ["apiVersion", "kind", "metadata", "spec"],
        properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec },
    };
}

const constraintTemplate = object("templates.gatekeeper.sh/v1", "ConstraintTemplate", {
    type: "object",
    additionalProperties: false,
    required: ["crd", "targets"],
    properties: {
        crd: {
            type: "object",
            required: ["spec"],
            properties: {
                spec: {
                    type: "object",
                    required: ["names"],
                    properties: {
                        names: {
                            type: "object",
                            required: ["kind"],
                            properties: { kind: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" } },
                        },
                        validation: { type: "object" },
                    },
                },
            },
        },
        targets: {
            type: "array",
            minItems: 1,
            items: {
                type: "object",
                additionalProperties: false,
                required: ["target", "rego"],
                properties: { target: { const: "admission.k8s.gatekeeper.sh" }, rego: { type: "string", minLength: 1 }, libs: strings },
            },
        },
    },
});

function constraintSchema(kind: string): Schema {
    return object("constraints.gatekeeper.sh/v1beta1", kind, {
        type: "object",
        additionalProperties: false,
        properties: { enforcementAction: { enum: ["deny", "dryrun", "warn", "scoped"] }, match, parameters: { type: "object" } },
    });
}

const assignSchema = object("mutations.gatekeeper.sh/v1", "Assign", {
    type: "object",
    additionalProperties: false,
    required: ["applyTo", "location", "parameters"],
    properties: {
        applyTo: {
            type: "array",
            minItems: 1,
            items: {
                type: "object",
                additionalProperties: false,
                required: ["groups", "kinds", "versions"],
                properties: { groups: strings, kinds: strings, versions: strings },
            },
        },
        match,
        location: { type: "string", pattern: "^spec\\." },
        parameters: {
            type: "object",
            additionalProperties: false,
            required: ["assign"],
            properties: {
                pathTests: {
                    type: "array",
                    items: {
                        type: "object",
                        additionalProperties: false,
                        required: ["subPath", "condition"],
                        properties: { subPath: { type: "string" }, condition: { enum: ["MustExist", "MustNotExist"] } },
                    },
                },
                assign: { type: "object", required: ["value"], properties: { value: {} } },
            },
        },
    },
});

const assignMetadataSchema = object("mutations.gatekeeper.sh/v1", "AssignMetadata", {
    type: "object",
    additionalProperties: false,
    required: ["location", "parameters"],
    properties: {
        match,
        // Gatekeeper only lets AssignMetadata add labels and annotations.
        location: { type: "string", pattern: "^metadata\\.(labels|annotations)\\.[^.]+$" },
        parameters: {
            type: "object",
            required: ["assign"],
            properties: { assign: { type: "object", required: ["value"], properties: { value: { type: "string" } } } },
        },
    },
});

/** A model class in the shape the schema registry of @platform/workload takes. */
export interface GatekeeperModel {
    new (data: never): { validate(): void; toJSON(): unknown };
}

let ajv: Ajv | undefined;

/**
 * The model of a schema. Its validator is compiled on the first `validate()`: compiling all
 * thirteen cost about 0.1 s of CPU in every process that imports this package (each stack program,
 * `platform synth`), and only the tests validate these objects.
 */
function model(schema: Schema): GatekeeperModel {
    let compiled: ValidateFunction | undefined;
    return class {
        constructor(private readonly data: unknown) {}
        validate(): void {
            ajv ??= new Ajv({ allErrors: true, strict: false });
            compiled ??= ajv.compile(schema);
            const check = compiled;
            if (!check(this.data)) {
                const problems = (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
                throw new Error(`invalid Gatekeeper object: ${problems.join(", ")}`);
            }
        }
        toJSON(): unknown {
            return this.data;
        }
    };
}

/** `<apiVersion>/<kind>` -> model, for every Gatekeeper kind the platform creates. */
export const GATEKEEPER_MODELS: Readonly<Record<string, GatekeeperModel>> = {
    "templates.gatekeeper.sh/v1/ConstraintTemplate": model(constraintTemplate),
    "mutations.gatekeeper.sh/v1/Assign": model(assignSchema),
    "mutations.gatekeeper.sh/v1/AssignMetadata": model(assignMetadataSchema),
    ...Object.fromEntries(GATEKEEPER_RULES.map((r) => [`constraints.gatekeeper.sh/v1beta1/${r.kind}`, model(constraintSchema(r.kind))])),
};
