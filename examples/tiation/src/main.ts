// Entry point Pulumi runs (Pulumi.yaml `main`): the language host calls the exported function.
import { program } from "./program.js";

export = program;
