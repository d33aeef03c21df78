/** Reads the running stack's config, checks every key, and validates the `platform:` namespace. */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError } from "./errors.js";
import { checkForeignConfigKeys } from "./namespaces.js";
import { parsePlatformConfig, type ParseOptions } from "./parse.js";
import { CONFIG_NAMESPACE, type PlatformSettings } from "./settings.js";

/**
 * The engine passes every config value as a string; mappings and lists arrive JSON-encoded. A
 * value that is not JSON stays a string, so validation can report it as the wrong type.
 */
export function decodeConfigValue(value: string): unknown {
    if (!/^\s*[[{]/.test(value)) {
        return value;
    }
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return value;
    }
}

/** The raw `platform:` values of engine-form config (`namespace:key` -> string). */
export function platformValues(config: Readonly<Record<string, string>>): Record<string, unknown> {
    const prefix = `${CONFIG_NAMESPACE}:`;
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) {
        if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = decodeConfigValue(value);
    }
    return raw;
}

/**
 * Validates engine-form config for a stack of `project`: keys outside `platform:` that nothing
 * would read, then the platform settings (including the environment against the stack name).
 */
export function parseStackConfig(config: Readonly<Record<string, string>>, project: string, opts: ParseOptions = {}): PlatformSettings {
    const foreign = checkForeignConfigKeys(
        Object.keys(config),
        Object.fromEntries(Object.entries(config).map(([k, v]) => [k, decodeConfigValue(v)])),
        project,
    );
    try {
        const settings = parsePlatformConfig(platformValues(config), opts);
        if (foreign.length > 0) throw new ConfigValidationError(foreign);
        return settings;
    } catch (err) {
        if (err instanceof ConfigValidationError && foreign.length > 0 && err.issues !== foreign) {
            throw new ConfigValidationError([...foreign, ...err.issues]);
        }
        throw err;
    }
}

/** The running program's settings: `parseStackConfig` over every config key of the current stack. */
export function loadPlatformSettings(): PlatformSettings {
    return parseStackConfig(pulumi.runtime.allConfig(), pulumi.getProject(), { stack: pulumi.getStack() });
}
