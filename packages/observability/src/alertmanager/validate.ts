/** Every problem with the Alertmanager arguments, in the platform's one error format. */
import { checkUnique, type Issue } from "@platform/core";
import { SLO_NAME_PATTERN } from "../slo/spec.js";
import type { AlertmanagerConfigArgs } from "./config.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const HOST_PORT = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:\d{1,5}$/;

export function validateAlertmanagerArgs(args: AlertmanagerConfigArgs, prefix = ""): Issue[] {
    const issues: Issue[] = [];
    if (args.teams.length === 0) {
        issues.push({
            field: `${prefix}teams`,
            value: [],
            problem: "is empty: alerts would reach no one",
            fix: "list at least the platform team with its email",
        });
    }
    args.teams.forEach((t, i) => {
        if (!SLO_NAME_PATTERN.test(t.name)) {
            issues.push({
                field: `${prefix}teams[${i}].name`,
                value: t.name,
                problem: "is not a valid team name (it is the alerts' team label value and part of receiver and secret key names)",
                fix: "use 1-63 lowercase letters, digits and inner hyphens starting with a letter, e.g. platform",
            });
        }
        if (!EMAIL.test(t.email)) {
            issues.push({
                field: `${prefix}teams[${i}].email`,
                value: t.email,
                problem: "is not an email address",
                fix: "use the team's mailbox, e.g. platform-team@example.com",
            });
        }
    });
    issues.push(
        ...checkUnique(
            `${prefix}teams[].name`,
            args.teams.map((t) => t.name),
            "team",
        ),
    );
    if (!EMAIL.test(args.smtp.from)) {
        issues.push({
            field: `${prefix}smtp.from`,
            value: args.smtp.from,
            problem: "is not an email address",
            fix: "use the sender address, e.g. alerts@example.com",
        });
    }
    if (!HOST_PORT.test(args.smtp.smarthost) || args.smtp.smarthost.startsWith("localhost:")) {
        issues.push({
            field: `${prefix}smtp.smarthost`,
            value: args.smtp.smarthost,
            problem: "is not the host:port of a reachable SMTP server (localhost is the Alertmanager pod itself)",
            fix: "use the submission server, e.g. email-smtp.us-east-1.amazonaws.com:587",
        });
    }
    if (args.smtp.username.trim() === "") {
        issues.push({
            field: `${prefix}smtp.username`,
            value: args.smtp.username,
            problem: "is empty",
            fix: "use the SMTP user; its password comes from the receivers' secret",
        });
    }
    return issues;
}
