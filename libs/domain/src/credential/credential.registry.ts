import { EventTable, applicant } from '../events/event-spec';
import { CredentialEvent } from './credential';

const ENDINGS: Record<string, string> = {
  active: 'reinstated',
  suspended: 'suspended',
  expired: 'expired',
  replaced: 'replaced by its renewal',
  withdrawn: 'withdrawn on appeal',
  erased: 'revoked on erasure',
};

/** Every event of the credential status list: what was issued to whom, and each change of its standing. */
export const CREDENTIAL_EVENTS: EventTable<CredentialEvent> = {
  CredentialIssued: {
    schemaVersion: 1,
    // The signed credential names the leader and their institution; its id, index and hash stay clear for verification.
    personal: applicant('document'),
    label: 'Credential issued',
    describe: ({ data }) => `Verifiable credential issued: ${data.title} (status list index ${data.statusListIndex})`,
    byEngine: true,
  },
  CredentialStatusChanged: {
    schemaVersion: 1,
    label: 'Credential status changed',
    describe: ({ data }) => `Verifiable credential ${data.credentialId} ${ENDINGS[data.to] ?? data.to}`,
    byEngine: true,
  },
};
