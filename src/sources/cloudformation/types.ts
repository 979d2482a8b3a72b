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

/** The event the options make: by `requestType`, Create when it is left out. */
export type CloudFormationEventOf<Options> = Options extends {
  requestType: infer Type extends CloudFormationRequestType;
}
  ? CloudFormationEventByRequestType[Type]
  : Options extends { requestType?: undefined }
    ? CloudFormationCustomResourceCreateEvent
    : CloudFormationCustomResourceEvent;
