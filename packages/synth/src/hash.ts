/** Stable hashes for simulated ids and names. */
import { createHash } from "node:crypto";

/** Deterministic hex digest of the parts, `length` characters long. */
export function stableHex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}
