import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { DataKeyProvider } from './secret-sealer.ts';

/**
 * Data keys from KMS in AWS: GenerateDataKey once per sealed secret (a subscription's creation
 * or rotation), Decrypt when a worker first needs that secret. The encryption context names the
 * subscription, so CloudTrail shows whose secret was opened and a blob moved to another item is
 * refused by KMS itself.
 */
export function kmsKeyProvider(client: KMSClient, keyId: () => string): DataKeyProvider {
  return {
    async generate(context) {
      const answer = await client.send(
        new GenerateDataKeyCommand({ KeyId: keyId(), KeySpec: 'AES_256', EncryptionContext: context }),
      );
      if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: answer.Plaintext, encrypted: answer.CiphertextBlob };
    },
    async decrypt(encrypted, context) {
      const answer = await client.send(
        new DecryptCommand({ KeyId: keyId(), CiphertextBlob: encrypted, EncryptionContext: context }),
      );
      if (!answer.Plaintext) throw new Error('KMS returned no plaintext');
      return answer.Plaintext;
    },
  };
}
