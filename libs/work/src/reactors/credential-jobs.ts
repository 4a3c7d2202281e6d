import { CredentialKind, CredentialStatus } from '@cert/domain';
import { JobContext } from '@cert/jobs';

/**
 * Payloads of the credential jobs on the deadlines queue (docs/DOMAIN.md, Verifiable credentials): issue a credential
 * for an outcome that confers standing, or move the standing of an application's credentials.
 */
export type CredentialJob =
  | {
      name: 'IssueCredential';
      data: {
        applicationId: string;
        key: string;
        kind: CredentialKind;
        achievement: 'ProgramOfExcellence' | 'CharterMembership' | 'award';
        award: { name: string; year: number } | null;
        validFrom: string;
        validUntil: string | null;
        supersedes: { applicationId: string; as: 'replaced' | 'withdrawn'; because: string } | null;
      };
    }
  | {
      name: 'ChangeCredentialStatus';
      data: { applicationId: string; kind: CredentialKind | 'any'; to: CredentialStatus; because: string };
    };

export const CREDENTIAL_JOB_NAMES: readonly CredentialJob['name'][] = ['IssueCredential', 'ChangeCredentialStatus'];

export const isCredentialJob = (job: JobContext): boolean => CREDENTIAL_JOB_NAMES.includes(job.name as CredentialJob['name']);
