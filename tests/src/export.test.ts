import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import {
    isKubernetesObject,
    isPlanResource,
    loadTerraformTypes,
    missingTerraformTypes,
    TERRAFORM_TYPES_FIX,
    type TerraformPlan,
} from "@platform/automation";
import { AWS_TYPES, GCP_TYPES } from "@platform/facts";
import { ENVIRONMENTS, exportedEnvironment } from "./exports.js";
import { REPO_ROOT } from "./paths.js";

describe("export: the Terraform type table covers the platform", () => {
    it("has an entry for every aws and gcp token of @platform/facts", () => {
        const missing = missingTerraformTypes([...Object.values(AWS_TYPES), ...Object.values(GCP_TYPES)]);
        assert.deepEqual(missing, [], `no Terraform type for ${missing.join(", ")}. Fix: rerun ${TERRAFORM_TYPES_FIX}`);
    });

    it("was generated for the installed provider SDKs, is sorted, and maps aws tokens to aws_* and gcp tokens to google_* types", () => {
        const table = loadTerraformTypes();
        const facts = createRequire(path.join(REPO_ROOT, "packages", "facts", "package.json"));
        for (const [name, pkg] of [
            ["aws", "@pulumi/aws"],
            ["gcp", "@pulumi/gcp"],
        ] as const) {
            const version = (JSON.parse(readFileSync(facts.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
            assert.equal(
                table.providers[name]?.sdk,
                `${pkg}@${version}`,
                `the table is for another ${pkg}. Fix: rerun ${TERRAFORM_TYPES_FIX}`,
            );
        }
        const tokens = Object.keys(table.resources);
        assert.deepEqual(tokens, [...tokens].sort());
        assert.deepEqual(
            Object.entries(table.resources)
                .filter(([token, { type }]) => !(token.startsWith("aws:") ? /^aws_[a-z0-9_]+$/ : /^google_[a-z0-9_]+$/).test(type))
                .map(([token]) => token),
            [],
        );
        assert.equal(table.resources["aws:rds/instance:Instance"]?.type, "aws_db_instance");
        assert.equal(table.resources["gcp:container/cluster:Cluster"]?.type, "google_container_cluster");
        assert.equal(table.resources["gcp:compute/firewall:Firewall"]?.fields?.["allow"]?.maxItemsOne, false);
    });

    it("reports a token it lacks by name", () => {
        assert.deepEqual(missingTerraformTypes(["aws:nope/thing:Thing", "gcp:nope/thing:Thing", "random:index/x:X", "aws:ec2/vpc:Vpc"]), [
            "aws:nope/thing:Thing",
            "gcp:nope/thing:Thing",
        ]);
    });

    for (const env of ENVIRONMENTS) {
        it(`${env}: every aws and gcp type in the synthesized inventory has an entry`, async () => {
            const { synthesis } = await exportedEnvironment(env);
            const types = synthesis.stacks.flatMap((s) => s.resources.map((r) => r.type));
            assert.ok(
                types.some((t) => t.startsWith("aws:") || t.startsWith("gcp:")),
                "the inventory has cloud resources",
            );
            const missing = missingTerraformTypes(types);
            assert.deepEqual(missing, [], `no Terraform type for ${missing.join(", ")}. Fix: rerun ${TERRAFORM_TYPES_FIX}`);
        });
    }
});

describe("export: every environment as plan JSON and manifests", () => {
    for (const env of ENVIRONMENTS) {
        it(`${env}: one plan per stack project holding exactly its aws and gcp resources, and one manifest per Kubernetes object`, async () => {
            const { synthesis, dir, stacks } = await exportedEnvironment(env);
            assert.deepEqual(
                stacks.map((s) => s.project),
                synthesis.stacks.map((s) => s.project),
            );
            assert.deepEqual(readdirSync(dir).sort(), synthesis.stacks.map((s) => s.project).sort());
            for (const stack of synthesis.stacks) {
                const plan = JSON.parse(readFileSync(path.join(dir, stack.project, "tfplan.json"), "utf8")) as TerraformPlan;
                const cloud = stack.resources.filter(isPlanResource);
                assert.equal(plan.planned_values.root_module.resources.length, cloud.length, `${env}/${stack.project} plan resources`);
                assert.equal(plan.configuration.root_module.resources.length, cloud.length);
                assert.equal(
                    new Set(plan.planned_values.root_module.resources.map((r) => r.address)).size,
                    cloud.length,
                    "addresses are unique",
                );
                const objects = stack.resources.filter(isKubernetesObject).length;
                const exported = stacks.find((s) => s.project === stack.project);
                assert.equal(exported?.manifestFiles.length, objects, `${env}/${stack.project} manifests`);
            }
        });
    }

    it("policies/checkov-checks.json lists exactly the Terraform types of the four exports (else rerun node scripts/checkov-checks.mjs)", async () => {
        const types = new Set<string>();
        for (const env of ENVIRONMENTS) {
            const { dir, stacks } = await exportedEnvironment(env);
            for (const stack of stacks) {
                const plan = JSON.parse(readFileSync(path.join(dir, stack.project, "tfplan.json"), "utf8")) as TerraformPlan;
                plan.planned_values.root_module.resources.forEach((r) => types.add(r.type));
            }
        }
        const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "policies", "checkov-checks.json"), "utf8")) as {
            platformTypes: string[];
        };
        assert.deepEqual(committed.platformTypes, [...types].sort());
    });

    it("prod: the flow log references its VPC and log group, as Checkov's connection checks need", async () => {
        const { dir } = await exportedEnvironment("prod");
        const plan = JSON.parse(readFileSync(path.join(dir, "foundation", "tfplan.json"), "utf8")) as TerraformPlan;
        const flowLog = plan.configuration.root_module.resources.find((r) => r.type === "aws_flow_log");
        assert.deepEqual(flowLog?.expressions["vpc_id"], { references: ["aws_vpc.network-vpc.id", "aws_vpc.network-vpc"] });
    });
});
