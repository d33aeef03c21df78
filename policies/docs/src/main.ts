/** `pnpm policies:docs`: regenerates the policy tables of policies/README.md from the policies' metadata. */
import * as path from "node:path";
import { README_PATH, writeReadme } from "./readme.js";

const where = path.relative(process.cwd(), README_PATH);
console.log(writeReadme() ? `${where}: policy tables regenerated` : `${where}: policy tables already up to date`);
