/**
 * Entry point of the policy pack process: `pulumi preview --policy-pack policies/kubernetes` loads the
 * pack directory, Node resolves its package.json `main` to this file, and the constructor starts
 * the analyzer gRPC server. Nothing else may import this module.
 */
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./index.js";

new PolicyPack(packName, { policies });
