/** Name formats shared by config validation and component argument checks. */

/** Lowercase DNS names: labels of 1-63 letters, digits and inner hyphens, a 2-63 letter TLD. */
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** AWS regions such as `us-east-1`, `us-gov-west-1`. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** AWS AZ names such as `us-east-1a`. */
export const AWS_AZ_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/;
/** GCP regions such as `us-west1`, `europe-west4`. */
export const GCP_REGION_PATTERN = /^[a-z]+-[a-z]+\d+$/;
/** GCP project ids: 6-30 characters, lowercase letters, digits, hyphens, starting with a letter. */
export const GCP_PROJECT_PATTERN = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
