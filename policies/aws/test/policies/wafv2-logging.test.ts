import * as assert from "node:assert/strict";
import { wafv2Logging } from "../../src/policies/wafv2-logging.js";
import { runPolicy, violation } from "./prod-fixtures.js";
import { edgeStack, REDACTED } from "./alb-fixtures.js";

const destination = { logDestinationConfigs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-acme"] };

describe("aws-wafv2-logging", () => {
    it("passes an ACL logging to a destination with Authorization and Cookie redacted (any case)", async () => {
        const { s, acl, logging } = edgeStack();
        logging("log", acl("acl"), { ...destination, redactedFields: REDACTED });
        logging("upper", acl("upper"), {
            ...destination,
            redactedFields: [{ singleHeader: { name: "Cookie" } }, { singleHeader: { name: "Authorization" } }],
        });
        assert.deepEqual(await runPolicy(wafv2Logging, s), []);
    });

    it("flags an ACL without logging, logging without a destination, and logs keeping a header in clear", async () => {
        const { s, acl, logging } = edgeStack();
        const none = acl("none");
        const empty = acl("empty");
        logging("empty-log", empty, { logDestinationConfigs: [], redactedFields: REDACTED });
        const partialAcl = acl("partial");
        const partial = logging("partial-log", partialAcl, { ...destination, redactedFields: [REDACTED[0]] });
        const unsetAcl = acl("unset");
        const unset = logging("unset-log", unsetAcl, destination);
        const noLogging = "has no logging configuration with a destination; add a WebAclLoggingConfiguration.";
        assert.deepEqual(await runPolicy(wafv2Logging, s), [
            violation(wafv2Logging, none.urn, `web ACL acl-none (${none.urn}) ${noLogging}`),
            violation(wafv2Logging, empty.urn, `web ACL acl-empty (${empty.urn}) ${noLogging}`),
            violation(
                wafv2Logging,
                partial.urn,
                `web ACL acl-partial (${partialAcl.urn}) logs the cookie header(s) in clear; add them to redactedFields.`,
            ),
            violation(
                wafv2Logging,
                unset.urn,
                `web ACL acl-unset (${unsetAcl.urn}) logs the authorization and cookie header(s) in clear; add them to redactedFields.`,
            ),
        ]);
    });
});
