/**
 * The JSON Schema of a stack file (`Pulumi.<env>.yaml`), generated from the zod schema, so editors
 * complete and check `platform:` keys. Written to `schema/stack-config.schema.json` by
 * `pnpm schema`; a test keeps the committed file equal to this.
 */
import { z } from "zod";
import { AWS_CONFIG_SCHEMA, GCP_CONFIG_SCHEMA } from "./schema.js";
import { CONFIG_NAMESPACE } from "./settings.js";

type JsonObject = Record<string, unknown>;

/** One cloud's branch as the `config:` mapping of a stack file: keys prefixed `platform:`. */
function configBranch(schema: z.ZodType, cloud: string): JsonObject {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonObject;
    const properties = (json["properties"] ?? {}) as Record<string, JsonObject>;
    const required = (json["required"] ?? []) as string[];
    const prefixed = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => {
            // `cloud` is optional in a file (the environment's profile decides); the branch is chosen by it when set.
            if (key === "cloud")
                return [`${CONFIG_NAMESPACE}:${key}`, { const: cloud, description: "The cloud; defaults to the environment profile's." }];
            return [`${CONFIG_NAMESPACE}:${key}`, value];
        }),
    );
    return {
        title: `${cloud} stack`,
        type: "object",
        properties: prefixed,
        required: required.filter((k) => k !== "cloud").map((k) => `${CONFIG_NAMESPACE}:${k}`),
        patternProperties: { "^pulumi:": {} },
        additionalProperties: false,
    };
}

export function stackFileJsonSchema(): JsonObject {
    return {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        $id: "https://platform.local/schema/stack-config.schema.json",
        title: "Platform stack configuration (Pulumi.<env>.yaml)",
        description:
            "The platform: namespace of a stack file. Generated from packages/core/src/config/schema.ts by `pnpm schema`; do not edit.",
        type: "object",
        properties: {
            config: { oneOf: [configBranch(AWS_CONFIG_SCHEMA, "aws"), configBranch(GCP_CONFIG_SCHEMA, "gcp")] },
            encryptionsalt: {
                type: "string",
                minLength: 1,
                description: "The passphrase provider's salt, as the pulumi CLI wrote it; real runs give it to every stack.",
            },
            secretsprovider: {
                type: "string",
                minLength: 1,
                description:
                    "The environment's secrets provider (awskms://..., gcpkms://..., passphrase); real runs make and run every stack with it, rehearsals never.",
            },
            encryptedkey: {
                type: "string",
                minLength: 1,
                description: "The data key secretsprovider encrypted, as the pulumi CLI wrote it; commit it so runs do not make new ones.",
            },
        },
        additionalProperties: false,
    };
}

/** The committed file's exact text (`schema/stack-config.schema.json`). */
export function stackFileSchemaText(): string {
    return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}
