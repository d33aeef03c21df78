import * as assert from "node:assert/strict";
import type { InventoryResource } from "@platform/synth";
import {
    isKubernetesObject,
    kubernetesManifest,
    manifestFileName,
    MissingTerraformTypeError,
    referencesTo,
    terraformPlan,
    terraformResourceName,
    type TerraformTypeTable,
} from "../src/index.js";

const TABLE: TerraformTypeTable = {
    generatedBy: "test",
    providers: { aws: { sdk: "@pulumi/aws@test", metadata: "test", tokens: 3, mapProperties: ["tags"] } },
    resources: {
        "aws:ec2/vpc:Vpc": { type: "aws_vpc" },
        "aws:ec2/flowLog:FlowLog": { type: "aws_flow_log" },
        "aws:cloudwatch/logGroup:LogGroup": { type: "aws_cloudwatch_log_group" },
    },
};

const STACK = "urn:pulumi:dev::foundation::pulumi:pulumi:Stack::foundation-dev";

function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<InventoryResource> = {}): InventoryResource {
    return {
        urn: `urn:pulumi:dev::foundation::${type}::${name}`,
        type,
        name,
        parent: STACK,
        protect: false,
        inputs,
        custom: true,
        provider: null,
        dependencies: [],
        propertyDependencies: {},
        retainOnDelete: false,
        deleteBeforeReplace: false,
        ignoreChanges: [],
        secretInputs: [],
        id: `${name}-id`,
        outputs: { ...inputs, arn: `arn:aws:${name}` },
        ...extra,
    };
}

const vpc = resource("aws:ec2/vpc:Vpc", "network-vpc", { cidrBlock: "10.0.0.0/16", tags: { Name: "vpc" } });
const logs = resource("aws:cloudwatch/logGroup:LogGroup", "flow-logs", { name: "/flow" });
const flowLog = resource(
    "aws:ec2/flowLog:FlowLog",
    "flow-log",
    { vpcId: "network-vpc-id", logDestination: "arn:aws:flow-logs", trafficType: "ALL" },
    { dependencies: [vpc.urn, logs.urn], propertyDependencies: { vpcId: [vpc.urn], logDestination: [logs.urn], trafficType: [] } },
);
const component = { ...resource("platform:network:AwsNetwork", "network", {}), custom: false };
const random = resource("random:index/randomPassword:RandomPassword", "pw", { length: 32 });

