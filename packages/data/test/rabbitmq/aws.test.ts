import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { countByType, fieldsAndProblems, findResource, ofType, rejectedIssues } from "@platform/synth";
import { AwsRabbitMqBroker, type AwsRabbitMqBrokerArgs } from "../../src/index.js";
import { protection, SECRETS_KEY, synth } from "../helpers.js";

const BROKER = "aws:mq/broker:Broker";

function args(extra: Partial<AwsRabbitMqBrokerArgs> = {}): AwsRabbitMqBrokerArgs {
    return {
        naming: { project: "acme", environment: "prod" },
        size: "large",
        deployment: "cluster",
        vpcId: "vpc-0a1",
        subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        allowedSecurityGroupIds: ["sg-nodes"],
        secretsKmsKeyArn: SECRETS_KEY,
        ...extra,
    };
}

function run(a: AwsRabbitMqBrokerArgs, opts?: pulumi.ComponentResourceOptions) {
    return synth(() => {
        const mq = new AwsRabbitMqBroker("rabbitmq", a, opts);
        return { amqpEndpoints: mq.amqpEndpoints, consoleUrl: mq.consoleUrl, credentialsSecret: mq.credentialsSecret };
    });
}

describe("AwsRabbitMqBroker", () => {
    it("prod: a private three-node cluster across the isolated subnets with general logs", async () => {
        const { resources } = await run(args());
        assert.deepEqual(countByType(resources), [
            { type: "aws:ec2/securityGroup:SecurityGroup", count: 1 },
            { type: BROKER, count: 1 },
            { type: "aws:secretsmanager/secret:Secret", count: 1 },
            { type: "aws:secretsmanager/secretVersion:SecretVersion", count: 1 },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", count: 2 },
            { type: "platform:data:AwsRabbitMqBroker", count: 1 },
            { type: "pulumi:pulumi:Stack", count: 1 },
            { type: "random:index/randomPassword:RandomPassword", count: 1 },
        ]);
        const broker = findResource(resources, BROKER, "rabbitmq-broker");
        const password = findResource(resources, "random:index/randomPassword:RandomPassword", "rabbitmq-admin-password");
        assert.deepEqual(broker.inputs, {
            brokerName: "acme-prod-rabbitmq-broker",
            engineType: "RabbitMQ",
            engineVersion: "3.13",
            hostInstanceType: "mq.m5.xlarge",
            deploymentMode: "CLUSTER_MULTI_AZ",
            publiclyAccessible: false,
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
            securityGroups: [findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "rabbitmq-broker").id],
            storageType: "ebs",
            authenticationStrategy: "simple",
            users: [{ username: "platform_admin", password: password.outputs["result"] }],
            logs: { general: true },
            autoMinorVersionUpgrade: true,
            applyImmediately: false,
            maintenanceWindowStartTime: { dayOfWeek: "SUNDAY", timeOfDay: "06:00", timeZone: "UTC" },
            tags: { Name: "acme-prod-rabbitmq-broker" },
        });
        assert.deepEqual(broker.secretInputs, ["users"]);
    });

    it("elsewhere: a single broker in the first isolated subnet", async () => {
        const inputs = findResource((await run(args({ deployment: "single", size: "small" }))).resources, BROKER, "rabbitmq-broker").inputs;
        assert.deepEqual(
            [inputs["deploymentMode"], inputs["subnetIds"], inputs["hostInstanceType"]],
            ["SINGLE_INSTANCE", ["subnet-a"], "mq.t3.micro"],
        );
    });

    it("AMQPS and the console only from the allowed security groups", async () => {
        const { resources } = await run(args());
        assert.deepEqual(
            ofType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [
                r.name,
                r.inputs["referencedSecurityGroupId"],
                r.inputs["fromPort"],
            ]),
            [
                ["rabbitmq-broker-from-1-5671", "sg-nodes", 5671],
                ["rabbitmq-broker-from-1-443", "sg-nodes", 443],
            ],
        );
        assert.equal(
            findResource(resources, "aws:ec2/securityGroup:SecurityGroup", "rabbitmq-broker").inputs["description"],
            "RabbitMQ (AMQPS and console) on tcp/5671, tcp/443 from the cluster nodes only",
        );
    });

    it("the credentials are generated, kept in Secrets Manager with the secrets key, never an output", async () => {
        const { resources, outputs } = await run(args());
        const password = findResource(resources, "random:index/randomPassword:RandomPassword", "rabbitmq-admin-password");
        assert.deepEqual(password.inputs, {
            length: 32,
            special: true,
            overrideSpecial: "-_.!#%*+",
            minSpecial: 1,
            minUpper: 1,
            minLower: 1,
            minNumeric: 1,
        });
        assert.match(String(password.outputs["result"]), /^[^,:=]{32}$/);
        assert.equal(findResource(resources, "aws:secretsmanager/secret:Secret", "rabbitmq-admin").inputs["kmsKeyId"], SECRETS_KEY);
        const version = findResource(resources, "aws:secretsmanager/secretVersion:SecretVersion", "rabbitmq-admin");
        const broker = findResource(resources, BROKER, "rabbitmq-broker");
        assert.deepEqual(JSON.parse(String(version.inputs["secretString"])), {
            username: "platform_admin",
            password: password.outputs["result"],
            amqpEndpoints: [`amqps://${String(broker.id)}.mq.us-east-1.on.aws:5671`],
            consoleUrl: `https://${String(broker.id)}.mq.us-east-1.on.aws`,
        });
        assert.deepEqual(outputs["amqpEndpoints"], [`amqps://${String(broker.id)}.mq.us-east-1.on.aws:5671`]);
        assert.ok(!JSON.stringify(outputs).includes(String(password.outputs["result"])));
    });

    it("protect: true protects every child and retains the broker and its secret", async () => {
        const lines = protection((await run(args(), { protect: true })).resources);
        assert.deepEqual(
            lines.filter((l) => l.includes("retain=true")),
            [
                "rabbitmq-admin aws:secretsmanager/secret:Secret protect=true retain=true",
                "rabbitmq-broker aws:mq/broker:Broker protect=true retain=true",
            ],
        );
        assert.deepEqual(
            lines.filter((l) => !l.includes("protect=true")),
            [],
        );
    });

    describe("bad arguments", () => {
        const cases: Array<[string, Partial<AwsRabbitMqBrokerArgs>, Array<[string, string]>]> = [
            ["a small cluster", { size: "small" }, [["size", "gives mq.t3.micro, which Amazon MQ does not run as a cluster"]]],
            ["an unknown deployment", { deployment: "active-standby" as never }, [["deployment", "is not an allowed value"]]],
            ["an unknown size", { size: "xl" as never }, [["size", "is not an allowed value"]]],
            [
                "a username with a colon",
                { adminUsername: "admin:1" },
                [["adminUsername", "is not 2-64 lowercase letters, digits, _ and -, starting with a letter"]],
            ],
        ];
        for (const [label, override, expected] of cases) {
            it(`rejects ${label}`, async () => {
                assert.deepEqual(fieldsAndProblems(await rejectedIssues(run(args(override)))), expected);
            });
        }
    });
});
