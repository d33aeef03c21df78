// `main` of the generated project (engine.ts): a function export is called by the language host.
import { keysFromConfig } from "./program.js";

export = keysFromConfig;
