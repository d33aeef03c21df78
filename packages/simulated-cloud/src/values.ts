/** Wire values (unknowns, secrets, resource references) in `Struct`s: the model lives in `@platform/synth` (`wire-values.ts`). */
export * from "@platform/synth/wire-values";
