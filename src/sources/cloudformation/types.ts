import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import type { CloudFormationRequestType } from './options.js';

/** The event type of each request type. */
export interface CloudFormationEventByRequestType {
  Create: CloudFormationCustomResourceCreateEvent;
  Update: CloudFormationCustomResourceUpdateEvent;
  Delete: CloudFormationCustomResourceDeleteEvent;
}

/**
 * The event the options make: by `requestType`, Create when it is left out, any of the three when it is
 * only known to be one of them.
 */
export type CloudFormationEventOf<Options> = Options extends { requestType: 'Update' }
  ? CloudFormationEventByRequestType['Update']
  : Options extends { requestType: 'Delete' }
    ? CloudFormationEventByRequestType['Delete']
    : Options extends { requestType: CloudFormationRequestType }
      ? Options extends { requestType: 'Create' }
        ? CloudFormationEventByRequestType['Create']
        : CloudFormationCustomResourceEvent
      : CloudFormationEventByRequestType['Create'];
