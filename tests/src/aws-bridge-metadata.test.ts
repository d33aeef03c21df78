import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { loadTerraformTypes } from "@platform/automation";
import { AWS_TYPES } from "@platform/facts";
import { REPO_ROOT } from "./paths.js";

/** packages/automation/data/aws-bridge-metadata.json: the aws provider's token -> Terraform type mapping. */
interface AwsBridgeMetadata {
    readonly source: { readonly repository: string; readonly path: string; readonly commit: string; readonly object: string };
    readonly v7: {
        readonly renamed: { readonly tokens: Readonly<Record<string, string>> };
        readonly added: { readonly tokens: Readonly<Record<string, string>> };
    };
    readonly renames: { readonly resources: Readonly<Record<string, string>> };
}

const METADATA = path.join(REPO_ROOT, "packages", "automation", "data", "aws-bridge-metadata.json");
const GENERATOR = path.join(REPO_ROOT, "packages", "automation", "scripts", "terraform-types.mjs");

const load = (): AwsBridgeMetadata => JSON.parse(readFileSync(METADATA, "utf8")) as AwsBridgeMetadata;

/** Token -> Terraform type as the generator derives it from the file: the stored mapping, then v7 renamed and added. */
function resolved(metadata: AwsBridgeMetadata): Map<string, string> {
    const types = new Map(Object.entries(metadata.renames.resources));
    for (const [token, stored] of Object.entries(metadata.v7.renamed.tokens)) {
        const type = metadata.renames.resources[stored];
        if (type !== undefined) types.set(token, type);
    }
    for (const [token, type] of Object.entries(metadata.v7.added.tokens)) types.set(token, type);
    return types;
}

describe("export: the aws bridge metadata (packages/automation/data/aws-bridge-metadata.json)", () => {
    it("records the repository, path and commit it was read from", () => {
        const { source } = load();
        assert.deepEqual(
            { repository: source.repository, path: source.path, object: source.object },
            {
                repository: "pulumi/pulumi-aws",
                path: "provider/cmd/pulumi-resource-aws/bridge-metadata.json",
                object: "renames.resources",
            },
        );
        assert.match(source.commit, /^[0-9a-f]{40}$/);
    });

    it("holds the whole stored renames.resources (1193 tokens, sorted, every type aws_*), a v7 entry only where the stored mapping lacks the token or the SDK renamed it", () => {
        const metadata = load();
        const tokens = Object.keys(metadata.renames.resources);
        assert.equal(tokens.length, 1193);
        assert.deepEqual(tokens, [...tokens].sort());
        assert.deepEqual(
            Object.entries(metadata.renames.resources).filter(([, type]) => !/^aws_[a-z0-9_]+$/.test(type)),
            [],
        );
        assert.deepEqual(
            Object.entries(metadata.v7.renamed.tokens).filter(([, stored]) => metadata.renames.resources[stored] === undefined),
            [],
            "a renamed token names a stored token",
        );
        assert.deepEqual(
            Object.keys(metadata.v7.renamed.tokens).filter((t) => metadata.renames.resources[t] !== undefined),
            ["aws:s3/bucket:Bucket"],
            "only the S3 bucket is renamed over a stored token (the v6 legacy bucket)",
        );
        assert.deepEqual(
            Object.keys(metadata.v7.added.tokens).filter((t) => metadata.renames.resources[t] !== undefined),
            [],
        );
        assert.equal(resolved(metadata).get("aws:s3/bucket:Bucket"), "aws_s3_bucket");
    });

    it("maps every aws token the platform creates (@platform/facts AWS_TYPES)", () => {
        const types = resolved(load());
        const missing = Object.values(AWS_TYPES).filter((t) => !types.has(t));
        assert.deepEqual(missing, [], `aws tokens without a Terraform type in ${METADATA}: ${missing.join(", ")}`);
    });

    it("is what the Terraform type table's aws part was generated from (else rerun node packages/automation/scripts/terraform-types.mjs --keep gcp)", () => {
        const table = loadTerraformTypes();
        const fromTable = Object.entries(table.resources)
            .filter(([token]) => token.startsWith("aws:"))
            .map(([token, entry]) => [token, entry.type]);
        assert.deepEqual(
            fromTable,
            [...resolved(load())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        assert.equal(table.providers["aws"]?.tokens, fromTable.length);
        assert.match(table.providers["aws"]?.metadata ?? "", /^pulumi\/pulumi-aws commit [0-9a-f]{40}, /);
    });

    it("the generator refuses --keep of an unknown provider, and --keep with the same provider's file", () => {
        const run = (...args: string[]): string => {
            try {
                execFileSync(process.execPath, [GENERATOR, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
                return "exit 0";
            } catch (err) {
                const { status, stderr } = err as { status: number; stderr: string };
                return `exit ${status}: ${stderr.trim()}`;
            }
        };
        assert.equal(
            run("--keep", "azure"),
            "exit 1: terraform-types: --keep = azure: not a provider of the table. Fix: pass one of aws, gcp",
        );
        assert.equal(
            run("--keep", "gcp", "--gcp", "bridge-metadata.json"),
            "exit 1: terraform-types: --keep = gcp: --gcp is given too. Fix: pass one of them",
        );
    });
});
