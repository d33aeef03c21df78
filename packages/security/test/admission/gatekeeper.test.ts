import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { findGoTool } from "@platform/synth";
import {
    constraint,
    constraintTemplate,
    EXEMPT_NAMESPACES,
    GATEKEEPER_RULES,
    REGO_DIR,
    REPLICATED_KINDS,
    WORKLOAD_KINDS,
} from "../../src/index.js";

const settings = { trustedRegistries: ["*.dkr.ecr.*.amazonaws.com", "ghcr.io"], minReplicas: 2 };

describe("Gatekeeper rules", () => {
    it("ten rules, one template kind each, library kinds where the library has one", () => {
        assert.deepEqual(
            GATEKEEPER_RULES.map((r) => [r.policy, r.kind, r.library]),
            [
                ["kubernetes-no-privileged", "K8sPSPPrivilegedContainer", true],
                ["kubernetes-run-as-non-root", "K8sPSPAllowedUsers", true],
                ["kubernetes-resources-required", "K8sRequiredResources", true],
                ["kubernetes-no-latest-tag", "K8sDisallowedTags", true],
                ["kubernetes-trusted-registries", "K8sAllowedRepos", true],
                ["kubernetes-no-host-namespaces", "K8sPSPHostNamespace", true],
                ["kubernetes-required-labels", "K8sRequiredLabels", true],
                ["kubernetes-read-only-root-fs", "K8sPSPReadOnlyRootFilesystem", true],
                ["kubernetes-min-replicas-prod", "K8sPlatformMinReplicas", false],
                ["kubernetes-image-pull-policy", "K8sPlatformImagePullPolicy", false],
            ],
        );
    });

    it("each template carries its own Rego module (package = template name) and the shared library", () => {
        const files = readdirSync(path.join(REGO_DIR, "templates")).sort();
        assert.deepEqual(files, GATEKEEPER_RULES.map((r) => `${r.kind.toLowerCase()}.rego`).sort(), "one module per rule, nothing else");
        const lib = readFileSync(path.join(REGO_DIR, "lib", "platform.rego"), "utf8");
        for (const rule of GATEKEEPER_RULES) {
            const t = constraintTemplate(rule) as {
                metadata: { name: string; annotations: Record<string, string> };
                spec: { crd: unknown; targets: { target: string; rego: string; libs: string[] }[] };
            };
            assert.equal(t.metadata.name, rule.kind.toLowerCase());
            assert.deepEqual(t.metadata.annotations, { "platform.local/crossguard-policy": rule.policy });
            assert.deepEqual(t.spec.crd, { spec: { names: { kind: rule.kind } } });
            assert.equal(t.spec.targets.length, 1);
            assert.equal(t.spec.targets[0]?.target, "admission.k8s.gatekeeper.sh");
            assert.match(t.spec.targets[0]?.rego ?? "", new RegExp(`^package ${rule.kind.toLowerCase()}\\n`));
            assert.match(t.spec.targets[0]?.rego ?? "", /violation\[\{"msg": msg\}\]/);
            assert.deepEqual(t.spec.targets[0]?.libs, [lib]);
        }
    });

    it("constraints deny, match the workload kinds outside kube-system and gatekeeper-system, with the environment's parameters", () => {
        const byKind = Object.fromEntries(GATEKEEPER_RULES.map((r) => [r.kind, constraint(r, settings)])) as Record<
            string,
            { metadata: { name: string }; spec: Record<string, unknown> }
        >;
        assert.deepEqual(byKind["K8sAllowedRepos"], {
            apiVersion: "constraints.gatekeeper.sh/v1beta1",
            kind: "K8sAllowedRepos",
            metadata: { name: "platform-trusted-registries" },
            spec: {
                enforcementAction: "deny",
                match: { kinds: WORKLOAD_KINDS, excludedNamespaces: ["kube-system", "gatekeeper-system"] },
                parameters: { registries: ["*.dkr.ecr.*.amazonaws.com", "ghcr.io"] },
            },
        });
        assert.deepEqual(byKind["K8sPlatformMinReplicas"]?.spec, {
            enforcementAction: "deny",
            match: { kinds: REPLICATED_KINDS, excludedNamespaces: [...EXEMPT_NAMESPACES] },
            parameters: { min: 2 },
        });
        assert.deepEqual(
            GATEKEEPER_RULES.map((r) => [r.kind, (constraint(r, settings) as { spec: { parameters?: unknown } }).spec.parameters ?? null]),
            [
                ["K8sPSPPrivilegedContainer", null],
                ["K8sPSPAllowedUsers", null],
                ["K8sRequiredResources", { kinds: ["requests", "limits"], resources: ["cpu", "memory"] }],
                ["K8sDisallowedTags", { tags: ["latest"] }],
                ["K8sAllowedRepos", { registries: ["*.dkr.ecr.*.amazonaws.com", "ghcr.io"] }],
                ["K8sPSPHostNamespace", null],
                ["K8sRequiredLabels", { labels: ["app", "version", "environment", "team"] }],
                ["K8sPSPReadOnlyRootFilesystem", null],
                ["K8sPlatformMinReplicas", { min: 2 }],
                ["K8sPlatformImagePullPolicy", { allowed: ["Always", "IfNotPresent", "Never"] }],
            ],
        );
    });

    describe("opa test (the pinned tools/opa build)", () => {
        it("every template allows the compliant workload and denies each fault: 21 Rego tests pass", function () {
            const opa = findGoTool("opa");
            if (opa === undefined) this.skip();
            const out = execFileSync(opa, ["test", "--v0-compatible", "--format", "json", REGO_DIR], { encoding: "utf8" });
            const results = JSON.parse(out) as { name: string; fail?: boolean }[];
            assert.equal(results.length, 21);
            assert.deepEqual(
                results.filter((r) => r.fail === true).map((r) => r.name),
                [],
            );
            assert.equal(results.filter((r) => /_denies_/.test(r.name)).length, 10, "a deny case per template");
        });

        it("a template weakened to allow everything fails its deny test", function () {
            const opa = findGoTool("opa");
            if (opa === undefined) this.skip();
            const dir = mkdtempSync(path.join(tmpdir(), "rego-"));
            try {
                cpSync(REGO_DIR, dir, { recursive: true });
                writeFileSync(
                    path.join(dir, "templates", "k8spspprivilegedcontainer.rego"),
                    'package k8spspprivilegedcontainer\n\nviolation[{"msg": msg}] {\n\tfalse\n\tmsg := ""\n}\n',
                );
                const run = spawnSync(opa, ["test", "--v0-compatible", dir], { encoding: "utf8" });
                assert.notEqual(run.status, 0);
                assert.match(run.stdout, /data\.templates_test\.test_privileged_denies_privileged: FAIL/);
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });
    });
});
