/**
 * How a staged stack reaches its secrets. The staged `Pulumi.<env>.yaml` is written again from the
 * checked-in file on every run, so nothing the engine wrote into it last time survives (a salt, a
 * data key), and the checked-in file is shared by every layer of the environment.
 *
 * - Real clouds: the checked-in file's `secretsprovider`, `encryptedkey` and `encryptionsalt` are
 *   the stack's, as they are for plain `pulumi` beside that file: copied into the staged file, and
 *   the provider is passed to `pulumi stack init` for a new stack. `secure:` values pass through
 *   and the engine decrypts them with that provider.
 * - Rehearsals (`--simulate`): none of them (an `awskms://` key is out of reach offline, and the
 *   real passphrase is not the rehearsal's); `secure:` values become the placeholder synth uses,
 *   and the run says which keys got it.
 * - Both: {@link FALLBACK_TO_STATE_VARIABLE}. When the file names no provider, an existing stack
 *   keeps the one its state records (set with `--secrets-provider` by hand, or by an earlier run)
 *   instead of the backend's default: on S3, GCS and file backends that is the passphrase provider,
 *   which fails in CI without PULUMI_CONFIG_PASSPHRASE and would make a new salt every run.
 */
import type { StackSettings } from "@pulumi/pulumi/automation/index.js";
import { UsageError } from "../workspace/errors.js";
import { isSecureValue, SECRET_PLACEHOLDER, type StackFileDocument } from "../workspace/projects.js";

/**
 * The CLI's switch for the fallback above (`sdk/go/common/env/env.go`: "Set this if you see secret
 * decryption errors when running from a workspace that doesn't carry local stack configuration
 * between invocations, such as the Automation API").
 */
export const FALLBACK_TO_STATE_VARIABLE = "PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER";

/** The stack file's keys that configure its secrets provider, and their StackSettings names. */
const PROVIDER_KEYS = { secretsprovider: "secretsProvider", encryptedkey: "encryptedKey", encryptionsalt: "encryptionSalt" } as const;

type ProviderSettings = Pick<StackSettings, "secretsProvider" | "encryptedKey" | "encryptionSalt">;

/** Secrets providers that keep no data key in the stack file: the passphrase and Pulumi Cloud's own. */
const KEYLESS_PROVIDERS = new Set(["passphrase", "default"]);

/**
 * The checked-in file's provider settings, checked: each a non-empty string, and no `encryptedkey`
 * without the `secretsprovider` that made it (the CLI would ignore the key and use the backend's
 * default provider).
 */
export function providerSettings(stackFile: StackFileDocument): ProviderSettings {
    const settings: Record<string, string> = {};
    for (const [key, name] of Object.entries(PROVIDER_KEYS)) {
        const value = stackFile.settings[key];
        if (value === undefined) continue;
        if (typeof value !== "string" || value.trim() === "") {
            throw new UsageError(
                `${stackFile.file}: ${key} = ${JSON.stringify(value)}: must be the text the pulumi CLI wrote. ` +
                    `Fix: copy it from a Pulumi.<stack>.yaml the CLI wrote, or remove the line`,
            );
        }
        settings[name] = value;
    }
    if (settings["encryptedKey"] !== undefined && settings["secretsProvider"] === undefined) {
        throw new UsageError(
            `${stackFile.file}: encryptedkey = ${JSON.stringify(settings["encryptedKey"])}: a data key without the secretsprovider that encrypted it ` +
                `(the engine would ignore it and use the backend's default provider). Fix: add the secretsprovider line it was made with ` +
                `(e.g. secretsprovider: awskms://alias/<key>?region=<region>), or remove encryptedkey`,
        );
    }
    return settings;
}

/** How a stack is staged: for the user's backend and clouds, or for a rehearsal on the simulated cloud. */
export type StagingMode = "real" | "rehearsal";

export interface StagedSecrets {
    /** The staged stack's settings: its config and, for real runs, the provider settings. */
    readonly stackSettings: StackSettings;
    /** The provider `pulumi stack init` gets for a new stack (real runs whose file names one). */
    readonly secretsProvider?: string;
    /** Rehearsals: the config keys whose `secure:` values were replaced by {@link SECRET_PLACEHOLDER}. */
    readonly placeholders: readonly string[];
}

/** The staged stack's secrets settings for a run (see the file's comment). */
export function stagedSecrets(stackFile: StackFileDocument, mode: StagingMode): StagedSecrets {
    const provider = providerSettings(stackFile);
    if (mode === "real") {
        return {
            stackSettings: { config: stackFile.config, ...provider },
            ...(provider.secretsProvider === undefined ? {} : { secretsProvider: provider.secretsProvider }),
            placeholders: [],
        };
    }
    const placeholders = Object.keys(stackFile.config).filter((key) => isSecureValue(stackFile.config[key]));
    const config = Object.fromEntries(
        Object.entries(stackFile.config).map(([key, value]) => [key, isSecureValue(value) ? SECRET_PLACEHOLDER : value]),
    );
    return { stackSettings: { config }, placeholders };
}

/**
 * A real run's checked-in file names a cloud provider (`awskms://`, `gcpkms://`, ...) but no
 * `encryptedkey`: every run then asks the key for a new data key, which the drift identity may not
 * (it can only decrypt). The line to add, from the key the engine wrote into the staged file, or
 * undefined when there is nothing to say.
 */
export function missingDataKeyWarning(stackFile: StackFileDocument, staged: Readonly<Record<string, unknown>>): string | undefined {
    const provider = stackFile.settings["secretsprovider"];
    if (typeof provider !== "string" || KEYLESS_PROVIDERS.has(provider) || stackFile.settings["encryptedkey"] !== undefined) {
        return undefined;
    }
    const made = staged["encryptedkey"];
    return (
        `${stackFile.file}: secretsprovider = ${provider} without encryptedkey: every run makes a new data key with it, ` +
        `and read-only runs (the drift identity may only decrypt) fail. Fix: add the key this run made, shared by every stack of the environment: ` +
        (typeof made === "string" ? `encryptedkey: ${made}` : `the encryptedkey line pulumi writes into Pulumi.<env>.yaml`)
    );
}

/** A rehearsal's note on the `secure:` values it replaced, or undefined when there were none. */
export function placeholderWarning(stackFile: StackFileDocument, placeholders: readonly string[]): string | undefined {
    if (placeholders.length === 0) {
        return undefined;
    }
    return (
        `${stackFile.file}: ${placeholders.join(", ")} ${placeholders.length === 1 ? "is a secure: value" : "are secure: values"}; ` +
        `a rehearsal cannot decrypt ${placeholders.length === 1 ? "it" : "them"} and gives the program ${JSON.stringify(SECRET_PLACEHOLDER)} ` +
        `(a real run decrypts with the file's secrets provider)`
    );
}
