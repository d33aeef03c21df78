/**
 * The facts the GitHub workflows promise (README, "CI"): previews of every environment on pull
 * requests, deploys in the order dev -> staging -> prod with prod behind the `production` GitHub
 * environment, OIDC credentials and no stored keys, every third-party action pinned to a commit,
 * nightly drift on every environment, one deploy per environment at a time.
 */
import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { ENVIRONMENTS } from "@platform/core";
import { CI_VARIABLES } from "@platform/stack-security";
import { parse } from "yaml";
import { REPO_ROOT } from "./paths.js";

const WORKFLOWS = path.join(REPO_ROOT, ".github", "workflows");

/** `owner/repo[/path]@<40 hex> # vX.Y.Z`. */
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/;

type Yaml = Record<string, unknown>;

function record(value: unknown, what: string): Yaml {
    assert.ok(typeof value === "object" && value !== null && !Array.isArray(value), `${what}: a mapping`);
    return value as Yaml;
}

function workflow(file: string): Yaml {
    return record(parse(readFileSync(path.join(WORKFLOWS, file), "utf8")), file);
}

function jobs(file: string): Record<string, Yaml> {
    const all = record(workflow(file)["jobs"], `${file} jobs`);
    return Object.fromEntries(Object.entries(all).map(([name, job]) => [name, record(job, `${file} ${name}`)]));
}

function steps(job: Yaml): Yaml[] {
    assert.ok(Array.isArray(job["steps"]));
    return (job["steps"] as unknown[]).map((s, i) => record(s, `step ${i}`));
}

/** Every `uses:` in the workflows and the local actions, with its file. */
function allUses(): Array<{ file: string; uses: string; line: string }> {
    const files = [
        ...readdirSync(WORKFLOWS).map((f) => path.join(WORKFLOWS, f)),
        path.join(REPO_ROOT, ".github", "actions", "setup", "action.yml"),
    ];
    return files.flatMap((file) =>
        readFileSync(file, "utf8")
            .split("\n")
            .filter((line) => /^\s*(-\s+)?uses:/.test(line))
            .map((line) => ({ file: path.relative(REPO_ROOT, file), uses: line.replace(/^\s*(-\s+)?uses:\s*/, ""), line })),
    );
}

function matrixEnvironments(job: Yaml): string[] {
    const matrix = record(record(job["strategy"], "strategy")["matrix"], "matrix");
    const include = matrix["include"];
    const envs = Array.isArray(include) ? include.map((e) => record(e, "include")["env"]) : matrix["env"];
    assert.ok(Array.isArray(envs));
    return envs.map(String);
}

