export { BEGIN_MARKER, type DocumentedPack, END_MARKER, policySource, policyTables, withPolicyTables } from "./table.js";
export { lineDiff } from "./line-diff.js";
export { PACKS } from "./packs.js";
export { currentReadme, FIX_COMMAND, generatedReadme, README_PATH, writeReadme } from "./readme.js";
export {
    type CheckovCheck,
    type CheckovChecks,
    type CheckovException,
    type NotEvaluatedReasons,
    PARITY_BEGIN,
    PARITY_END,
    parityTable,
    readCheckovChecks,
    readCheckovExceptions,
    readNotEvaluatedReasons,
    withParityTable,
} from "./parity.js";
