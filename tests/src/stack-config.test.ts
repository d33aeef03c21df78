import * as assert from "node:assert/strict";
import { discoverProjects, readStackConfig } from "@platform/automation";
import { cidrsOverlap, ENVIRONMENTS, environmentNetworkIssues, parseCidr, parseStackConfig, type PlatformSettings } from "@platform/core";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./paths.js";

describe("checked-in stack config", () => {
    const projects = discoverProjects(REPO_ROOT);

    it("the workspace has the foundation, security, cluster, data and platform-addons stack projects, in layer order, and the root project", () => {
        assert.deepEqual(
            projects.map((p) => [p.name, p.isRoot]),
            [
                ["foundation", false],
                ["security", false],
                ["cluster", false],
                ["data", false],
                ["platform-addons", false],
                ["platform", true],
            ],
        );
    });

    it("every project reads the one shared config file per environment (environments/Pulumi.<env>.yaml)", () => {
        for (const project of projects) {
            assert.equal(project.configDir, path.join(REPO_ROOT, "environments"), project.name);
        }
        assert.deepEqual(
            ENVIRONMENTS.filter((env) => existsSync(path.join(REPO_ROOT, "environments", `Pulumi.${env}.yaml`))),
            [...ENVIRONMENTS],
        );
    });

    it("every stack file validates and names its own environment", () => {
        for (const project of projects) {
            for (const env of ENVIRONMENTS) {
                const settings = parseStackConfig(readStackConfig(project, env).values, project.name, { stack: env });
                assert.equal(settings.environment, env, `${project.name}/${env}`);
            }
        }
    });

    it("the environments' networks never overlap (peering, VPN and DR routing stay possible)", () => {
        const foundation = projects.find((p) => p.name === "foundation")!;
        const settings = ENVIRONMENTS.map((env) => parseStackConfig(readStackConfig(foundation, env).values, foundation.name));
        const cidrs = settings.map((s) => [s.environment, s.network.cidr] as const);
        assert.deepEqual(cidrs, [
            ["dev", "10.10.0.0/16"],
            ["staging", "10.20.0.0/16"],
            ["prod", "10.30.0.0/16"],
            ["dr", "10.40.0.0/16"],
        ]);
        for (const [a, x] of cidrs) {
            for (const [b, y] of cidrs) {
                assert.ok(a === b || !cidrsOverlap(parseCidr(x), parseCidr(y)), `${a} and ${b} overlap`);
            }
        }
        assert.deepEqual(environmentNetworkIssues(settings), []);
    });

    it("environmentNetworkIssues names both environments' files when two overlap", () => {
        const foundation = projects.find((p) => p.name === "foundation")!;
        const settings: PlatformSettings[] = ENVIRONMENTS.map((env) =>
            parseStackConfig(readStackConfig(foundation, env).values, foundation.name),
        );
        const clash = settings.map((s) => (s.environment === "dr" ? { ...s, network: { ...s.network, cidr: "10.30.128.0/17" } } : s));
        assert.deepEqual(environmentNetworkIssues(clash), [
            {
                field: "environments/Pulumi.dr.yaml platform:network.cidr",
                value: "10.30.128.0/17",
                problem: "overlaps environments/Pulumi.prod.yaml platform:network.cidr (10.30.0.0/16)",
                fix: "choose non-overlapping blocks so routing and peering stay unambiguous",
            },
        ]);
    });
});
