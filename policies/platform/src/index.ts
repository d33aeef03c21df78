/**
 * The platform CrossGuard pack (stack-level rules over the whole stack): the policy list,
 * importable without starting a policy server (`pack.ts` is the entry point the CLI runs).
 */
import type { Policies } from "@pulumi/policy";
import { backupsMeetRpo } from "./policies/backups-meet-rpo.js";
import { haInProd } from "./policies/ha-in-prod.js";
import { protectStatefulProd } from "./policies/protect-stateful-prod.js";
import { requiredTags } from "./policies/required-tags.js";
import { stackCloud } from "./policies/stack-cloud.js";

export const packName = "platform";

export const policies: Policies = [requiredTags, haInProd, protectStatefulProd, backupsMeetRpo, stackCloud];

export { backupsMeetRpo, haInProd, protectStatefulProd, requiredTags, stackCloud };
export { cloudOfType, STACK_CLOUDS, type StackCloud } from "./policies/stack-cloud.js";
