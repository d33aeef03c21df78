/**
 * A mocha reporter for CI: mocha's spec output on the console, and mocha's own JSON reporter
 * writing the run's results to a file, from the same run. `.ci/run` counts tests from that file:
 *
 *   mocha --reporter tests/dist/src/reporting/spec-and-json.js --reporter-option json=<file>
 */
import * as Mocha from "mocha";

class SpecAndJsonReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions = {}) {
        super(runner, options);
        const reporterOption: unknown = (options as { reporterOption?: unknown }).reporterOption;
        const file =
            typeof reporterOption === "object" && reporterOption !== null ? (reporterOption as Record<string, unknown>)["json"] : undefined;
        if (typeof file !== "string" || file === "") {
            throw new Error("spec-and-json reporter: --reporter-option json=<file> is missing. Fix: pass the file the JSON report goes to");
        }
        new Mocha.reporters.JSON(runner, { reporterOption: { output: file } } as Mocha.MochaOptions);
    }
}

export = SpecAndJsonReporter;
