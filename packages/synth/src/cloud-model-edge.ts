/**
 * The simulated cloud's model of the public edge's AWS types (Application Load Balancer, target
 * group, listeners, ACM certificate and its validation, Route 53 records, WAFv2 web ACL, its
 * association and logging): ids, the outputs components read, and the inputs whose change
 * replaces a resource. `cloud-model.ts` merges these into the one model; every value is a
 * rehearsal value.
 */
import { createHash } from "node:crypto";
import type { DataResourceContext } from "./cloud-model-data.js";

type State = Record<string, unknown>;
type Context = DataResourceContext;

function hex(length: number, ...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

function named(ctx: Context, field = "name"): string {
    return str(ctx.inputs[field], `${ctx.name}-${hex(7, ctx.type, ctx.name)}`);
}

function uuid(...parts: string[]): string {
    const h = hex(32, ...parts);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function elbArn(ctx: Context, resource: string): string {
    return `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:${resource}`;
}

/** The canonical hosted zone of Application Load Balancers in us-east-1 (the simulated region's). */
export const SIMULATED_ALB_ZONE_ID = "Z35SXDOTRQ7X7K";

/** The parent domain of a name (`*.acme.example.com` -> `acme.example.com`). */
function baseDomain(name: string): string {
    return name.startsWith("*.") ? name.slice(2) : name;
}

/** AWS ids of the edge types; undefined for types this model does not own. */
export function awsEdgeId(ctx: Context): string | undefined {
    switch (ctx.type) {
        case "aws:lb/loadBalancer:LoadBalancer":
            return elbArn(ctx, `loadbalancer/app/${named(ctx)}/${hex(16, ctx.type, ctx.name)}`);
        case "aws:lb/targetGroup:TargetGroup":
            return elbArn(ctx, `targetgroup/${named(ctx)}/${hex(16, ctx.type, ctx.name)}`);
        case "aws:lb/listener:Listener": {
            const lb = str(ctx.inputs["loadBalancerArn"], elbArn(ctx, "loadbalancer/app/lb/0"));
            return `${lb.replace(":loadbalancer/", ":listener/")}/${hex(16, ctx.type, ctx.name)}`;
        }
        case "aws:lb/listenerRule:ListenerRule": {
            const listener = str(ctx.inputs["listenerArn"], elbArn(ctx, "listener/app/lb/0/0"));
            return `${listener.replace(":listener/", ":listener-rule/")}/${hex(16, ctx.type, ctx.name)}`;
        }
        case "aws:acm/certificate:Certificate":
            return `arn:aws:acm:${ctx.region}:${ctx.account}:certificate/${uuid(ctx.type, ctx.name)}`;
        case "aws:acm/certificateValidation:CertificateValidation":
            return SIMULATED_ISSUED_AT;
        case "aws:route53/record:Record":
            return `${str(ctx.inputs["zoneId"], "Z")}_${str(ctx.inputs["name"], ctx.name)}_${str(ctx.inputs["type"], "A")}`;
        case "aws:wafv2/webAcl:WebAcl":
            return uuid(ctx.type, ctx.name);
        case "aws:wafv2/webAclAssociation:WebAclAssociation":
            return `${str(ctx.inputs["webAclArn"], "acl")},${str(ctx.inputs["resourceArn"], "resource")}`;
        case "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration":
            return str(ctx.inputs["resourceArn"], "acl");
        default:
            return undefined;
    }
}

/** When a simulated certificate was issued (the validation's id, as the provider's). */
export const SIMULATED_ISSUED_AT = "2025-01-01 00:00:00 +0000 UTC";

/** Computed outputs of the edge types. */
export const AWS_EDGE_MODEL: Record<string, (ctx: Context, id: string) => State> = {
    "aws:lb/loadBalancer:LoadBalancer": (ctx, id) => {
        const suffix = id.split(":loadbalancer/")[1] ?? "app/lb/0";
        return {
            arn: id,
            arnSuffix: suffix,
            name: named(ctx),
            dnsName: `${named(ctx)}-${parseInt(hex(8, id), 16)}.${ctx.region}.elb.amazonaws.com`,
            zoneId: SIMULATED_ALB_ZONE_ID,
            vpcId: str(ctx.inputs["vpcId"], `vpc-${hex(17, id)}`),
        };
    },
    "aws:lb/targetGroup:TargetGroup": (ctx, id) => ({
        arn: id,
        arnSuffix: id.split(":")[5] ?? "targetgroup/tg/0",
        name: named(ctx),
        loadBalancerArns: [],
    }),
    "aws:lb/listener:Listener": (_ctx, id) => ({ arn: id }),
    "aws:lb/listenerRule:ListenerRule": (_ctx, id) => ({ arn: id }),
    "aws:acm/certificate:Certificate": (ctx, id) => {
        const domain = str(ctx.inputs["domainName"], "example.invalid");
        const sans = Array.isArray(ctx.inputs["subjectAlternativeNames"]) ? (ctx.inputs["subjectAlternativeNames"] as unknown[]) : [];
        const names = [domain, ...sans.filter((s): s is string => typeof s === "string")];
        return {
            arn: id,
            status: "ISSUED",
            domainValidationOptions: names.map((name) => ({
                domainName: name,
                // ACM gives a name and its wildcard the same record.
                resourceRecordName: `_${hex(32, "acm", id, baseDomain(name))}.${baseDomain(name)}.`,
                resourceRecordType: "CNAME",
                resourceRecordValue: `_${hex(32, "acm-value", id, baseDomain(name))}.simulated.acm-validations.aws.`,
            })),
        };
    },
    "aws:acm/certificateValidation:CertificateValidation": (ctx) => ({ certificateArn: str(ctx.inputs["certificateArn"], "") }),
    "aws:route53/record:Record": (ctx) => ({ fqdn: str(ctx.inputs["name"], ctx.name).replace(/\.$/, "") }),
    "aws:wafv2/webAcl:WebAcl": (ctx, id) => ({
        arn: `arn:aws:wafv2:${ctx.region}:${ctx.account}:regional/webacl/${named(ctx)}/${id}`,
        capacity: 1400,
        lockToken: uuid("lock", id),
    }),
    "aws:wafv2/webAclAssociation:WebAclAssociation": () => ({}),
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": () => ({}),
};

/** Inputs whose change replaces an edge resource (ForceNew in the Terraform AWS provider). */
export const EDGE_REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    "aws:lb/loadBalancer:LoadBalancer": ["name", "namePrefix", "internal", "loadBalancerType", "customerOwnedIpv4Pool", "region"],
    "aws:lb/targetGroup:TargetGroup": [
        "name",
        "namePrefix",
        "port",
        "protocol",
        "protocolVersion",
        "targetType",
        "vpcId",
        "ipAddressType",
        "region",
    ],
    "aws:lb/listener:Listener": ["loadBalancerArn", "region"],
    "aws:lb/listenerRule:ListenerRule": ["listenerArn", "region"],
    "aws:acm/certificate:Certificate": [
        "domainName",
        "subjectAlternativeNames",
        "validationMethod",
        "keyAlgorithm",
        "certificateAuthorityArn",
        "region",
    ],
    "aws:acm/certificateValidation:CertificateValidation": ["certificateArn", "validationRecordFqdns", "region"],
    "aws:route53/record:Record": ["zoneId", "name", "type", "setIdentifier"],
    "aws:wafv2/webAcl:WebAcl": ["name", "namePrefix", "scope", "region"],
    "aws:wafv2/webAclAssociation:WebAclAssociation": ["resourceArn", "webAclArn", "region"],
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": ["resourceArn", "region"],
};

/**
 * GCP edge types (Certificate Manager: the public edge's DNS authorizations, certificate, map and
 * map entries): id and outputs, or undefined for types this model does not own. A DNS
 * authorization reports the CNAME record the zone must carry, as Certificate Manager does:
 * `_acme-challenge.<domain>.` to a per-authorization name under `authorize.certificatemanager.goog.`.
 */
export function gcpEdgeState(ctx: Context, project: string): { id: string; state: State } | undefined {
    const base = `projects/${project}/locations/${str(ctx.inputs["location"], "global")}`;
    switch (ctx.type) {
        case "gcp:certificatemanager/dnsAuthorization:DnsAuthorization": {
            const name = named(ctx);
            const id = `${base}/dnsAuthorizations/${name}`;
            const domain = str(ctx.inputs["domain"], "example.com");
            return {
                id,
                state: {
                    name,
                    dnsResourceRecords: [
                        { name: `_acme-challenge.${domain}.`, type: "CNAME", data: `${hex(12, id)}.9.authorize.certificatemanager.goog.` },
                    ],
                },
            };
        }
        case "gcp:certificatemanager/certificate:Certificate":
            return { id: `${base}/certificates/${named(ctx)}`, state: { name: named(ctx) } };
        case "gcp:certificatemanager/certificateMap:CertificateMap": {
            const id = `${base}/certificateMaps/${named(ctx)}`;
            return { id, state: { name: named(ctx), gclbTargets: [] } };
        }
        case "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry": {
            const map = str(ctx.inputs["map"], "map");
            return {
                id: `${base}/certificateMaps/${map}/certificateMapEntries/${named(ctx)}`,
                state: { name: named(ctx), state: "ACTIVE" },
            };
        }
        default:
            return undefined;
    }
}

/** Inputs whose change replaces a GCP edge resource (the provider's ForceNew fields). */
export const GCP_EDGE_REPLACE_ON_CHANGE: Readonly<Record<string, readonly string[]>> = {
    "gcp:certificatemanager/dnsAuthorization:DnsAuthorization": ["name", "project", "location", "domain", "type"],
    "gcp:certificatemanager/certificate:Certificate": ["name", "project", "location", "scope", "managed", "selfManaged"],
    "gcp:certificatemanager/certificateMap:CertificateMap": ["name", "project"],
    "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry": ["name", "project", "map", "hostname", "matcher"],
};
