/**
 * Render mode of the simulated `kubernetes` plugin. With `PLATFORM_KUBERNETES_RENDER_DIR` set,
 * the plugin starts the real kubernetes provider (`pulumi-resource-kubernetes`, built from Go
 * modules by `scripts/tools-setup.sh kubernetes-provider`) beside itself, configured with
 * `renderYamlToDirectory`, and hands it every plain Kubernetes object: Check, Diff, Create,
 * Update, Read and Delete are then the real provider's, and each object is written to the folder
 * as the YAML it would apply (`0-crd/`, `1-manifest/`), with no cluster. Helm releases stay
 * simulated: installing one needs the chart repository and a cluster, and the real provider does
 * not render releases. `platform render` runs the layers this way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb.js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb.js";

/** The folder the objects are written to; render mode is off when unset. */
export const RENDER_DIR_ENV = "PLATFORM_KUBERNETES_RENDER_DIR";
/** The real provider binary (`platform render` sets it from the tools cache). */
export const REAL_PROVIDER_ENV = "PLATFORM_KUBERNETES_PROVIDER";

/** Types the real provider does not take in render mode: they stay simulated. */
const SIMULATED_TYPES: ReadonlySet<string> = new Set(["kubernetes:helm.sh/v3:Release"]);

export interface RenderSettings {
    /** Absolute folder the real provider writes the YAML to. */
    readonly directory: string;
    /** The real `pulumi-resource-kubernetes`. */
    readonly providerBinary: string;
}

/** Render settings from the plugin's environment: undefined when render mode is off; an error naming the fix when it is half set. */
export function renderSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): RenderSettings | undefined {
    const directory = env[RENDER_DIR_ENV];
    if (directory === undefined || directory === "") return undefined;
    const providerBinary = env[REAL_PROVIDER_ENV] ?? "";
    if (providerBinary === "" || !existsSync(providerBinary)) {
        throw new Error(
            `${REAL_PROVIDER_ENV} = ${JSON.stringify(providerBinary)}: render mode (${RENDER_DIR_ENV} is set) needs the real kubernetes provider. ` +
                "Fix: bash scripts/tools-setup.sh kubernetes-provider, then set it to the pulumi-resource-kubernetes it built",
        );
    }
    return { directory: path.resolve(directory), providerBinary };
}

/** The resource type of a URN (`urn:pulumi:<stack>::<project>::<parent types$>type::<name>`). */
export function urnType(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.split("$").pop() ?? "";
}

/** True for a URN whose resource the real provider renders in render mode. */
export function renderedByRealProvider(urn: string): boolean {
    const type = urnType(urn);
    return type.startsWith("kubernetes:") && !type.startsWith("pulumi:providers:") && !SIMULATED_TYPES.has(type);
}

type Method = "check" | "diff" | "create" | "read" | "update" | "delete";

/** The real kubernetes provider, started beside the simulated plugin and configured to render. */
export class RealKubernetesProvider {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: provrpc.ResourceProviderClient,
    ) {}

    /** Starts the binary with the engine's address (its diagnostics go to the engine) and waits for its port. */
    static async start(binary: string, engineAddress: string | undefined): Promise<RealKubernetesProvider> {
        // No kubeconfig of the user's may be read: render mode needs no cluster.
        const child = spawn(binary, engineAddress ? [engineAddress] : [], {
            stdio: ["ignore", "pipe", "inherit"],
            env: { ...process.env, KUBECONFIG: "/dev/null" },
        });
        process.once("exit", () => child.kill());
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            const stdout = child.stdout;
            if (stdout === null) return reject(new Error(`${binary}: no stdout`));
            stdout.setEncoding("utf8");
            stdout.on("data", (chunk: string) => {
                out += chunk;
                const line = out.split("\n")[0] ?? "";
                if (out.includes("\n")) resolve(line.trim());
            });
            child.once("error", reject);
            child.once("exit", (code) => reject(new Error(`${binary} exited with code ${String(code)} before printing its port`)));
        });
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new RealKubernetesProvider(child, client);
    }

    /** Configures it to write every object under `directory` and never to reach a cluster. */
    async configure(directory: string): Promise<void> {
        const request = new provproto.ConfigureRequest();
        request.getVariablesMap().set("kubernetes:config:renderYamlToDirectory", directory);
        request.setArgs(Struct.fromJavaScript({ renderYamlToDirectory: directory }));
        request.setAcceptsecrets(true);
        request.setAcceptresources(true);
        await new Promise<void>((resolve, reject) => this.client.configure(request, (error) => (error ? reject(error) : resolve())));
    }

    /** One request, passed through unchanged (both sides speak the SDK's generated messages). */
    forward<Res>(method: Method, request: unknown): Promise<Res> {
        type Unary = (req: unknown, cb: (error: grpc.ServiceError | null, res: Res) => void) => void;
        const call = (this.client[method] as unknown as Unary).bind(this.client);
        return new Promise<Res>((resolve, reject) => call(request, (error, response) => (error ? reject(error) : resolve(response))));
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }
}
