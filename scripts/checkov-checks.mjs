// Writes policies/checkov-checks.json: the Checkov checks that apply to the Terraform resource
// types the platform creates (the types of every environment's `platform export --format tfplan`),
// from the pinned Checkov's own list (`checkov --list --framework terraform`; the terraform_plan
// framework runs the terraform checks). policies/README.md's parity table is generated from it
// (pnpm policies:docs), and tests/src/checkov-parity.test.ts checks it against Checkov's list.
//
//   pnpm -s build && node scripts/checkov-checks.mjs      (needs bash scripts/checkov-setup.sh)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const automation = createRequire(path.join(root, "packages/automation/package.json"))("./dist/src/index.js");
const cache = process.env.PLATFORM_ENGINE_CACHE ?? path.join(os.homedir(), ".cache", "platform-engine");
const checkov = path.join(cache, "tools", "checkov", "bin", "checkov");
const version = readFileSync(path.join(root, "scripts/checkov-setup.sh"), "utf8").match(/^CHECKOV_VERSION="([^"]+)"/m)?.[1];

/** The Terraform types of every environment's export. */
async function platformTypes() {
    const table = automation.loadTerraformTypes();
    const types = new Set();
    for (const env of ["dev", "staging", "prod", "dr"]) {
        const synthesis = await automation.synthesizeEnvironment({ root, env, packs: [] });
        for (const stack of synthesis.stacks) {
            for (const { type } of automation.planAddresses(stack.resources, table).values()) types.add(type);
        }
    }
    return [...types].sort();
}

/** Rows of `checkov --list`: id, entity (resource type), title. */
function checkovList() {
    const text = execFileSync(checkov, ["--list", "--framework", "terraform", "--skip-download"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LOG_LEVEL: "ERROR" },
    });
    return parse(text);
}

function parse(text) {
    return text
        .split("\n")
        .filter((line) => /^\|\s*\d+\s*\|/.test(line))
        .map((line) => line.split("|").map((cell) => cell.trim()))
        .map((cells) => ({ id: cells[2], kind: cells[3], entity: cells[4], title: cells[5] }));
}

const types = await platformTypes();
const wanted = new Set(types);
const checks = new Map();
for (const row of checkovList()) {
    if (row.kind !== "resource" || !wanted.has(row.entity)) continue;
    const check = checks.get(row.id) ?? { id: row.id, title: row.title, types: [] };
    if (!check.types.includes(row.entity)) check.types.push(row.entity);
    checks.set(row.id, check);
}
const byId = (a, b) => {
    const key = (id) => id.replace(/\d+$/, (n) => n.padStart(5, "0"));
    return key(a.id) < key(b.id) ? -1 : key(a.id) > key(b.id) ? 1 : 0;
};
const document = {
    generatedBy: "node scripts/checkov-checks.mjs (do not edit by hand)",
    checkov: version,
    platformTypes: types,
    checks: [...checks.values()].map((c) => ({ ...c, types: c.types.sort() })).sort(byId),
};
const out = path.join(root, "policies/checkov-checks.json");
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`checkov-checks: wrote ${path.relative(root, out)} (${document.checks.length} checks over ${types.length} types)`);
