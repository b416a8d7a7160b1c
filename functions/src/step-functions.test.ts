import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSendTaskSuccess, createStartExecution, executionName } from './step-functions.ts';

/**
 * The real SDK client against a local endpoint that answers the way Step Functions does
 * (AWS JSON 1.0, errors named by `__type`), so the error names we rely on are the ones the SDK
 * actually produces from the wire, not ones a stub made up.
 */
interface Call {
  target: string;
  body: Record<string, unknown>;
}
let server: Server;
let client: SFNClient;
let calls: Call[] = [];
/** What the endpoint answers next: an error type, or success. */
let nextError: string | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      calls.push({ target: String(request.headers['x-amz-target']), body: JSON.parse(text) });
      response.setHeader('content-type', 'application/x-amz-json-1.0');
      if (nextError) {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: `com.amazonaws.swf.service.v2.model#${nextError}`, message: 'no' }));
      } else {
        response.end(JSON.stringify({ executionArn: 'arn:aws:states:eu-north-1:1:execution:m:e', startDate: 0 }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SFNClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  calls = [];
  nextError = undefined;
});

const logger = new Logger({ logLevel: 'SILENT' });
const arns = {
  planning: 'arn:aws:states:eu-north-1:123456789012:stateMachine:planning',
  closing: 'arn:aws:states:eu-north-1:123456789012:stateMachine:closing',
};

describe('sendTaskSuccess', () => {
  it('completes the task with the token and an empty JSON output', async () => {
    await createSendTaskSuccess(client, logger)('token-1');
    expect(calls).toEqual([
      { target: 'AWSStepFunctions.SendTaskSuccess', body: { taskToken: 'token-1', output: '{}' } },
    ]);
  });

  it.each(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'])('treats %s as already done', async (error) => {
    nextError = error;
    await expect(createSendTaskSuccess(client, logger)('token-1')).resolves.toBeUndefined();
  });

  it('passes any other failure on, so the caller retries', async () => {
    nextError = 'ThrottlingException';
    await expect(createSendTaskSuccess(client, logger)('token-1')).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});

describe('startExecution', () => {
  it('names the execution by förbund, year and kind, with the input the definitions read', async () => {
    await createStartExecution(client, arns, logger)('closing', 'F-01', 2027);
    expect(calls).toEqual([
      {
        target: 'AWSStepFunctions.StartExecution',
        body: { stateMachineArn: arns.closing, name: 'F-01-2027-closing', input: '{"forbundId":"F-01","year":2027}' },
      },
    ]);
  });

  it('treats an execution that exists already as started', async () => {
    nextError = 'ExecutionAlreadyExists';
    await expect(createStartExecution(client, arns, logger)('planning', 'F-01', 2028)).resolves.toBeUndefined();
  });

  it('passes other failures on', async () => {
    nextError = 'StateMachineDoesNotExist';
    await expect(createStartExecution(client, arns, logger)('planning', 'F-01', 2028)).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
  });
});

describe('executionName', () => {
  it('fits the longest förbund id the store accepts into Step Functions’ 80 characters', () => {
    expect(executionName('planning', 'a'.repeat(64), 2027)).toHaveLength(78);
    expect(() => executionName('planning', 'a'.repeat(70), 2027)).toThrow(/too long/);
  });
});
