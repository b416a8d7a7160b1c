import { KMSClient } from '@aws-sdk/client-kms';
import { envelopeSealer } from '@finsam/webhooks';
import { kmsKeyProvider } from '@finsam/webhooks/kms';
import { requiredEnvironment } from './environment.ts';

/**
 * Members' webhook signing secrets in AWS (issue 11): envelope-encrypted with data keys from the
 * stack's KMS key (infra/constructs/webhooks.ts, rotation on). The API seals them when a
 * subscription is created or rotated; both functions open them to sign. Short timeouts: a slow
 * KMS fails one request or attempt (retried), it does not hold a function until its own timeout.
 */
const kms_attempts_max = 2;
const kms_request_timeout_ms = 1_000;

export const awsSecretSealer = envelopeSealer(
  kmsKeyProvider(
    new KMSClient({
      maxAttempts: kms_attempts_max,
      requestHandler: { requestTimeout: kms_request_timeout_ms, connectionTimeout: kms_request_timeout_ms },
    }),
    // Read late, so that loading the bundle needs no environment beyond the table.
    () => requiredEnvironment('WEBHOOK_SECRET_KEY_ARN'),
  ),
);
