import * as assert from "node:assert/strict";
import {
    missingDataKeyWarning,
    placeholderWarning,
    providerSettings,
    SECRET_PLACEHOLDER,
    type StackFileDocument,
    stagedSecrets,
    UsageError,
} from "../src/index.js";

const FILE = "/repo/environments/Pulumi.prod.yaml";
const KMS = "awskms://alias/acme-prod-secrets?region=us-east-1";

function stackFile(settings: Record<string, unknown>, config: Record<string, unknown> = {}): StackFileDocument {
    return { file: FILE, config, settings };
}

describe("a staged stack's secrets (stack-secrets.ts)", () => {
    describe("providerSettings", () => {
        it("maps the three provider keys to the Automation API's names, and nothing when the file names none", () => {
            assert.deepEqual(providerSettings(stackFile({ secretsprovider: KMS, encryptedkey: "AQID", encryptionsalt: "v1:s" })), {
                secretsProvider: KMS,
                encryptedKey: "AQID",
                encryptionSalt: "v1:s",
            });
            assert.deepEqual(providerSettings(stackFile({})), {});
            assert.deepEqual(providerSettings(stackFile({ encryptionsalt: "v1:s" })), { encryptionSalt: "v1:s" });
        });

        for (const [key, value, shown] of [
            ["secretsprovider", 42, "42"],
            ["encryptionsalt", "  ", '"  "'],
            ["encryptedkey", null, "null"],
        ] as const) {
            it(`refuses ${key} = ${shown} with the file, the key and the fix`, () => {
                assert.throws(
                    () => providerSettings(stackFile({ secretsprovider: KMS, [key]: value })),
                    (err: unknown) =>
                        err instanceof UsageError &&
                        err.message ===
                            `${FILE}: ${key} = ${shown}: must be the text the pulumi CLI wrote. Fix: copy it from a Pulumi.<stack>.yaml the CLI wrote, or remove the line`,
                );
            });
        }

        it("refuses an encryptedkey without the secretsprovider that made it", () => {
            assert.throws(
                () => providerSettings(stackFile({ encryptedkey: "AQID" })),
                (err: unknown) =>
                    err instanceof UsageError &&
                    err.message.startsWith(`${FILE}: encryptedkey = "AQID": a data key without the secretsprovider that encrypted it`) &&
                    err.message.includes("Fix: add the secretsprovider line it was made with"),
            );
        });
    });

    describe("stagedSecrets", () => {
        const file = stackFile(
            { secretsprovider: KMS, encryptedkey: "AQID" },
            { "platform:environment": "prod", "app:token": { secure: "v1:abc" }, "app:list": ["a"] },
        );

        it("real: the config as written (secure values for the engine to decrypt) and the provider settings, the provider also for stack init", () => {
            assert.deepEqual(stagedSecrets(file, "real"), {
                stackSettings: {
                    config: { "platform:environment": "prod", "app:token": { secure: "v1:abc" }, "app:list": ["a"] },
                    secretsProvider: KMS,
                    encryptedKey: "AQID",
                },
                secretsProvider: KMS,
                placeholders: [],
            });
        });

        it("real without a provider in the file: only the config (the state's provider is kept by the fallback)", () => {
            assert.deepEqual(stagedSecrets(stackFile({}, { "platform:environment": "prod" }), "real"), {
                stackSettings: { config: { "platform:environment": "prod" } },
                placeholders: [],
            });
        });

        it("rehearsal: no provider settings, and every secure value replaced by the offline placeholder and listed", () => {
            assert.deepEqual(stagedSecrets(file, "rehearsal"), {
                stackSettings: { config: { "platform:environment": "prod", "app:token": SECRET_PLACEHOLDER, "app:list": ["a"] } },
                placeholders: ["app:token"],
            });
        });

        it("both modes check the provider settings first", () => {
            for (const mode of ["real", "rehearsal"] as const) {
                assert.throws(() => stagedSecrets(stackFile({ encryptedkey: "AQID" }), mode), UsageError);
            }
        });
    });

    describe("warnings", () => {
        it("placeholderWarning names the file and each replaced key; nothing when none was", () => {
            assert.equal(placeholderWarning(stackFile({}), []), undefined);
            assert.equal(
                placeholderWarning(stackFile({}), ["app:token"]),
                `${FILE}: app:token is a secure: value; a rehearsal cannot decrypt it and gives the program "${SECRET_PLACEHOLDER}" (a real run decrypts with the file's secrets provider)`,
            );
            assert.match(
                placeholderWarning(stackFile({}), ["app:a", "app:b"]) ?? "",
                /: app:a, app:b are secure: values; a rehearsal cannot decrypt them /,
            );
        });

        it("missingDataKeyWarning: a cloud provider without encryptedkey, with the line the engine made", () => {
            assert.equal(
                missingDataKeyWarning(stackFile({ secretsprovider: KMS }), { encryptedkey: "AQIDBA==" }),
                `${FILE}: secretsprovider = ${KMS} without encryptedkey: every run makes a new data key with it, and read-only runs ` +
                    "(the drift identity may only decrypt) fail. Fix: add the key this run made, shared by every stack of the environment: encryptedkey: AQIDBA==",
            );
            assert.match(
                missingDataKeyWarning(stackFile({ secretsprovider: KMS }), {}) ?? "",
                /Fix: add the key this run made, shared by every stack of the environment: the encryptedkey line pulumi writes into Pulumi\.<env>\.yaml$/,
            );
        });

        it("missingDataKeyWarning: nothing with a key, with the passphrase provider, or with no provider named", () => {
            assert.equal(
                missingDataKeyWarning(stackFile({ secretsprovider: KMS, encryptedkey: "AQID" }), { encryptedkey: "other" }),
                undefined,
            );
            assert.equal(missingDataKeyWarning(stackFile({ secretsprovider: "passphrase" }), {}), undefined);
            assert.equal(missingDataKeyWarning(stackFile({}), { encryptedkey: "AQID" }), undefined);
        });
    });
});
