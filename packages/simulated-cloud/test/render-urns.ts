/** The resources render mode's tests send the kubernetes plugin: a plain object and a Helm release. */
export const DEPLOYMENT_URN = "urn:pulumi:dev::app::platform:workload:Workload$kubernetes:apps/v1:Deployment::web-deployment";
export const RELEASE_URN = "urn:pulumi:dev::app::platform:addons:CertManager$kubernetes:helm.sh/v3:Release::cert-manager-release";
