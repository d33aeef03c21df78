/**
 * Entry point of the `pulumi-resource-aws` / `-gcp` / `-kubernetes` / `-random` simulated plugins
 * (`bin/pulumi-resource-<name>` runs `node dist/src/main.js <name> <engine args...>`). Writes one
 * line to stderr saying what it is, then the port to stdout, as the engine expects of a plugin,
 * and exits when the engine that started it is gone.
 */
import { latencyFromEnvironment } from "./latency.js";
import { watchParent } from "./lifeline.js";
import { CLOUD_PACKAGES, type CloudPackage, startupBanner } from "./provider.js";
import { renderSettingsFromEnvironment } from "./render.js";
import { engineAddressFromArgs, serve } from "./server.js";

function isCloudPackage(value: string | undefined): value is CloudPackage {
    return (CLOUD_PACKAGES as readonly string[]).includes(value ?? "");
}

async function main(argv: readonly string[]): Promise<void> {
    const [pkg, ...rest] = argv;
    if (!isCloudPackage(pkg)) {
        process.stderr.write(`usage: main.js <${CLOUD_PACKAGES.join("|")}> [engine-address]; got ${pkg ?? "nothing"}\n`);
        process.exitCode = 2;
        return;
    }
    process.stderr.write(`${startupBanner(pkg)}\n`);
    // A signal ends the plugin through process.exit, so the exit hooks run: in render mode the real
    // kubernetes provider it started goes with it (Node's default SIGTERM skips them, which left the
    // provider running, holding the stderr pipe its starter waits on).
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(signal, () => process.exit(0));
    // Started before serving, so a plugin whose engine dies during start-up goes too.
    watchParent(() => {
        process.stderr.write(`simulated cloud: pulumi-resource-${pkg}: the engine that started this plugin is gone; exiting\n`);
        process.exit(0);
    });
    // Render mode (render.ts) is the kubernetes plugin's only; a half-set environment fails here, by name.
    const render = pkg === "kubernetes" ? renderSettingsFromEnvironment() : undefined;
    const { port } = await serve(pkg, engineAddressFromArgs(rest), latencyFromEnvironment(), render);
    // The engine reads the port from the first line of stdout; nothing else may be written there.
    process.stdout.write(`${port}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`simulated cloud: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
});
