import type { ResourceValidationPolicy } from "@pulumi/policy";
import { asNonEmptyString, checkov, validateResourceOfTypes } from "@platform/policy-kit";
import { AWS_TYPES } from "@platform/facts";

/**
 * What gives AWS credentials away in a text, as Checkov 3.3.30 looks for them (its `aws` secret
 * patterns, from git-secrets): a 40-character secret access key on its own, an access key id, a
 * secret key assigned to a `*key` name, an account id assigned to an `account_id` name.
 */
const AWS_SECRET_PATTERNS: ReadonlyArray<{ readonly what: string; readonly pattern: RegExp }> = [
    { what: "a secret access key", pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/ },
    { what: "an access key id", pattern: /(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}/ },
    {
        what: "a secret key assignment",
        pattern:
            /("|')?(AWS|aws|Aws)?_?(SECRET|secret|Secret)?_?(ACCESS|access|Access)?_?(KEY|key|Key)("|')?\s*(:|=>|=)\s*("|')?[A-Za-z0-9/+=]{40}("|')?/,
    },
    {
        what: "an account id assignment",
        pattern: /("|')?(AWS|aws|Aws)?_?(ACCOUNT|account|Account)_?(ID|id|Id)?("|')?\s*(:|=>|=)\s*("|')?[0-9]{4}-?[0-9]{4}-?[0-9]{4}("|')?/,
    },
];

/** In decoded user data (a script), only the unambiguous ones: a bare 40-character token there is as often a commit hash. */
const DECODED_PATTERNS = AWS_SECRET_PATTERNS.filter((p) => p.what !== "a secret access key");

/** An MD5 or SHA-1 hash on its own, which Checkov does not read as a secret. */
const HASH = /^([a-f0-9]{32}|[a-f0-9]{40})$/i;

/** The user data as a script: decoded when it is base64 (a launch template's always is). */
function decoded(text: string): string | undefined {
    if (!/^[A-Za-z0-9+/\s]+={0,2}$/.test(text)) return undefined;
    const bytes = Buffer.from(text, "base64");
    const script = bytes.toString("utf8");
    // Base64 of arbitrary bytes is not a script; only text that round-trips and is printable is read.
    return /^[\t\n\r\x20-\x7e]*$/.test(script) && bytes.length > 0 ? script : undefined;
}

/** What the user data gives away, as the check names it. */
export function userDataSecrets(userData: string): string[] {
    const raw = HASH.test(userData) ? [] : AWS_SECRET_PATTERNS.filter((p) => p.pattern.test(userData)).map((p) => p.what);
    const script = decoded(userData);
    const inScript = script === undefined ? [] : DECODED_PATTERNS.filter((p) => p.pattern.test(script)).map((p) => `${p.what} (decoded)`);
    return [...raw, ...inScript];
}

/**
 * EC2 user data carries no AWS credentials (CKV_AWS_46): anyone who can describe the instance or
 * launch template, and every process on the host through the metadata service, reads it. Checked on
 * launch templates (`userData`, base64) and instances (`userData`, `userDataBase64`), with the
 * patterns Checkov uses on the value as given, and, when the value is base64 of a script, the
 * access key id and assignment patterns on the script too. Give hosts credentials through their
 * instance profile, and secrets through Secrets Manager or SSM Parameter Store.
 */
export const ec2UserDataNoSecrets: ResourceValidationPolicy = {
    name: "aws-ec2-user-data-no-secrets",
    description: "EC2 user data of launch templates and instances carries no AWS credentials.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: checkov({ CKV_AWS_46: "Ensure no hard-coded secrets exist in EC2 user data" }),
    remediationSteps:
        "Remove the keys from userData and rotate them; give the hosts an instance profile role, and read secrets at boot from Secrets Manager or SSM Parameter Store.",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
    validateResource: validateResourceOfTypes([AWS_TYPES.launchTemplate, AWS_TYPES.ec2Instance], (props, args, reportViolation) => {
        for (const field of ["userData", "userDataBase64"]) {
            const value = asNonEmptyString(props[field]);
            if (value === undefined) continue;
            const found = userDataSecrets(value);
            if (found.length === 0) continue;
            reportViolation(
                `${args.name}'s ${field} holds ${found.join(", ")}; remove the credentials (and rotate them), and give the hosts an instance profile role instead.`,
            );
        }
    }),
};
