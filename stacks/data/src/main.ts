// Entry point Pulumi runs (Pulumi.yaml `main`). A function export is called by the language host
// and its result becomes the stack outputs.
import { unmappedPromiseDebugStacks } from "@platform/core/runtime";
import { dataProgram } from "./program.js";

// The SDK's per-promise traces without source maps: half of the program's CPU otherwise.
unmappedPromiseDebugStacks();

export = dataProgram;
