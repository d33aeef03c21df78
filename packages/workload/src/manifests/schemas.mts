/**
 * The schema of every kind the platform creates, by `apiVersion` and `kind`: the typed models of
 * `kubernetes-models` (built-in kinds) and `@kubernetes-models/*` (Istio, KEDA, cert-manager,
 * External Secrets, prometheus-operator, Karpenter), each able to validate an object against its
 * OpenAPI schema. Builders validate what they build; the tests validate every object a
 * synthesized stack registers. An ES module: the models ship only as ES modules.
 */
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Pod } from "kubernetes-models/v1/Pod";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Job } from "kubernetes-models/batch/v1/Job";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { ScaledObject } from "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import { PeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import { Gateway as IstioGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";

/** A model class: construct it from an object, then `validate()` throws on a schema violation. */
export interface ModelClass {
    new (data: never): { validate(): void; toJSON(): unknown };
}

const MODELS: Readonly<Record<string, ModelClass>> = {
    "v1/Namespace": Namespace,
    "v1/Service": Service,
    "v1/ServiceAccount": ServiceAccount,
    "v1/Pod": Pod,
    "v1/ConfigMap": ConfigMap,
    "apps/v1/Deployment": Deployment,
    "apps/v1/StatefulSet": StatefulSet,
    "apps/v1/DaemonSet": DaemonSet,
    "batch/v1/Job": Job,
    "batch/v1/CronJob": CronJob,
    "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
    "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
    "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
    "networking.k8s.io/v1/Ingress": Ingress,
    "storage.k8s.io/v1/StorageClass": StorageClass,
    "rbac.authorization.k8s.io/v1/ClusterRole": ClusterRole,
    "rbac.authorization.k8s.io/v1/ClusterRoleBinding": ClusterRoleBinding,
    "rbac.authorization.k8s.io/v1/Role": Role,
    "rbac.authorization.k8s.io/v1/RoleBinding": RoleBinding,
    "monitoring.coreos.com/v1/ServiceMonitor": ServiceMonitor,
    "keda.sh/v1alpha1/ScaledObject": ScaledObject,
    "security.istio.io/v1/AuthorizationPolicy": AuthorizationPolicy,
    "security.istio.io/v1/PeerAuthentication": PeerAuthentication,
    "networking.istio.io/v1/Gateway": IstioGateway,
    "networking.istio.io/v1/VirtualService": VirtualService,
};

const EXTRA: Record<string, ModelClass> = {};

/** Adds the models of another package (the add-ons register cert-manager, External Secrets, Karpenter...). */
export function registerModels(models: Readonly<Record<string, ModelClass>>): void {
    Object.assign(EXTRA, models);
}

/** The model of `<apiVersion>/<kind>`, or undefined for a kind without one. */
export function modelOf(apiVersion: string, kind: string): ModelClass | undefined {
    const key = `${apiVersion}/${kind}`;
    return MODELS[key] ?? EXTRA[key];
}

/**
 * Validates an object against its kind's schema: throws the model's validation error (which names
 * the failing path), or an error naming a kind without a schema.
 */
export function validateObject(object: Readonly<Record<string, unknown>>): void {
    const apiVersion = String(object["apiVersion"]);
    const kind = String(object["kind"]);
    const Model = modelOf(apiVersion, kind);
    if (Model === undefined) {
        throw new Error(`no schema for ${apiVersion}/${kind}`);
    }
    new Model(object as never).validate();
}

/** Validates `object` and returns it as plain JSON (the form Pulumi resources take). */
export function validated<T extends Readonly<Record<string, unknown>>>(object: T): T {
    validateObject(object);
    return JSON.parse(JSON.stringify(object)) as T;
}
