/**
 * The Pulumi type token -> Terraform resource type table, generated from the bridged providers'
 * own bridge-metadata.json by `node packages/automation/scripts/terraform-types.mjs` and committed
 * as packages/automation/data/terraform-types.json.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** What the bridge metadata records about one Terraform field that is a list or a block. */
export interface FieldShape {
    /** True when Terraform holds a list of at most one element that Pulumi shows as one object. */
    readonly maxItemsOne?: boolean;
    readonly elem?: { readonly fields?: FieldShapes };
}
export type FieldShapes = Readonly<Record<string, FieldShape>>;

export interface TerraformResourceType {
    /** The Terraform resource type, e.g. `aws_db_instance`. */
    readonly type: string;
    /** The list and block fields, for the tokens the platform creates (when the metadata records them). */
    readonly fields?: FieldShapes;
    /** The inputs the SDK's `<Resource>Args` types as string maps, for the tokens the platform creates. */
    readonly mapInputs?: readonly string[];
}

export interface ProviderEntry {
    readonly sdk: string;
    readonly metadata: string;
    readonly tokens: number;
    /** Input names the SDK types as string maps: they stay objects in Terraform (tags, labels). */
    readonly mapProperties: readonly string[];
}

export interface TerraformTypeTable {
    readonly generatedBy: string;
    readonly providers: Readonly<Record<string, ProviderEntry>>;
    readonly resources: Readonly<Record<string, TerraformResourceType>>;
}

/** packages/automation/data/terraform-types.json (this module is compiled to dist/src/export). */
export const TERRAFORM_TYPES_PATH = path.resolve(__dirname, "../../../data/terraform-types.json");

/** The command that regenerates the table. */
export const TERRAFORM_TYPES_FIX = "node packages/automation/scripts/terraform-types.mjs (see its header for --aws, --gcp and --keep)";

let cached: TerraformTypeTable | undefined;

export function loadTerraformTypes(file: string = TERRAFORM_TYPES_PATH): TerraformTypeTable {
    if (file !== TERRAFORM_TYPES_PATH) return JSON.parse(readFileSync(file, "utf8")) as TerraformTypeTable;
    cached ??= JSON.parse(readFileSync(file, "utf8")) as TerraformTypeTable;
    return cached;
}

/** The Terraform provider a token belongs to (`aws`, `google`), or undefined for other packages. */
export function terraformProvider(token: string): "aws" | "google" | undefined {
    if (token.startsWith("aws:")) return "aws";
    if (token.startsWith("gcp:")) return "google";
    return undefined;
}

/** The Pulumi package name of a token (`aws`, `gcp`), the key of `providers` in the table. */
export function pulumiPackage(token: string): string {
    return token.split(":")[0];
}

/** Tokens of exported clouds that have no entry in the table. */
export function missingTerraformTypes(tokens: Iterable<string>, table: TerraformTypeTable = loadTerraformTypes()): string[] {
    return [...new Set(tokens)].filter((t) => terraformProvider(t) !== undefined && table.resources[t] === undefined).sort();
}

/** A cloud resource type the table does not know: the table must be regenerated. */
export class MissingTerraformTypeError extends Error {
    constructor(readonly tokens: readonly string[]) {
        super(
            `${tokens.join(", ")}: no Terraform resource type in packages/automation/data/terraform-types.json. ` +
                `Fix: add the token to @platform/facts and rerun ${TERRAFORM_TYPES_FIX}`,
        );
        this.name = "MissingTerraformTypeError";
    }
}
