import * as assert from "node:assert/strict";
import { discoverProjects, readStackConfig, stackConfigPath } from "@platform/automation";
import { cidrsOverlap, ENVIRONMENTS, isProductionEnvironment, parseCidr, parsePlatformConfig } from "@platform/core";
import { isProductionEnvironment as policyTreatsAsProduction } from "@platform/policy-kit";
import { existsSync } from "node:fs";
import { REPO_ROOT } from "./paths.js";

/** Raw `platform:` values of a stack file, decoded the way the engine would hand them over. */
function platformValues(values: Record<string, string>): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        if (key.startsWith("platform:")) {
            const name = key.slice("platform:".length);
            raw[name] = ["network", "dns", "profile"].includes(name) ? JSON.parse(value) : value;
        }
    }
    return raw;
}

describe("checked-in stack config", () => {
    const projects = discoverProjects(REPO_ROOT);

    it("the workspace has the foundation stack project and the root project", () => {
        assert.deepEqual(
            projects.map((p) => [p.name, p.isRoot]),
            [
                ["foundation", false],
                ["platform", true],
            ],
        );
    });

    it("the foundation stack has a config file for every environment", () => {
        const foundation = projects.find((p) => p.name === "foundation")!;
        assert.deepEqual(
            ENVIRONMENTS.filter((env) => existsSync(stackConfigPath(foundation, env))),
            [...ENVIRONMENTS],
        );
    });

    it("every stack file validates and names its own environment", () => {
        for (const project of projects) {
            for (const env of ENVIRONMENTS) {
                if (!existsSync(stackConfigPath(project, env))) {
                    continue;
                }
                const settings = parsePlatformConfig(platformValues(readStackConfig(project, env).values));
                assert.equal(settings.environment, env, `${project.name}/${env}`);
            }
        }
    });

    it("the environments' networks never overlap (peering, VPN and DR routing stay possible)", () => {
        const foundation = projects.find((p) => p.name === "foundation")!;
        const cidrs = ENVIRONMENTS.map(
            (env) => [env, parsePlatformConfig(platformValues(readStackConfig(foundation, env).values)).network.cidr] as const,
        );
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
    });

    it("the policies treat exactly the environments core calls production as production", () => {
        assert.deepEqual(ENVIRONMENTS.map(policyTreatsAsProduction), ENVIRONMENTS.map(isProductionEnvironment));
    });
});
