import * as assert from "node:assert/strict";
import * as path from "node:path";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadTerraformTypes, planAddresses, POLICY_PACKS, type StackSynthesis, writeExport } from "@platform/automation";
import { evaluatePack } from "@platform/policy-kit/harness";
import type { InventoryResource } from "@platform/synth";
import {
    type CheckovFailure,
    type CheckovResults,
    checkovFailures,
    checkovList,
    checkovResults,
    findCheckov,
    parseCheckovList,
} from "./checkov/checkov.js";
import {
    type CheckovException,
    EXCEPTIONS_FILE,
    exceptionFor,
    flaggedByPolicies,
    loadExceptions,
    loadNotEvaluated,
    twinPolicies,
    uncoveredMessage,
    whereFailed,
} from "./checkov/parity.js";
import { ENVIRONMENTS, exportedEnvironment } from "./exports.js";
import { REPO_ROOT } from "./paths.js";

const failure = (check_id: string, resource: string, file_path = "/prod/foundation/tfplan.json"): CheckovFailure => ({
    check_id,
    check_name: `name of ${check_id}`,
    resource,
    file_path,
});

describe("Checkov parity: the rules", () => {
    const exceptions: CheckovException[] = [
        { check: "CKV_AWS_1", reason: "everywhere" },
        { check: "CKV_AWS_2", resources: ["aws_s3_bucket.*-replica"], reason: "replicas" },
        { check: "CKV_AWS_3", environments: ["dev"], reason: "dev only" },
    ];

    it("matches an exception by check, address pattern and environment", () => {
        assert.equal(exceptionFor(exceptions, "prod", failure("CKV_AWS_1", "aws_vpc.a"))?.reason, "everywhere");
        assert.equal(exceptionFor(exceptions, "prod", failure("CKV_AWS_2", "aws_s3_bucket.backups-replica"))?.reason, "replicas");
        assert.equal(exceptionFor(exceptions, "prod", failure("CKV_AWS_2", "aws_s3_bucket.backups")), undefined);
        assert.equal(exceptionFor(exceptions, "dev", failure("CKV_AWS_3", "aws_vpc.a"))?.reason, "dev only");
        assert.equal(exceptionFor(exceptions, "prod", failure("CKV_AWS_3", "aws_vpc.a")), undefined);
        assert.equal(exceptionFor(exceptions, "prod", failure("CKV_AWS_4", "aws_vpc.a")), undefined);
    });

    it("reads the environment and stack from the plan path", () => {
        assert.deepEqual(whereFailed(failure("CKV_AWS_1", "x", "/tmp/platform-export-1/dr/data/tfplan.json")), {
            env: "dr",
            stack: "data",
        });
    });

    it("names the check, the resource and a hint, with or without a twin policy", () => {
        assert.equal(
            uncoveredMessage(failure("CKV_AWS_7", "aws_kms_key.logs"), ["aws-kms-rotation"]),
            "CKV_AWS_7 (name of CKV_AWS_7) fails on prod/foundation aws_kms_key.logs. Hint: its twin aws-kms-rotation passes this resource: " +
                `make the policy as strict as the check (or fix the export), or list it in ${EXCEPTIONS_FILE} with the reason`,
        );
        assert.match(uncoveredMessage(failure("CKV_AWS_999", "aws_vpc.a"), []), /no policy names CKV_AWS_999 as its peer/);
    });

    it("parses checkov --list rows, skipping the header and the separator", () => {
        const text = [
            "|      | Id | Type | Entity | Policy | IaC | Resource Link |",
            "|------|----|------|--------|--------|-----|---------------|",
            "|    0 | CKV_AWS_7 | resource | aws_kms_key | Ensure rotation for customer created CMKs is enabled | Terraform | https://x |",
            "|    1 | CKV2_AWS_11 | resource | aws_vpc | Ensure VPC flow logging is enabled in all VPCs | Terraform | https://y |",
        ].join("\n");
        assert.deepEqual(parseCheckovList(text), [
            { id: "CKV_AWS_7", kind: "resource", entity: "aws_kms_key", title: "Ensure rotation for customer created CMKs is enabled" },
            { id: "CKV2_AWS_11", kind: "resource", entity: "aws_vpc", title: "Ensure VPC flow logging is enabled in all VPCs" },
        ]);
    });

    it("knows the twins the policies name", () => {
        const twins = twinPolicies();
        assert.deepEqual(twins.get("CKV_AWS_7"), ["aws-kms-rotation"]);
        assert.equal(twins.get("CKV_AWS_999"), undefined);
    });

    it("every exception names a check and a reason", () => {
        for (const e of loadExceptions(REPO_ROOT)) {
            assert.match(e.check, /^CKV2?_[A-Z0-9]+_\d+$/, JSON.stringify(e));
            assert.ok(e.reason.trim().length >= 20, `${e.check}: give the reason in a sentence`);
        }
    });
});

