// Type-aware lint. typescript-eslint reads the projects with the TypeScript 5.9 compiler API (the
// `typescript` devDependency); the build itself uses TypeScript 7 (tsc -b). Formatting is
// Prettier's job (`pnpm lint` runs `prettier --check` too), so no stylistic rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["**/dist/**", "**/node_modules/**", "**/*.d.ts", ".state/**"] },
    js.configs.recommended,
    {
        files: ["**/*.ts", "**/*.mts"],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
            "@typescript-eslint/no-unnecessary-type-assertion": "error",
            // A package's compiled files are its internals: import its entry points (package.json `exports`).
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["@platform/*/dist", "@platform/*/dist/**"],
                            message: "import a public entry point (package.json exports)",
                        },
                    ],
                },
            ],
            eqeqeq: ["error", "always"],
            "no-console": "off",
        },
    },
    {
        files: ["**/*.mjs", "**/*.js"],
        languageOptions: { globals: { process: "readonly", console: "readonly" } },
    },
);
