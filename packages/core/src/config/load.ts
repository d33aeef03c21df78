/** Reads the `platform:` namespace from the running Pulumi program's config and validates it. */
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, parsePlatformConfig, type PlatformSettings } from "./settings.js";

/**
 * Collects every `platform:*` key of the current stack, parsing object values from the JSON
 * strings the engine passes, then validates them with {@link parsePlatformConfig}.
 */
export function loadPlatformSettings(): PlatformSettings {
    const raw: Record<string, unknown> = {};
    const prefix = `${CONFIG_NAMESPACE}:`;
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(prefix)) {
            continue;
        }
        const name = key.slice(prefix.length);
        raw[name] = OBJECT_KEYS.includes(name) ? decodeObjectValue(value) : value;
    }
    return parsePlatformConfig(raw);
}

/** Keys whose values are YAML mappings; the engine passes them JSON-encoded. */
const OBJECT_KEYS: readonly string[] = ["network", "dns", "profile"];

/**
 * The engine passes every config value as a string; mappings arrive JSON-encoded. A value that is
 * not JSON stays a string, so validation can report it as "must be an object".
 */
export function decodeObjectValue(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}
