import * as path from "node:path";

/** Repository root (tests run from tests/dist/src). */
export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures");
