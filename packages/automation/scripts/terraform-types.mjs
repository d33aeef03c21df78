// Writes packages/automation/data/terraform-types.json: Pulumi type token -> Terraform resource type
// for the bridged aws and gcp providers, generated from the providers' own bridge-metadata.json
// (what the Pulumi Terraform bridge records for each token), never from a naming rule.
//
//   node packages/automation/scripts/terraform-types.mjs [--aws FILE [--aws-source TEXT]] [--gcp FILE [--gcp-source TEXT]] [--keep aws|gcp]
//
// --keep <provider> keeps that provider's part of the committed table unchanged (for when its
// metadata cannot be had: the installed SDK must still be the one the table records).
//
// gcp: without --gcp the metadata comes from the provider's Go module at the version matching the
// installed SDK (`go mod download -json github.com/pulumi/pulumi-gcp/provider/vN@v<version>`),
// provider/cmd/pulumi-resource-gcp/bridge-metadata.json. With a FILE, from that file (a checkout of
// pulumi/pulumi-gcp at the tag).
//
// aws: without --aws the metadata is packages/automation/data/aws-bridge-metadata.json, the whole
// `renames.resources` object of pulumi/pulumi-aws provider/cmd/pulumi-resource-aws/bridge-metadata.json
// at the commit its `source` records (a v6 commit: the Go module proxy answered `403 Forbidden: This
// module version is not available` for github.com/pulumi/pulumi-aws/provider/v7@v7.48.0 and
// provider/v6@v6.83.4, so the v7 file could not be downloaded). Its `v7` part holds what the
// installed v7 SDK changed: `renamed` (v7 token -> stored token it carries the Terraform type of;
// checked here against the SDK's own alias declarations) and `added` (resources newer than the
// stored commit; checked here to be SDK tokens the stored mapping lacks). `--aws FILE` (the real
// file of a pulumi/pulumi-aws checkout at the SDK's tag) replaces it.
//
// Both formats of a metadata file are read: `renames.resources` (token -> Terraform name) and
// `auto-aliasing.resources` (Terraform name -> current token and, per field, whether it is a list
// block of at most one element: `maxItemsOne`).
//
// The table holds every resource token of each metadata file, and the field shapes of the tokens
// @platform/facts lists (the ones the platform creates), so the committed file stays small. It
// also lists, per provider, the input names that the SDK types as string maps (tags, labels...),
// from the installed SDK's .d.ts files: a map stays an object in Terraform, any other object input
// is a block. tests/src/export.test.ts checks the table covers every type of every environment's
// inventory, and says to rerun this script when it does not; tests/src/aws-bridge-metadata.test.ts
// that the aws part is the committed mapping's.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "../../..");
const out = path.join(root, "packages/automation/data/terraform-types.json");
const awsMetadataFile = path.join(root, "packages/automation/data/aws-bridge-metadata.json");
const facts = createRequire(path.join(root, "packages/facts/package.json"))("./dist/src/index.js");
const sdkRequire = createRequire(path.join(root, "packages/facts/package.json"));

const PROVIDERS = {
    aws: { sdk: "@pulumi/aws", module: "github.com/pulumi/pulumi-aws/provider", tokens: Object.values(facts.AWS_TYPES) },
    gcp: { sdk: "@pulumi/gcp", module: "github.com/pulumi/pulumi-gcp/provider", tokens: Object.values(facts.GCP_TYPES) },
};

function fail(message) {
    console.error(`terraform-types: ${message}`);
    process.exit(1);
}

const { values: args } = parseArgs({
    options: {
        aws: { type: "string" },
        gcp: { type: "string" },
        // Where a --aws/--gcp file came from (repository, tag or commit), recorded in the table.
        "aws-source": { type: "string" },
        "gcp-source": { type: "string" },
        // Keep a provider's part of the committed table as it is (its metadata cannot be had here).
        keep: { type: "string", multiple: true },
    },
});
for (const name of args.keep ?? []) {
    if (!(name in PROVIDERS)) fail(`--keep = ${name}: not a provider of the table. Fix: pass one of ${Object.keys(PROVIDERS).join(", ")}`);
    if (args[name]) fail(`--keep = ${name}: --${name} is given too. Fix: pass one of them`);
}