describe("Checkov parity: policies/checkov-checks.json is Checkov's own list", function () {
    this.timeout(300_000);

    it("names the pinned version and exactly the checks the installed Checkov lists for the platform's types (else rerun node scripts/checkov-checks.mjs)", async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "policies", "checkov-checks.json"), "utf8")) as {
            checkov: string;
            platformTypes: string[];
            checks: Array<{ id: string; types: string[] }>;
        };
        const pinned = /^CHECKOV_VERSION="([^"]+)"/m.exec(readFileSync(path.join(REPO_ROOT, "scripts", "checkov-setup.sh"), "utf8"))?.[1];
        assert.equal(committed.checkov, pinned);
        const wanted = new Set(committed.platformTypes);
        const listed = new Map<string, Set<string>>();
        for (const row of await checkovList(checkov)) {
            if (row.kind === "resource" && wanted.has(row.entity)) listed.set(row.id, (listed.get(row.id) ?? new Set()).add(row.entity));
        }
        assert.deepEqual(
            Object.fromEntries(committed.checks.map((c) => [c.id, [...c.types].sort()]).sort()),
            Object.fromEntries([...listed].map(([id, types]) => [id, [...types].sort()]).sort()),
        );
    });
});

describe("Checkov parity: every environment's export (Checkov from bash scripts/checkov-setup.sh)", function () {
    this.timeout(900_000);

    /** One Checkov run over the four exports, shared by the tests below. */
    let scanned: Promise<CheckovResults> | undefined;
    const scan = (checkov: string): Promise<CheckovResults> => {
        scanned ??= (async () => {
            const exports = await Promise.all(ENVIRONMENTS.map((env) => exportedEnvironment(env)));
            const started = Date.now();
            const results = await checkovResults(checkov, path.dirname(exports[0].dir));
            console.log(
                `    checkov scanned ${ENVIRONMENTS.length} environments in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
                    `${results.failed.length} failed, ${results.passed.length} passed checks`,
            );
            return results;
        })();
        return scanned;
    };

    it("the checks checkov-checks.json records as evaluated are exactly those Checkov passes or fails on some resource (else rerun node scripts/checkov-checks.mjs), and every other one says why in checkov-not-evaluated.yaml", async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const { failed, passed } = await scan(checkov);
        const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "policies", "checkov-checks.json"), "utf8")) as {
            checks: Array<{ id: string; evaluated: boolean }>;
        };
        const ran = new Set([...failed, ...passed].map((r) => r.check_id));
        assert.deepEqual(
            committed.checks.filter((c) => c.evaluated).map((c) => c.id),
            committed.checks.filter((c) => ran.has(c.id)).map((c) => c.id),
        );
        const never = committed.checks.filter((c) => !ran.has(c.id)).map((c) => c.id);
        assert.deepEqual(Object.keys(loadNotEvaluated(REPO_ROOT)).sort(), [...never].sort());
    });

    it("every check Checkov fails is flagged by a twin policy or a documented exception, and every exception is used", async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const exports = await Promise.all(ENVIRONMENTS.map((env) => exportedEnvironment(env)));
        const failures = (await scan(checkov)).failed;
        const flagged = new Set(exports.flatMap((e) => [...flaggedByPolicies(e.synthesis)]));
        const twins = twinPolicies();
        const exceptions = loadExceptions(REPO_ROOT);
        const used = new Set<CheckovException>();
        const uncovered: string[] = [];
        for (const f of failures) {
            const { env } = whereFailed(f);
            if (flagged.has(`${env} ${f.resource} ${f.check_id}`) || flagged.has(`${env} * ${f.check_id}`)) continue;
            const exception = exceptionFor(exceptions, env, f);
            if (exception !== undefined) {
                used.add(exception);
                continue;
            }
            uncovered.push(uncoveredMessage(f, twins.get(f.check_id) ?? []));
        }
        assert.deepEqual([...new Set(uncovered)].sort(), []);
        const unused = exceptions.filter((e) => !used.has(e)).map((e) => `${e.check} ${(e.resources ?? ["*"]).join(",")}`);
        assert.deepEqual(unused, [], `exceptions in ${EXCEPTIONS_FILE} that no Checkov failure needs any more: remove them`);
    });
});

describe("Checkov parity: the export is faithful (flip the input that matters, Checkov's verdict flips)", function () {
    this.timeout(600_000);

    it("prod: key rotation off fails CKV_AWS_7, SSH from 0.0.0.0/0 fails CKV_AWS_24, a VPC without its flow log fails CKV2_AWS_11", async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const { synthesis } = await exportedEnvironment("prod");
        const table = loadTerraformTypes();
        const stacks = synthesis.stacks.filter((s) => s.project === "foundation" || s.project === "cluster");
        const addressOf = (r: InventoryResource, stack: StackSynthesis): string => {
            const address = planAddresses(stack.resources, table).get(r.urn)?.address;
            assert.ok(address, r.urn);
            return address;
        };
        const foundation = stacks.find((s) => s.project === "foundation");
        const cluster = stacks.find((s) => s.project === "cluster");
        assert.ok(foundation && cluster);
        const key = foundation.resources.find(
            (r) => r.type === "aws:kms/key:Key" && r.inputs["enableKeyRotation"] === true && r.inputs["keySpec"] === undefined,
        );
        const group = cluster.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
        const vpc = foundation.resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
        assert.ok(key && group && vpc, "a rotating symmetric key, a security group and a VPC");
        const flips: Array<[string, string]> = [
            ["CKV_AWS_7", addressOf(key, foundation)],
            ["CKV_AWS_24", addressOf(group, cluster)],
            ["CKV2_AWS_11", addressOf(vpc, foundation)],
        ];
        const sshFromAnywhere = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] };
        const flipped: StackSynthesis[] = [
            {
                ...foundation,
                resources: foundation.resources
                    .filter((r) => r.type !== "aws:ec2/flowLog:FlowLog")
                    .map((r) => (r.urn === key.urn ? { ...r, inputs: { ...r.inputs, enableKeyRotation: false } } : r)),
            },
            {
                ...cluster,
                resources: cluster.resources.map((r) =>
                    r.urn === group.urn
                        ? {
                              ...r,
                              inputs: {
                                  ...r.inputs,
                                  ingress: [...((r.inputs["ingress"] as unknown[] | undefined) ?? []), sshFromAnywhere],
                              },
                          }
                        : r,
                ),
            },
        ];
        const dir = mkdtempSync(path.join(tmpdir(), "platform-flip-"));
        try {
            writeExport(stacks, path.join(dir, "baseline"));
            writeExport(flipped, path.join(dir, "flipped"));
            const failures = await checkovFailures(checkov, dir);
            const failed = (side: string): Set<string> =>
                new Set(failures.filter((f) => f.file_path.split("/").includes(side)).map((f) => `${f.check_id} ${f.resource}`));
            const before = failed("baseline");
            const after = failed("flipped");
            assert.deepEqual(
                flips.map(([id, address]) => [id, address, before.has(`${id} ${address}`), after.has(`${id} ${address}`)]),
                flips.map(([id, address]) => [id, address, false, true]),
            );
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

/** One input change that must flip a Checkov check and its CrossGuard twin on the same resource. */
interface TwinFlip {
    readonly env: string;
    readonly project: string;
    readonly check: string;
    readonly policy: string;
    readonly pick: (r: InventoryResource) => boolean;
    readonly change: (inputs: Record<string, unknown>) => Record<string, unknown>;
}

const record = (value: unknown): Record<string, unknown> =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** The object without one key (absent, not null: the export writes null for an unset value). */
const without = (value: Record<string, unknown>, key: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

/** An identity policy document with the given statements, as the inputs carry it (a JSON string). */
const policyDocument = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const TWIN_FLIPS: readonly TwinFlip[] = [
    {
        env: "prod",
        project: "data",
        check: "CKV2_AWS_60",
        policy: "aws-rds-copy-tags-to-snapshot",
        pick: (r) => r.type === "aws:rds/instance:Instance" && r.inputs["replicateSourceDb"] === undefined,
        change: (i) => ({ ...i, copyTagsToSnapshot: false }),
    },
    {
        env: "prod",
        project: "data",
        check: "CKV_AWS_207",
        policy: "aws-mq-auto-minor-upgrade",
        pick: (r) => r.type === "aws:mq/broker:Broker",
        change: (i) => ({ ...i, autoMinorVersionUpgrade: false }),
    },
    {
        env: "prod",
        project: "data",
        check: "CKV2_AWS_73",
        policy: "aws-sqs-encrypted",
        pick: (r) => r.type === "aws:sqs/queue:Queue",
        change: (i) => ({ ...i, kmsMasterKeyId: "alias/aws/sqs" }),
    },
    {
        env: "prod",
        project: "data",
        check: "CKV_AWS_53",
        policy: "aws-s3-public-access-block",
        pick: (r) => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        change: (i) => ({ ...i, blockPublicAcls: false }),
    },
    {
        env: "prod",
        project: "platform-addons",
        check: "CKV_AWS_261",
        policy: "aws-lb-target-group-health-check",
        pick: (r) => r.type === "aws:lb/targetGroup:TargetGroup",
        change: (i) => ({ ...i, healthCheck: without(record(i["healthCheck"]), "path") }),
    },
    {
        env: "prod",
        project: "platform-addons",
        check: "CKV_AWS_234",
        policy: "aws-acm-certificate-transparency",
        pick: (r) => r.type === "aws:acm/certificate:Certificate",
        change: (i) => ({ ...i, options: { certificateTransparencyLoggingPreference: "DISABLED" } }),
    },
    {
        env: "prod",
        project: "security",
        check: "CKV2_AWS_10",
        policy: "aws-cloudtrail-cloudwatch-logs",
        pick: (r) => r.type === "aws:cloudtrail/trail:Trail",
        change: (i) => without(without(i, "cloudWatchLogsGroupArn"), "cloudWatchLogsRoleArn"),
    },
    {
        env: "prod",
        project: "security",
        check: "CKV_AWS_289",
        policy: "aws-iam-no-unscoped-permissions-management",
        pick: (r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name.endsWith("trail-events"),
        change: (i) => ({ ...i, policy: policyDocument({ Effect: "Allow", Action: "s3:PutBucketPolicy", Resource: "*" }) }),
    },
    {
        env: "prod",
        project: "foundation",
        check: "CKV_AWS_286",
        policy: "aws-iam-no-privilege-escalation",
        pick: (r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name.endsWith("flow-logs"),
        change: (i) => ({ ...i, policy: policyDocument({ Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" }) }),
    },
    {
        env: "dr",
        project: "data",
        check: "CKV_GCP_51",
        policy: "gcp-cloudsql-postgres-logging",
        pick: (r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance" && r.inputs["masterInstanceName"] === undefined,
        change: (i) => {
            const settings = record(i["settings"]);
            const flags = (settings["databaseFlags"] as Array<{ name: string; value: string }> | undefined) ?? [];
            return {
                ...i,
                settings: { ...settings, databaseFlags: flags.map((f) => (f.name === "log_checkpoints" ? { ...f, value: "off" } : f)) },
            };
        },
    },
    {
        env: "dr",
        project: "foundation",
        check: "CKV_GCP_106",
        policy: "gcp-firewall-no-public-ingress",
        pick: (r) => r.type === "gcp:compute/firewall:Firewall" && JSON.stringify(r.inputs["allows"] ?? []).includes('"80"'),
        change: (i) => ({ ...i, sourceRanges: ["0.0.0.0/0"] }),
    },
    {
        env: "dr",
        project: "cluster",
        check: "CKV_GCP_9",
        policy: "gcp-gke-node-auto-repair-upgrade",
        pick: (r) => r.type === "gcp:container/nodePool:NodePool",
        change: (i) => ({ ...i, management: { ...record(i["management"]), autoRepair: false } }),
    },
];

describe("Checkov parity: twins are faithful (the same input change flips Checkov's check and its twin policy on the same resource)", function () {
    this.timeout(900_000);

    it(TWIN_FLIPS.map((f) => `${f.check} / ${f.policy}`).join(", "), async function () {
        const checkov = findCheckov();
        if (checkov === undefined) {
            this.skip();
        }
        const table = loadTerraformTypes();
        const dir = mkdtempSync(path.join(tmpdir(), "platform-twin-flip-"));
        const rows: Array<[string, string, string, boolean, boolean, boolean, boolean]> = [];
        try {
            const cases: Array<{ flip: TwinFlip; urn: string; address: string; side: string }> = [];
            const flippedBy = new Map<string, { before: Set<string>; after: Set<string> }>();
            for (const env of [...new Set(TWIN_FLIPS.map((f) => f.env))]) {
                const { synthesis } = await exportedEnvironment(env);
                const flips = TWIN_FLIPS.filter((f) => f.env === env);
                const stacks = synthesis.stacks.filter((s) => flips.some((f) => f.project === s.project));
                const flipped = stacks.map((stack) => {
                    const mine = flips.filter((f) => f.project === stack.project);
                    const targets = new Map(mine.map((f) => [f, stack.resources.find(f.pick)]));
                    for (const [f, r] of targets) {
                        assert.ok(r, `${env}/${stack.project}: no resource for ${f.check}`);
                        const address = planAddresses(stack.resources, table).get(r.urn)?.address;
                        assert.ok(address, r.urn);
                        cases.push({ flip: f, urn: r.urn, address, side: env });
                    }
                    return {
                        ...stack,
                        resources: stack.resources.map((r) => {
                            const f = mine.find((m) => targets.get(m)?.urn === r.urn);
                            // Resource policies read the inputs, stack policies the state the cloud returned: change both.
                            return f === undefined ? r : { ...r, inputs: f.change(r.inputs), outputs: f.change(r.outputs) };
                        }),
                    };
                });
                writeExport(stacks, path.join(dir, env, "baseline"));
                writeExport(flipped, path.join(dir, env, "flipped"));
                const flagged = async (list: StackSynthesis[]): Promise<Set<string>> => {
                    const out = new Set<string>();
                    for (const stack of list) {
                        for (const pack of POLICY_PACKS) {
                            for (const v of await evaluatePack(pack, { resources: stack.resources })) out.add(`${v.policy} ${v.urn}`);
                        }
                    }
                    return out;
                };
                flippedBy.set(env, { before: await flagged(stacks), after: await flagged(flipped) });
            }
            const failures = await checkovFailures(checkov, dir);
            const failed = (env: string, side: string): Set<string> =>
                new Set(
                    failures
                        .filter((f) => {
                            const parts = f.file_path.split("/");
                            return parts.includes(env) && parts.includes(side);
                        })
                        .map((f) => `${f.check_id} ${f.resource}`),
                );
            for (const { flip, urn, address, side } of cases) {
                const policies = flippedBy.get(side);
                assert.ok(policies);
                rows.push([
                    flip.check,
                    flip.policy,
                    address,
                    failed(side, "baseline").has(`${flip.check} ${address}`),
                    failed(side, "flipped").has(`${flip.check} ${address}`),
                    policies.before.has(`${flip.policy} ${urn}`),
                    policies.after.has(`${flip.policy} ${urn}`),
                ]);
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
        // [check, policy, address, Checkov fails before, after, policy flags before, after]
        assert.deepEqual(
            rows,
            rows.map(([check, policy, address]) => [check, policy, address, false, true, false, true]),
        );
    });
});
