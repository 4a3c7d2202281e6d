import { ApplicationEvent, SubjectErased } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { JobSpec } from '@cert/jobs';
import { CredentialJob } from './credential-jobs';

const job = (event: RecordedEvent, j: CredentialJob): JobSpec => ({
  queue: 'deadlines',
  name: j.name,
  jobId: `credential-${j.name === 'IssueCredential' ? 'issue' : 'status'}-${event.id}${'applicationId' in j.data ? `-${j.data.applicationId}` : ''}`,
  data: j.data,
  runAt: null,
});

const status = (event: RecordedEvent<ApplicationEvent>, to: Extract<CredentialJob, { name: 'ChangeCredentialStatus' }>['data']['to']) =>
  job(event, {
    name: 'ChangeCredentialStatus',
    data: { applicationId: event.data.applicationId, kind: 'designation', to, because: event.type },
  });

/**
 * What changes a leader's standing, as credential jobs (docs/DOMAIN.md, Verifiable credentials). Pure. A standing
 * decision issues one; an appeal's decision withdraws the credentials of the decision it answers (and issues its own
 * when it confers standing); a renewal's decision replaces the renewed designation's; suspension, reinstatement and
 * expiry move its bit in the status list; an award on the record issues one for that award and year.
 */
export const credentialJobs = (event: RecordedEvent<ApplicationEvent>): JobSpec[] => {
  switch (event.type) {
    case 'DecisionRecorded': {
      const { outcome, decidedAt, termEndsAt, renewalOf, appealOf, applicationId } = event.data;
      if (outcome === 'NotYetReady') return appealOf ? [status(event, 'withdrawn')] : [];
      const supersedes = appealOf
        ? { applicationId, as: 'withdrawn' as const, because: 'DecisionRecorded' }
        : renewalOf
          ? { applicationId: renewalOf, as: 'replaced' as const, because: 'DesignationRenewed' }
          : null;
      return [
        job(event, {
          name: 'IssueCredential',
          data: {
            applicationId,
            key: `designation-${applicationId}-${decidedAt}`,
            kind: 'designation',
            achievement: outcome,
            award: null,
            validFrom: decidedAt,
            validUntil: termEndsAt ?? null,
            supersedes,
          },
        }),
      ];
    }
    case 'DesignationSuspended':
      return [status(event, 'suspended')];
    case 'DesignationReinstated':
      return [status(event, 'active')];
    case 'DesignationExpired':
      return [status(event, 'expired')];
    case 'DesignationRenewed':
      return [status(event, 'replaced')];
    case 'AwardRecorded': {
      const { applicationId, awardCycleId, year, award, recordedAt } = event.data;
      return [
        job(event, {
          name: 'IssueCredential',
          data: {
            applicationId,
            key: `award-${applicationId}-${awardCycleId}-${award}`,
            kind: 'award',
            achievement: 'award',
            award: { name: award, year },
            validFrom: recordedAt,
            validUntil: null,
            supersedes: null,
          },
        }),
      ];
    }
    default:
      return [];
  }
};

/** docs/DOMAIN.md, Erasure: every credential of the applications the erased person led is revoked. */
export const erasureCredentialJobs = (event: RecordedEvent<SubjectErased>): JobSpec[] =>
  (event.data.applicationIds ?? []).map((applicationId) =>
    job(event, { name: 'ChangeCredentialStatus', data: { applicationId, kind: 'any', to: 'erased', because: 'SubjectErased' } }),
  );
