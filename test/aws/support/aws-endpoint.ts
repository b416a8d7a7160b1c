import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StepFunctionsEmulator } from './step-functions.ts';

/**
 * The AWS services that have no local implementation, emulated behind one endpoint that speaks
 * their wire protocol (AWS JSON 1.0/1.1: POST, X-Amz-Target, errors as `__type`), so the bundles
 * reach them through their unmodified SDK clients via AWS_ENDPOINT_URL_<SERVICE>:
 * - Step Functions: StartExecution, SendTaskSuccess, SendTaskFailure (StepFunctionsEmulator);
 * - Secrets Manager: GetSecretValue of the secrets the template generates;
 * - KMS: GenerateDataKey, Encrypt, Decrypt with one symmetric key per key id, AES-256-GCM, the
 *   encryption context bound as additional data (as KMS binds it).
 * Signatures (SigV4) are not checked: IAM is asserted on the template, not here.
 */
export interface AwsEndpoint {
  url: string;
  secrets: Map<string, string>;
  /** Every call, by target, for tests that count them. */
  calls: string[];
  close(): Promise<void>;
}

export async function startAwsEndpoint(stepFunctions: StepFunctionsEmulator): Promise<AwsEndpoint> {
  const secrets = new Map<string, string>();
  const keys = new Map<string, Buffer>();
  const calls: string[] = [];
  const keyOf = (id: string) => {
    const key = keys.get(id) ?? randomBytes(32);
    keys.set(id, key);
    return key;
  };
  const operations: Record<string, (request: any) => unknown> = {
    'AWSStepFunctions.StartExecution': (request) => stepFunctions.startExecution(request),
    'AWSStepFunctions.SendTaskSuccess': (request) => stepFunctions.sendTaskSuccess(request),
    'AWSStepFunctions.SendTaskFailure': (request) => stepFunctions.sendTaskFailure(request),
    'secretsmanager.GetSecretValue': (request) => {
      const value = secrets.get(request.SecretId);
      if (value === undefined) throw failure('ResourceNotFoundException', `no secret ${request.SecretId}`);
      return { ARN: request.SecretId, Name: request.SecretId, SecretString: value, VersionId: 'v1' };
    },
    'TrentService.GenerateDataKey': (request) => {
      const plaintext = randomBytes(request.NumberOfBytes ?? 32);
      return {
        KeyId: request.KeyId,
        Plaintext: plaintext.toString('base64'),
        CiphertextBlob: seal(request.KeyId, plaintext, request.EncryptionContext),
      };
    },
    'TrentService.Encrypt': (request) => ({
      KeyId: request.KeyId,
      CiphertextBlob: seal(request.KeyId, Buffer.from(request.Plaintext, 'base64'), request.EncryptionContext),
    }),
    'TrentService.Decrypt': (request) => {
      const blob = Buffer.from(request.CiphertextBlob, 'base64');
      const idLength = blob.readUInt16BE(0);
      const keyId = blob.subarray(2, 2 + idLength).toString('utf8');
      const rest = blob.subarray(2 + idLength);
      const decipher = createDecipheriv('aes-256-gcm', keyOf(keyId), rest.subarray(0, 12));
      decipher.setAAD(Buffer.from(contextText(request.EncryptionContext)));
      decipher.setAuthTag(rest.subarray(12, 28));
      try {
        const plaintext = Buffer.concat([decipher.update(rest.subarray(28)), decipher.final()]);
        return { KeyId: keyId, Plaintext: plaintext.toString('base64') };
      } catch {
        throw failure('InvalidCiphertextException', 'the ciphertext or its encryption context does not match');
      }
    },
  };
  function seal(keyId: string, plaintext: Buffer, context?: Record<string, string>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyOf(keyId), iv);
    cipher.setAAD(Buffer.from(contextText(context)));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const id = Buffer.from(keyId, 'utf8');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    return Buffer.concat([length, id, iv, cipher.getAuthTag(), body]).toString('base64');
  }

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    calls.push(target);
    const operation = operations[target];
    const contentType = target.startsWith('AWSStepFunctions')
      ? 'application/x-amz-json-1.0'
      : 'application/x-amz-json-1.1';
    try {
      if (!operation) throw failure('UnknownOperationException', `not emulated: ${target}`);
      const result = await operation(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      response.writeHead(200, { 'content-type': contentType }).end(JSON.stringify(result));
    } catch (error) {
      const { name, message } = error as Error;
      response
        .writeHead(400, { 'content-type': contentType, 'x-amzn-errortype': name })
        .end(JSON.stringify({ __type: name, message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function contextText(context?: Record<string, string>): string {
  return JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

function failure(name: string, message: string) {
  return Object.assign(new Error(message), { name });
}