describe("GitHub workflows: what they promise", () => {
    it("there are exactly the preview, deploy and drift workflows", () => {
        assert.deepEqual(readdirSync(WORKFLOWS).sort(), ["deploy.yml", "drift.yml", "preview.yml"]);
    });

    it("pull requests: platform preview of exactly the registry's four environments, with a comment", () => {
        assert.deepEqual(Object.keys(record(workflow("preview.yml")["on"], "on")), ["pull_request"]);
        const { preview } = jobs("preview.yml");
        assert.deepEqual(matrixEnvironments(preview).sort(), [...ENVIRONMENTS].sort());
        const runs = steps(preview).map((s) => (typeof s["run"] === "string" ? s["run"] : ""));
        assert.equal(runs.filter((r) => r.includes('pnpm platform preview --env "$PLATFORM_ENV" --simulate')).length, 1);
        assert.equal(runs.filter((r) => r.includes("gh pr comment")).length, 1);
        assert.deepEqual(preview["permissions"], { contents: "read", "pull-requests": "write" });
    });

    it("main: deploy dev -> staging -> prod (-> dr) through needs; prod in the production environment", () => {
        assert.deepEqual(record(workflow("deploy.yml")["on"], "on"), { push: { branches: ["main"] } });
        const deploy = jobs("deploy.yml");
        assert.deepEqual(Object.keys(deploy), ["dev", "staging", "prod", "dr"]);
        assert.deepEqual(
            Object.entries(deploy).map(([name, job]) => [name, job["needs"], job["environment"]]),
            [
                ["dev", undefined, "dev"],
                ["staging", "dev", "staging"],
                ["prod", "staging", "production"],
                ["dr", "prod", "dr"],
            ],
        );
        for (const [name, job] of Object.entries(deploy)) {
            assert.deepEqual(job["permissions"], { contents: "read", "id-token": "write" }, name);
            assert.deepEqual(job["concurrency"], { group: `platform-${name}`, "cancel-in-progress": false }, name);
            assert.equal(steps(job).filter((s) => s["run"] === `pnpm platform up --env ${name}`).length, 1, name);
        }
    });

    /** Every `${{ vars.X }}` in a step's `with`. */
    function variablesOf(step: Yaml): string[] {
        return Object.values(record(step["with"], "with")).flatMap((v) =>
            [...String(v).matchAll(/\$\{\{ vars\.(\w+) \}\}/g)].map((m) => m[1] ?? ""),
        );
    }

    it("deploy credentials: the security layer's deploy identity from the environment's variables, never a name in the workflow", () => {
        const deploy = jobs("deploy.yml");
        for (const env of ["dev", "staging", "prod"]) {
            const aws = steps(deploy[env]).filter((s) => String(s["uses"]).startsWith("aws-actions/configure-aws-credentials@"));
            assert.equal(aws.length, 1, env);
            assert.deepEqual(record(aws[0]["with"], "with"), {
                "role-to-assume": "${{ vars.AWS_DEPLOY_ROLE_ARN }}",
                "role-session-name": `platform-deploy-${env}-\${{ github.run_id }}`,
                "aws-region": "${{ vars.AWS_REGION }}",
            });
            assert.deepEqual(
                variablesOf(aws[0]).filter((v) => v !== "AWS_REGION"),
                Object.keys(CI_VARIABLES.deploy.aws),
            );
        }
        const gcp = steps(deploy["dr"]).filter((s) => String(s["uses"]).startsWith("google-github-actions/auth@"));
        assert.equal(gcp.length, 1);
        assert.deepEqual(variablesOf(gcp[0]), Object.keys(CI_VARIABLES.deploy.gcp));
    });

    it("drift credentials: the read-only drift identity from the <env>-drift GitHub environment's variables", () => {
        const { drift } = jobs("drift.yml");
        const all = steps(drift);
        const aws = all.filter((s) => String(s["uses"]).startsWith("aws-actions/configure-aws-credentials@"));
        const gcp = all.filter((s) => String(s["uses"]).startsWith("google-github-actions/auth@"));
        assert.deepEqual([aws.length, gcp.length], [1, 1]);
        assert.deepEqual(
            variablesOf(aws[0]).filter((v) => v !== "AWS_REGION"),
            Object.keys(CI_VARIABLES.drift.aws),
        );
        assert.deepEqual(variablesOf(gcp[0]), Object.keys(CI_VARIABLES.drift.gcp));
        // The drift environments are the config's default drift environment names.
        assert.equal(drift["environment"], "${{ matrix.env }}-drift");
    });

    it("no project, account or region is written in any workflow: all come from variables", () => {
        for (const file of readdirSync(WORKFLOWS)) {
            const text = readFileSync(path.join(WORKFLOWS, file), "utf8");
            assert.doesNotMatch(text, /acme|arn:aws|\.iam\.gserviceaccount\.com|us-east-1|\d{12}/, file);
        }
    });

    it("nightly: platform drift on exactly the four environments, sharing the deploys' concurrency groups", () => {
        const on = record(workflow("drift.yml")["on"], "on");
        assert.deepEqual(on["schedule"], [{ cron: "17 4 * * *" }]);
        const { drift } = jobs("drift.yml");
        assert.deepEqual(matrixEnvironments(drift).sort(), [...ENVIRONMENTS].sort());
        assert.deepEqual(drift["permissions"], { contents: "read", "id-token": "write" });
        assert.deepEqual(drift["concurrency"], { group: "platform-${{ matrix.env }}", "cancel-in-progress": false });
        assert.equal(steps(drift).filter((s) => s["run"] === 'pnpm platform drift --env "$PLATFORM_ENV"').length, 1);
    });

    it("no long-lived keys anywhere: no AWS keys, no GCP JSON key, no secrets but the job token", () => {
        for (const file of readdirSync(WORKFLOWS)) {
            const text = readFileSync(path.join(WORKFLOWS, file), "utf8");
            assert.doesNotMatch(
                text,
                /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|credentials_json/i,
                file,
            );
            assert.doesNotMatch(text, /secrets\./, file);
        }
    });

    it("every action is local or pinned to a full commit SHA with its version in a comment", () => {
        const uses = allUses();
        // preview 2, deploy 4 x 3, drift 4, the setup action 2
        assert.equal(uses.length, 20);
        for (const u of uses) {
            assert.ok(u.uses === "./.github/actions/setup" || PINNED.test(u.uses), `${u.file}: ${u.line.trim()}`);
        }
        assert.equal(uses.filter((u) => u.uses === "./.github/actions/setup").length, 6);
    });

    it("the pin check fails on a tag or a short SHA (the pattern itself)", () => {
        assert.equal(PINNED.test("actions/checkout@v7"), false);
        assert.equal(PINNED.test("actions/checkout@3d3c42e # v7.0.1"), false);
        assert.equal(PINNED.test("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1"), false);
        assert.equal(PINNED.test("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"), true);
    });
});