function sdkDir(pkg) {
    return path.dirname(sdkRequire.resolve(`${pkg}/package.json`));
}

/** The bridge-metadata.json of the provider module matching the installed SDK version. */
function downloadMetadata(name, provider, version) {
    const major = version.split(".")[0];
    const module = `${provider.module}/v${major}@v${version}`;
    const dir = mkdtempSync(path.join(tmpdir(), "terraform-types-"));
    try {
        writeFileSync(path.join(dir, "go.mod"), "module platform.local/terraform-types\n\ngo 1.24\n");
        let info;
        try {
            const json = execFileSync("go", ["mod", "download", "-json", module], {
                cwd: dir,
                env: { ...process.env, GOFLAGS: "-mod=mod" },
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
            });
            info = JSON.parse(json);
        } catch (err) {
            const text = String(err.stdout ?? "") || String(err.message);
            info = {
                Error: (() => {
                    try {
                        return JSON.parse(text).Error;
                    } catch {
                        return text;
                    }
                })(),
            };
        }
        if (info.Error || !info.Dir) {
            fail(
                `${name} = ${module}: ${String(info.Error ?? "no module directory").trim()}. ` +
                    `Fix: pass --${name} <bridge-metadata.json> from pulumi/pulumi-${name} at tag v${version} ` +
                    `(provider/cmd/pulumi-resource-${name}/bridge-metadata.json)`,
            );
        }
        const file = path.join(info.Dir, `cmd/pulumi-resource-${name}/bridge-metadata.json`);
        return { text: readFileSync(file, "utf8"), source: `${module} cmd/pulumi-resource-${name}/bridge-metadata.json` };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** token -> { type, fields? } from either metadata format. */
function resourcesOf(metadata) {
    const table = new Map();
    for (const [token, type] of Object.entries(metadata.renames?.resources ?? {})) {
        table.set(token, { type });
    }
    for (const [type, entry] of Object.entries(metadata["auto-aliasing"]?.resources ?? {})) {
        table.set(entry.current, { type, fields: entry.fields });
    }
    return table;
}

/** `__pulumiType` and the alias types the installed SDK declares for a token's resource class. */
function sdkDeclaration(dir, token) {
    const [, module, member] = /^[a-z0-9]+:([A-Za-z0-9]+)\/([A-Za-z0-9_]+):/.exec(token) ?? [];
    if (!module) return undefined;
    let text;
    try {
        text = readFileSync(path.join(dir, module, `${member}.js`), "utf8");
    } catch {
        return undefined;
    }
    const type = /__pulumiType = '([^']+)'/.exec(text)?.[1];
    if (type !== token) return undefined;
    return { aliases: [...text.matchAll(/\{ type: "([^"]+)" \}/g)].map((m) => m[1]) };
}

/**
 * The committed aws mapping's `v7` part on top of its stored `renames.resources`: a renamed token
 * takes the Terraform type of the stored token the installed SDK declares as its alias; an added
 * token must be in the SDK and not in the stored mapping.
 */
function applyV7(table, metadata, dir) {
    const file = path.relative(root, awsMetadataFile);
    for (const [token, stored] of Object.entries(metadata.v7?.renamed?.tokens ?? {})) {
        const entry = table.get(stored);
        if (!entry)
            fail(
                `${file} v7.renamed["${token}"] = "${stored}": not a token of renames.resources. Fix: name the stored token the SDK aliases`,
            );
        const declared = sdkDeclaration(dir, token);
        if (!declared?.aliases.includes(stored))
            fail(
                `${file} v7.renamed["${token}"] = "${stored}": the installed SDK does not declare it as an alias of ${token}. ` +
                    "Fix: remove the entry, or name the alias the SDK's resource class lists",
            );
        table.set(token, { type: entry.type });
    }
    for (const [token, type] of Object.entries(metadata.v7?.added?.tokens ?? {})) {
        if (table.has(token)) fail(`${file} v7.added["${token}"] = "${type}": already in renames.resources. Fix: remove the entry`);
        if (!sdkDeclaration(dir, token))
            fail(`${file} v7.added["${token}"] = "${type}": no such resource in the installed SDK. Fix: remove the entry`);
        table.set(token, { type });
    }
}

/**
 * The inputs the SDK's `<Type>Args` interface of a token types as string maps, or undefined when
 * the SDK has no such interface: a name can be a map in one resource and a block in another.
 */
function resourceMapInputs(dir, token) {
    const [, module, member, type] = /^[a-z0-9]+:([A-Za-z0-9]+)\/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$/.exec(token) ?? [];
    if (!module) return undefined;
    let text;
    try {
        text = readFileSync(path.join(dir, module, `${member}.d.ts`), "utf8");
    } catch {
        return undefined;
    }
    const body = new RegExp(`export interface ${type}Args \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1];
    if (body === undefined) return undefined;
    return [...body.matchAll(/^ {4}(\w+)\??: pulumi\.Input<\{\s*\n\s*\[key: string\]/gm)].map((m) => m[1]).sort();
}

/** Input names the SDK types as `{ [key: string]: ... }` (string maps), anywhere in its .d.ts files. */
function mapProperties(dir) {
    const names = new Set();
    const visit = (d) => {
        for (const entry of readdirSync(d)) {
            const p = path.join(d, entry);
            if (statSync(p).isDirectory()) {
                if (entry !== "node_modules") visit(p);
            } else if (entry.endsWith(".d.ts")) {
                const text = readFileSync(p, "utf8");
                for (const m of text.matchAll(/^\s+(\w+)\??: pulumi\.Input<\{\s*\n\s*\[key: string\]/gm)) names.add(m[1]);
            }
        }
    };
    visit(dir);
    return [...names].sort();
}

function sortedObject(entries) {
    return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const providers = {};
const resources = new Map();
const previous = args.keep?.length ? JSON.parse(readFileSync(out, "utf8")) : undefined;
for (const [name, provider] of Object.entries(PROVIDERS)) {
    const dir = sdkDir(provider.sdk);
    const version = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
    if (args.keep?.includes(name)) {
        const kept = previous.providers[name];
        if (kept?.sdk !== `${provider.sdk}@${version}`)
            fail(
                `--keep = ${name}: the committed table is for ${kept?.sdk ?? "no SDK"}, the installed SDK is ${provider.sdk}@${version}. Fix: pass --${name} <bridge-metadata.json>`,
            );
        providers[name] = kept;
        for (const [token, entry] of Object.entries(previous.resources)) if (token.startsWith(`${name}:`)) resources.set(token, entry);
        continue;
    }
    const given = args[name];
    const committed = !given && name === "aws";
    const { text, source } = given
        ? { text: readFileSync(path.resolve(given), "utf8"), source: args[`${name}-source`] ?? path.basename(given) }
        : committed
          ? { text: readFileSync(awsMetadataFile, "utf8"), source: "" }
          : downloadMetadata(name, provider, version);
    const metadata = JSON.parse(text);
    const table = resourcesOf(metadata);
    if (table.size === 0)
        fail(`${name} = ${source}: no renames.resources or auto-aliasing.resources. Fix: pass the provider's bridge-metadata.json`);
    if (committed) applyV7(table, metadata, dir);
    const recorded = committed
        ? `${metadata.source.repository} commit ${metadata.source.commit}, ${metadata.source.path} ${metadata.source.object} ` +
          `(${path.relative(root, awsMetadataFile)}, with its v7 renamed and added tokens)`
        : source;
    const platformTokens = new Set(provider.tokens);
    for (const [token, entry] of table) {
        // Field shapes and map inputs only for the tokens the platform creates: they are what the export converts.
        const fields = platformTokens.has(token) && entry.fields ? entry.fields : undefined;
        const mapInputs = platformTokens.has(token) ? resourceMapInputs(dir, token) : undefined;
        resources.set(token, { type: entry.type, ...(fields ? { fields } : {}), ...(mapInputs ? { mapInputs } : {}) });
    }
    providers[name] = {
        sdk: `${provider.sdk}@${version}`,
        metadata: recorded,
        tokens: table.size,
        mapProperties: mapProperties(dir),
    };
}

const document = {
    generatedBy: "node packages/automation/scripts/terraform-types.mjs (do not edit by hand)",
    providers,
    resources: sortedObject(resources),
};
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`terraform-types: wrote ${path.relative(root, out)} (${resources.size} tokens)`);
