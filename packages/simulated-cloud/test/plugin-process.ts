/** Starts a simulated plugin as the engine does and connects the SDK's generated gRPC client. */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb.js";

type Callback<Res> = (error: grpc.ServiceError | null, response: Res) => void;

/** Promisifies one unary call of the generated client. */
export function rpc<Req, Res>(invoke: (request: Req, callback: Callback<Res>) => unknown, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => invoke(request, (error, response) => (error ? reject(error) : resolve(response))));
}

export function struct(value: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(value as Record<string, null>);
}

export interface PluginProcess {
    readonly child: ChildProcess;
    readonly client: provrpc.ResourceProviderClient;
    /** Everything the plugin wrote so far. */
    readonly output: { stdout: string; stderr: string };
    stop(): void;
}

/** The executable the engine runs for a simulated plugin. */
export function pluginBin(name: "aws" | "gcp" | "kubernetes" | "random"): string {
    return path.resolve(__dirname, `../../bin/pulumi-resource-${name}`);
}

/** `bin/pulumi-resource-<name>` started with the engine's arguments (logging flags, then its address). */
export async function startPlugin(
    name: "aws" | "gcp" | "kubernetes" | "random",
    args: readonly string[] = ["--logtostderr", "-v=9", "127.0.0.1:1"],
    env: NodeJS.ProcessEnv = process.env,
): Promise<PluginProcess> {
    const child = spawn(pluginBin(name), [...args], { stdio: ["ignore", "pipe", "pipe"], env });
    const output = { stdout: "", stderr: "" };
    child.stderr?.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
        child.stdout?.on("data", (chunk: Buffer) => {
            output.stdout += chunk.toString();
            const line = /^(\d+)\n/.exec(output.stdout);
            if (line) {
                resolve(Number(line[1]));
            }
        });
        child.on("exit", (code) => reject(new Error(`plugin exited (${code}) before printing its port: ${output.stderr}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        child,
        client,
        output,
        stop: () => {
            client.close();
            child.kill();
        },
    };
}
