/**
 * `platform:platform.runtimeSecurity` (Falco's alert threshold) and `platform:platform.rbac` (who
 * may do what inside the cluster): the break-glass group, the only subject bound to cluster-admin,
 * and the app teams, each a group granted seed 000's `deployment-manager` Role in its namespaces.
 */
import { DEFAULT_BREAK_GLASS_GROUP } from "@platform/facts";
import { type z } from "zod";
import type { Issue } from "../issues.js";
import { checkUnique } from "../validation/names.js";
import { encodeIssue, list, oneOf, strictObject, text } from "./fields.js";

/** Falco priorities as falcosidekick's `minimumpriority` spells them, most severe first. */
export const FALCO_MINIMUM_PRIORITIES = ["emergency", "alert", "critical", "error", "warning", "notice", "informational", "debug"] as const;
export type FalcoMinimumPriority = (typeof FALCO_MINIMUM_PRIORITIES)[number];
/** Seed 000's shell rule is WARNING and seed 001 watches "warning|critical": nothing quieter pages anyone. */
export const DEFAULT_FALCO_MINIMUM_PRIORITY: FalcoMinimumPriority = "warning";

/**
 * A Kubernetes group name as EKS access entries and GKE Google Groups for RBAC carry it: a name
 * such as `acme:payments` or a Google Group's email. Never `system:` (Kubernetes' own groups).
 */
export const GROUP_PATTERN = /^(?!system:)[A-Za-z0-9][A-Za-z0-9@._:-]{0,127}$/;
/** A namespace name (DNS label), not one of Kubernetes' own (`kube-*`) nor `default`. */
export const TEAM_NAMESPACE_PATTERN = /^(?!kube-)(?!default$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const TEAM_NAME_PATTERN = /^(?=.{1,63}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const RUNTIME_SECURITY_SCHEMA = strictObject(
    {
        minimumPriority: oneOf(FALCO_MINIMUM_PRIORITIES).optional().meta({
            description: "Least Falco priority forwarded to the Alertmanager (falcosidekick's minimumpriority); default warning.",
        }),
    },
    "{ minimumPriority: warning }",
).meta({ description: "Falco on every node: which of its alerts reach the Alertmanager." });

const group = (example: string) =>
    text(GROUP_PATTERN, `a group name such as ${example} (never system:...)`, "a group name outside system:");

export const RBAC_SCHEMA = strictObject(
    {
        breakGlassGroup: group("acme:break-glass")
            .optional()
            .meta({ description: `The only group bound to cluster-admin (emergency access); default ${DEFAULT_BREAK_GLASS_GROUP}.` }),
        teams: list(
            strictObject(
                {
                    name: text(TEAM_NAME_PATTERN, "a team slug such as payments", "a team name"),
                    group: group("acme:payments"),
                    namespaces: list(
                        text(TEAM_NAMESPACE_PATTERN, "a namespace such as payments-prod (not kube-* or default)", "an app namespace"),
                        "[payments-prod]",
                    ).min(1, { error: () => encodeIssue("must list at least one namespace", "list the namespaces the team deploys to") }),
                },
                "{ name: payments, group: acme:payments, namespaces: [payments-prod] }",
            ),
            "[{ name: payments, group: acme:payments, namespaces: [payments-prod] }]",
        )
            .optional()
            .meta({
                description: "App teams: each group gets seed 000's deployment-manager Role in its namespaces, nothing cluster-wide.",
            }),
    },
    "{ breakGlassGroup: acme:break-glass, teams: [...] }",
).meta({ description: "Kubernetes RBAC: the break-glass group (cluster-admin) and the app teams' namespaced roles." });

export type RbacConfig = z.infer<typeof RBAC_SCHEMA>;

/**
 * Rules across the teams: each team and each namespace once (a namespace has one owning team), and
 * no team group equal to the break-glass group (that would make the team cluster-admin).
 */
export function rbacIssues(raw: unknown): Issue[] {
    const rbac = (raw as { rbac?: { teams?: unknown; breakGlassGroup?: unknown } } | undefined)?.rbac;
    const teams = rbac?.teams;
    if (!Array.isArray(teams)) return [];
    const rows = teams.filter((t): t is Record<string, unknown> => typeof t === "object" && t !== null);
    const breakGlass = typeof rbac?.breakGlassGroup === "string" ? rbac.breakGlassGroup : DEFAULT_BREAK_GLASS_GROUP;
    const shared: Issue[] = rows.flatMap((t, i) =>
        t["group"] === breakGlass
            ? [
                  {
                      field: `platform:platform.rbac.teams[${i}].group`,
                      value: breakGlass,
                      problem: "is the break-glass group, which is bound to cluster-admin",
                      fix: "give the team its own group; people join the break-glass group only in an emergency",
                  },
              ]
            : [],
    );
    const names = rows.map((t) => t["name"]).filter((n) => typeof n === "string");
    const namespaces = rows.flatMap((t) => (Array.isArray(t["namespaces"]) ? (t["namespaces"] as unknown[]) : []));
    return [
        ...shared,
        ...checkUnique("platform:platform.rbac.teams[].name", names, "team"),
        ...checkUnique("platform:platform.rbac.teams[].namespaces", namespaces, "namespace under one team (a namespace has one owner)"),
    ];
}

/**
 * `platform:cluster.groupRoles` names only groups RBAC binds (the break-glass group or a team's):
 * a role mapped to any other group would authenticate and be allowed nothing, or, worse, whatever
 * some later binding to that name grants.
 */
export function groupRoleIssues(rawCluster: unknown, rawPlatform: unknown): Issue[] {
    const roles = (rawCluster as { groupRoles?: unknown } | undefined)?.groupRoles;
    if (!Array.isArray(roles)) return [];
    const rbac = (rawPlatform as { rbac?: { teams?: unknown; breakGlassGroup?: unknown } } | undefined)?.rbac;
    const known = new Set<unknown>([
        typeof rbac?.breakGlassGroup === "string" ? rbac.breakGlassGroup : DEFAULT_BREAK_GLASS_GROUP,
        ...(Array.isArray(rbac?.teams) ? rbac.teams.map((t) => (t as { group?: unknown } | null)?.group) : []),
    ]);
    return roles.flatMap((r, i) => {
        const groups = (r as { groups?: unknown } | null)?.groups;
        if (!Array.isArray(groups)) return [];
        return groups.flatMap((g, j) =>
            typeof g === "string" && !known.has(g)
                ? [
                      {
                          field: `platform:cluster.groupRoles[${i}].groups[${j}]`,
                          value: g,
                          problem: "is neither the break-glass group nor a team's group in platform:platform.rbac",
                          fix: "map roles only to platform:platform.rbac.breakGlassGroup or a team's group",
                      },
                  ]
                : [],
        );
    });
}
