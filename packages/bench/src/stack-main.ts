// `main` of the generated project (engine.ts): a function export is called by the language host.
import { unmappedPromiseDebugStacks } from "@platform/core/runtime";
import { keysFromConfig } from "./program.js";

// As every stack program of the platform does (stacks/*/src/main.ts): the benchmark measures what they pay.
unmappedPromiseDebugStacks();

export = keysFromConfig;
