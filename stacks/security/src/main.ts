// Entry point Pulumi runs (Pulumi.yaml `main`). A function export is called by the language host
// and its result becomes the stack outputs.
import { securityProgram } from "./program.js";

export = securityProgram;