describe("export: a stack as Terraform plan JSON", () => {
    const plan = terraformPlan([component, vpc, logs, flowLog, random], TABLE);

    it("has the plan format fields and exactly the aws resources, as managed resources to create", () => {
        assert.equal(plan.format_version, "1.2");
        assert.match(plan.terraform_version, /^\d+\.\d+\.\d+$/);
        assert.deepEqual(
            plan.planned_values.root_module.resources.map((r) => [r.address, r.mode, r.type, r.name, r.provider_name]),
            [
                ["aws_vpc.network-vpc", "managed", "aws_vpc", "network-vpc", "registry.terraform.io/hashicorp/aws"],
                [
                    "aws_cloudwatch_log_group.flow-logs",
                    "managed",
                    "aws_cloudwatch_log_group",
                    "flow-logs",
                    "registry.terraform.io/hashicorp/aws",
                ],
                ["aws_flow_log.flow-log", "managed", "aws_flow_log", "flow-log", "registry.terraform.io/hashicorp/aws"],
            ],
        );
        assert.deepEqual(plan.planned_values.root_module.resources[0].values, { cidr_block: "10.0.0.0/16", tags: { Name: "vpc" } });
        assert.deepEqual(
            plan.resource_changes.map((c) => [c.address, c.change.actions]),
            [
                ["aws_vpc.network-vpc", ["create"]],
                ["aws_cloudwatch_log_group.flow-logs", ["create"]],
                ["aws_flow_log.flow-log", ["create"]],
            ],
        );
    });

    it("takes the configuration's references from the property dependencies, naming the attribute", () => {
        const config = plan.configuration.root_module.resources.find((r) => r.address === "aws_flow_log.flow-log");
        assert.deepEqual(config?.expressions, {
            vpc_id: { references: ["aws_vpc.network-vpc.id", "aws_vpc.network-vpc"] },
            log_destination: { references: ["aws_cloudwatch_log_group.flow-logs.arn", "aws_cloudwatch_log_group.flow-logs"] },
        });
        assert.deepEqual(config?.depends_on, ["aws_vpc.network-vpc", "aws_cloudwatch_log_group.flow-logs"]);
        assert.deepEqual(plan.configuration.root_module.resources.find((r) => r.address === "aws_vpc.network-vpc")?.expressions, {});
        assert.deepEqual(plan.configuration.provider_config, { aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws" } });
    });

    it("writes no expression for an input without a value, even with a recorded property dependency", () => {
        const unset = resource(
            "aws:ec2/flowLog:FlowLog",
            "flow-log-unset",
            { vpcId: "network-vpc-id", trafficType: "ALL" },
            { dependencies: [vpc.urn, logs.urn], propertyDependencies: { vpcId: [vpc.urn], logDestination: [logs.urn] } },
        );
        const config = terraformPlan([vpc, logs, unset], TABLE).configuration.root_module.resources.find(
            (r) => r.address === "aws_flow_log.flow-log-unset",
        );
        assert.deepEqual(config?.expressions, { vpc_id: { references: ["aws_vpc.network-vpc.id", "aws_vpc.network-vpc"] } });
    });

    it("references the resource alone when its state shows no attribute with the value", () => {
        assert.deepEqual(referencesTo("something-else", vpc, "aws_vpc.network-vpc"), ["aws_vpc.network-vpc"]);
    });

    it("blinds secret inputs", () => {
        const secret = resource(
            "aws:cloudwatch/logGroup:LogGroup",
            "secret-logs",
            { name: "/s", kmsKeyId: "k-1" },
            { secretInputs: ["kmsKeyId"] },
        );
        const values = terraformPlan([secret], TABLE).planned_values.root_module.resources[0].values;
        assert.deepEqual(values, { name: "/s", kms_key_id: "[secret]" });
    });

    it("gives a repeated name a numbered address and makes names Terraform identifiers", () => {
        const a = resource("aws:ec2/vpc:Vpc", "same", {}, { urn: "urn:a" });
        const b = resource("aws:ec2/vpc:Vpc", "same", {}, { urn: "urn:b" });
        assert.deepEqual(
            terraformPlan([a, b], TABLE).planned_values.root_module.resources.map((r) => r.address),
            ["aws_vpc.same", "aws_vpc.same_2"],
        );
        assert.equal(terraformResourceName("1st/zone.example.com"), "_1st_zone_example_com");
    });

    it("fails naming every cloud type the table lacks, with the fix", () => {
        const unknown = resource("aws:ec2/instance:Instance", "i", {});
        assert.throws(
            () => terraformPlan([unknown, vpc], TABLE),
            (err: Error) =>
                err instanceof MissingTerraformTypeError &&
                err.message ===
                    "aws:ec2/instance:Instance: no Terraform resource type in packages/automation/data/terraform-types.json. " +
                        "Fix: add the token to @platform/facts and rerun node packages/automation/scripts/terraform-types.mjs (see its header for --aws, --gcp and --keep)",
        );
    });
});

describe("export: Kubernetes objects as manifests", () => {
    const namespace = resource("kubernetes:core/v1:Namespace", "apps", {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "apps", labels: { team: "a" } },
    });
    const secret = resource(
        "kubernetes:core/v1:Secret",
        "token",
        { apiVersion: "v1", kind: "Secret", metadata: { name: "token", namespace: "apps" }, stringData: { token: "s3cr3t" } },
        { secretPaths: ["stringData.token"] },
    );
    const release = resource("kubernetes:helm.sh/v3:Release", "istio", { chart: "istiod" });

    it("writes objects, not Helm releases or the provider", () => {
        assert.equal(isKubernetesObject(namespace), true);
        assert.equal(isKubernetesObject(release), false);
        assert.equal(isKubernetesObject({ ...resource("pulumi:providers:kubernetes", "k8s", {}), custom: true }), false);
    });

    it("names the file by kind, namespace and name, and writes apiVersion and kind first with secrets blinded", () => {
        assert.equal(manifestFileName(namespace), "namespace-apps.yaml");
        assert.equal(manifestFileName(secret), "secret-apps-token.yaml");
        assert.equal(
            kubernetesManifest(secret),
            'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: apps\nstringData:\n  token: "[secret]"\n',
        );
    });
});
