export * from "./workspace/projects.js";
export * from "./synth/policy-packs.js";
export * from "./synth/synthesize-environment.js";
export * from "./synth/report.js";
export * from "./cli/args.js";
export * from "./cli/run.js";
