import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { ebsVolumesEncrypted } from "../../src/policies/ebs-volumes-encrypted.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [ebsVolumesEncrypted] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, ebsVolumesEncrypted, urn, detail);
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";
const FIX = 'set encrypted: "true" with a customer-managed kmsKeyId.';

describe("aws-ebs-volumes-encrypted", () => {
    it("passes encrypted template and instance volumes (string or boolean), and instance-store devices", async () => {
        const s = new StackFixture();
        s.custom(TEMPLATE, "nodes", {
            blockDeviceMappings: [
                { deviceName: "/dev/xvda", ebs: { volumeType: "gp3", encrypted: "true", kmsKeyId: "k" } },
                { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
            ],
        });
        s.custom(INSTANCE, "bastion", {
            rootBlockDevice: { encrypted: true },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }],
        });
        assert.deepEqual(await run(s), []);
    });

    it("flags unencrypted template volumes and instance volumes", async () => {
        const s = new StackFixture();
        const template = s.custom(TEMPLATE, "plain", {
            blockDeviceMappings: [
                { deviceName: "/dev/xvda", ebs: { encrypted: "false" } },
                { deviceName: "/dev/xvdb", ebs: { encrypted: "true" } },
            ],
        });
        const instance = s.custom(INSTANCE, "plain-instance", {
            rootBlockDevice: { encrypted: true },
            ebsBlockDevices: [{ encrypted: false }],
        });
        assert.deepEqual(await run(s), [
            v(template.urn, `launch template plain has unencrypted EBS volumes: blockDeviceMappings[0] (/dev/xvda); ${FIX}`),
            v(instance.urn, `instance plain-instance has unencrypted EBS volumes: ebsBlockDevices[0]; ${FIX}`),
        ]);
    });

    it("flags encryption left unset (the account default cannot be seen)", async () => {
        const s = new StackFixture();
        const template = s.custom(TEMPLATE, "unset", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }] });
        const instance = s.custom(INSTANCE, "unset-instance", {});
        assert.deepEqual(await run(s), [
            v(template.urn, `launch template unset has unencrypted EBS volumes: blockDeviceMappings[0] (/dev/xvda); ${FIX}`),
            v(instance.urn, `instance unset-instance has unencrypted EBS volumes: rootBlockDevice; ${FIX}`),
        ]);
    });
});
