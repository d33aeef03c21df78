// Writes policies/checkov-checks.json: the Checkov checks that apply to the Terraform resource
// types the platform creates (the types of every environment's `platform export --format tfplan`),
// from the pinned Checkov's own list (`checkov --list --framework terraform`; the terraform_plan
// framework runs the terraform checks). policies/README.md's parity table is generated from it
// (pnpm policies:docs), and tests/src/checkov-parity.test.ts checks it against Checkov's list.
// Each check also records whether Checkov evaluates it (passes or fails it) on some resource of
// the four exports: the script writes the exports to a temporary folder and runs Checkov over them.
// Only evaluated checks count in the parity share; policies/checkov-not-evaluated.yaml says why
// each other one never runs, and the parity test runs Checkov again to keep both true.
//
//   pnpm -s build && node scripts/checkov-checks.mjs      (needs bash scripts/checkov-setup.sh)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const automation = createRequire(path.join(root, "packages/automation/package.json"))("./dist/src/index.js");
const cache = process.env.PLATFORM_ENGINE_CACHE ?? path.join(os.homedir(), ".cache", "platform-engine");
const checkov = path.join(cache, "tools", "checkov", "bin", "checkov");
const version = readFileSync(path.join(root, "scripts/checkov-setup.sh"), "utf8").match(/^CHECKOV_VERSION="([^"]+)"/m)?.[1];

/** The Terraform types of every environment's export, and the ids of the checks Checkov evaluates on them. */
async function platformExports() {
    const table = automation.loadTerraformTypes();
    const types = new Set();
    const dir = mkdtempSync(path.join(os.tmpdir(), "checkov-checks-"));
    try {
        for (const env of ["dev", "staging", "prod", "dr"]) {
            const synthesis = await automation.synthesizeEnvironment({ root, env, packs: [] });
            for (const stack of synthesis.stacks) {
                for (const { type } of automation.planAddresses(stack.resources, table).values()) types.add(type);
            }
            automation.writeExport(synthesis.stacks, path.join(dir, env));
        }
        return { types: [...types].sort(), evaluated: evaluatedChecks(dir) };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Ids of the checks Checkov passes or fails on some resource of the plans under `dir`. */
function evaluatedChecks(dir) {
    const args = ["-d", dir, "--framework", "terraform_plan", "-o", "json", "--skip-download", "--compact"];
    let stdout;
    try {
        stdout = execFileSync(checkov, args, {
            encoding: "utf8",
            maxBuffer: 256 * 1024 * 1024,
            env: { ...process.env, LOG_LEVEL: "ERROR" },
        });
    } catch (err) {
        // Checkov exits 1 when a check fails; its report is still on stdout.
        if (typeof err.stdout !== "string" || err.stdout.trim() === "") throw err;
        stdout = err.stdout;
    }
    const parsed = JSON.parse(stdout);
    const ids = new Set();
    for (const report of Array.isArray(parsed) ? parsed : [parsed]) {
        for (const c of [...(report.results?.passed_checks ?? []), ...(report.results?.failed_checks ?? [])]) ids.add(c.check_id);
    }
    return ids;
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

const { types, evaluated } = await platformExports();
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
    checks: [...checks.values()].map((c) => ({ ...c, types: c.types.sort(), evaluated: evaluated.has(c.id) })).sort(byId),
};
const out = path.join(root, "policies/checkov-checks.json");
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
const counted = document.checks.filter((c) => c.evaluated).length;
console.log(
    `checkov-checks: wrote ${path.relative(root, out)} (${document.checks.length} checks over ${types.length} types, ${counted} evaluated on the exports)`,
);
