// Writes schema/stack-config.schema.json from the config schema in @platform/core (pnpm schema).
// packages/core/test/stack-file-schema.test.ts fails when the committed file differs.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const core = createRequire(path.join(root, "packages/core/package.json"))("./dist/src/index.js");
const file = path.join(root, "schema", "stack-config.schema.json");
writeFileSync(file, core.stackFileSchemaText());
console.log(`wrote ${path.relative(root, file)}`);
