/** policies/README.md and what its policy tables must say. */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PACKS } from "./packs.js";
import { parityTable, readCheckovChecks, readCheckovExceptions, readNotEvaluatedReasons, withParityTable } from "./parity.js";
import { policyTables, withPolicyTables } from "./table.js";

/** policies/README.md (this package is policies/docs, compiled to dist/src). */
export const README_PATH = path.resolve(__dirname, "../../../README.md");

/** The command that regenerates the tables. */
export const FIX_COMMAND = "pnpm policies:docs";

export function currentReadme(): string {
    return readFileSync(README_PATH, "utf8");
}

/** The README as the generator writes it from the packs' current metadata and the Checkov parity inputs. */
export function generatedReadme(readme: string = currentReadme()): string {
    const tables = withPolicyTables(readme, policyTables(PACKS));
    return withParityTable(tables, parityTable(PACKS, readCheckovChecks(), readCheckovExceptions(), readNotEvaluatedReasons()));
}

/** Rewrites the README's policy tables; true when anything changed. */
export function writeReadme(): boolean {
    const before = currentReadme();
    const after = generatedReadme(before);
    if (after !== before) writeFileSync(README_PATH, after);
    return after !== before;
}
