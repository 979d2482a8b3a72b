/** CloudFormation's three request types (FORMATS-api-identity §6). */
export const REQUEST_TYPES = ['Create', 'Update', 'Delete'] as const;
export type CloudFormationRequestType = (typeof REQUEST_TYPES)[number];

/** A custom resource request as CloudFormation sends it to a Lambda-backed provider (FORMATS-api-identity §6). */
export interface CloudFormationOptions {
  /** Create (default), Update or Delete. Update and Delete carry `PhysicalResourceId`; Update also `OldResourceProperties`. */
  requestType?: CloudFormationRequestType;
  /** The resource's properties as the template gives them; scalars arrive as strings (`14` ⇒ `"14"`). Default: realistic ones. */
  properties?: Record<string, unknown>;
  /** Update only: the properties before the update, stringified the same way. Default: the current ones before a realistic change. */
  oldProperties?: Record<string, unknown>;
  /** `Custom::<Name>` (name ≤ 60 of `A-Za-z0-9_@-`) or `AWS::CloudFormation::CustomResource`. Default: a realistic `Custom::` type. */
  resourceType?: string;
  /** The resource's logical id in the template (letters and digits). Default: CDK-style `<Name><8 hex>`. */
  logicalId?: string;
  /** Update and Delete: the id the provider returned for the resource. Default: a log stream name, as cfn-response returns. */
  physicalId?: string;
  /** The stack's name; its ARN, with a UUID, is `StackId`. Default: a realistic name. */
  stackName?: string;
  /** The provider function, a name or a Lambda function ARN: `ServiceToken`. Default: a realistic name in the run's region and account. */
  serviceToken?: string;
  /** The template's `ServiceTimeout` in seconds (1-3600), sent in `ResourceProperties` as a string. Absent by default (3600). */
  serviceTimeout?: number;
}
