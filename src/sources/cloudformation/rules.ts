/**
 * The shapes CloudFormation's request fields have, shared by the generator (which refuses options
 * outside them) and the checker (FORMATS-api-identity §6).
 */

/** `Custom::<Name>` with a name of at most 60 of `A-Za-z0-9_@-`, or the generic type. */
export const CUSTOM_TYPE = /^Custom::([A-Za-z0-9_@-]{1,60})$/;
export const GENERIC_TYPE = 'AWS::CloudFormation::CustomResource';

export function isResourceType(type: string): boolean {
  return type === GENERIC_TYPE || CUSTOM_TYPE.test(type);
}

/** A template's logical id: letters and digits, at most 255 of them. */
export const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

/** A stack name: a letter, then letters, digits and hyphens, at most 128 in all. */
export const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/** A lowercase RFC 4122 UUID of any version: stack ids carry time-based (v1) ones, request ids v4. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** `arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>`. */
export const STACK_ARN =
  /^arn:(aws[a-z-]*):cloudformation:([a-z0-9-]+):(\d{12}):stack\/([A-Za-z][A-Za-z0-9-]{0,127})\/([0-9a-f-]{36})$/;

/** A Lambda function ARN, with an optional version or alias. */
export const FUNCTION_ARN =
  /^arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(?:\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;

/** A Lambda function name. */
export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** PhysicalResourceId: a non-empty string of at most 1 KB (the response reference's limit). */
export const MAX_PHYSICAL_ID_BYTES = 1024;

/** `ServiceTimeout`: whole seconds from 1 to 3600 (DOC CFN-CR). */
export const MAX_SERVICE_TIMEOUT = 3600;

/** The response body the provider PUTs is at most 4096 bytes (DOC CFN-CR). */
export const MAX_RESPONSE_BYTES = 4096;
