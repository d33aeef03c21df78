import * as assert from "node:assert/strict";
import { evaluatePack, expectedViolation, StackFixture } from "@platform/policy-kit/harness";
import { packName } from "../../src/index.js";
import { ec2UserDataNoSecrets, userDataSecrets } from "../../src/policies/ec2-user-data-no-secrets.js";

const run = (s: StackFixture) => evaluatePack({ name: packName, policies: [ec2UserDataNoSecrets] }, s.build());
const v = (urn: string, detail: string) => expectedViolation(packName, ec2UserDataNoSecrets, urn, detail);
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";
const FIX = "remove the credentials (and rotate them), and give the hosts an instance profile role instead.";
// AWS's documentation examples, not real keys.
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const b64 = (text: string) => Buffer.from(text).toString("base64");
const BOOT = "#!/bin/bash\n/etc/eks/bootstrap.sh acme-prod-eks --kubelet-extra-args '--node-labels=pool=general'\n";

describe("aws-ec2-user-data-no-secrets", () => {
    it("reads the value as given, and a base64 script decoded; a commit hash in a script and a lone hash are not secrets", () => {
        assert.deepEqual(userDataSecrets(BOOT), []);
        assert.deepEqual(userDataSecrets(b64(BOOT)), []);
        assert.deepEqual(userDataSecrets(b64("git checkout 0123456789abcdef0123456789abcdef01234567\n")), []);
        assert.deepEqual(userDataSecrets("0123456789abcdef0123456789abcdef01234567"), []);
        assert.deepEqual(userDataSecrets(`export AWS_ACCESS_KEY_ID=${KEY_ID}`), ["an access key id"]);
        assert.deepEqual(userDataSecrets(`aws_secret_access_key = ${SECRET}`), ["a secret access key", "a secret key assignment"]);
        assert.deepEqual(userDataSecrets(b64(`#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nexport AWS_SECRET_KEY="${SECRET}"\n`)), [
            "an access key id (decoded)",
            "a secret key assignment (decoded)",
        ]);
        assert.deepEqual(userDataSecrets("aws_account_id = 1111-2222-3333"), ["an account id assignment"]);
    });

    it("passes no user data and a boot script without credentials", async () => {
        const s = new StackFixture();
        s.custom(LT, "nodes", { imageId: "ami-1" });
        s.custom(LT, "boot", { userData: b64(BOOT) });
        s.custom(INSTANCE, "bastion", { userData: BOOT });
        assert.deepEqual(await run(s), []);
    });

    it("flags credentials in a launch template's base64 user data and in an instance's plain and base64 user data", async () => {
        const s = new StackFixture();
        const lt = s.custom(LT, "leaky", { userData: b64(`#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`) });
        const instance = s.custom(INSTANCE, "leaky-vm", {
            userData: `aws_secret_access_key = ${SECRET}`,
            userDataBase64: b64(`key: ${KEY_ID}`),
        });
        assert.deepEqual(await run(s), [
            v(lt.urn, `leaky's userData holds an access key id (decoded); ${FIX}`),
            v(instance.urn, `leaky-vm's userData holds a secret access key, a secret key assignment; ${FIX}`),
            v(instance.urn, `leaky-vm's userDataBase64 holds an access key id (decoded); ${FIX}`),
        ]);
    });
});
