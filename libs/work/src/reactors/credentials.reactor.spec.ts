import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { credentialJobs } from './credentials.reactor';

const pins = { applicationId: 'app-1', rubricVersion: 'ic-map.v1', policyVersion: 'decision-policy.v1' };
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent<ApplicationEvent> =>
  ({ id: `e-${type}`, type, data: { ...pins, ...data }, streamId: 'application-app-1', version: 5, position: '9', metadata: {} }) as never;
const decision = (outcome: string, extra: Record<string, unknown> = {}) =>
  recorded('DecisionRecorded', { outcome, decidedAt: '2027-02-01T09:00:00.000Z', termEndsAt: '2032-02-01T09:00:00.000Z', ...extra });

describe('credentials reactor: what changes a standing, as credential jobs', () => {
  it('issues a credential for a decision that confers standing, valid for the term, once per decision', () => {
    const [job] = credentialJobs(decision('ProgramOfExcellence'));
    expect(job).toEqual({
      queue: 'deadlines',
      name: 'IssueCredential',
      jobId: 'credential-issue-e-DecisionRecorded-app-1',
      runAt: null,
      data: expect.objectContaining({
        applicationId: 'app-1',
        key: 'designation-app-1-2027-02-01T09:00:00.000Z',
        achievement: 'ProgramOfExcellence',
        validFrom: '2027-02-01T09:00:00.000Z',
        validUntil: '2032-02-01T09:00:00.000Z',
        supersedes: null,
      }),
    });
    expect(credentialJobs(decision('NotYetReady'))).toEqual([]);
  });

  it("an appeal's decision withdraws the credential of the decision it answers; a renewal's replaces the renewed one", () => {
    const appealOf = { decidedAt: '2027-01-01T09:00:00.000Z', outcome: 'ProgramOfExcellence' };
    expect(credentialJobs(decision('NotYetReady', { appealOf }))).toEqual([
      expect.objectContaining({ name: 'ChangeCredentialStatus', data: expect.objectContaining({ to: 'withdrawn' }) }),
    ]);
    expect(credentialJobs(decision('CharterMembership', { appealOf }))[0].data).toEqual(
      expect.objectContaining({ supersedes: { applicationId: 'app-1', as: 'withdrawn', because: 'DecisionRecorded' } }),
    );
    expect(credentialJobs(decision('CharterMembership', { renewalOf: 'app-0' }))[0].data).toEqual(
      expect.objectContaining({ supersedes: { applicationId: 'app-0', as: 'replaced', because: 'DesignationRenewed' } }),
    );
  });

  it('moves the designation credential on suspension, reinstatement, expiry and renewal; issues one per award', () => {
    const to = (type: string) => (credentialJobs(recorded(type, {}))[0].data as { to: string }).to;
    expect(['DesignationSuspended', 'DesignationReinstated', 'DesignationExpired', 'DesignationRenewed'].map(to)).toEqual([
      'suspended',
      'active',
      'expired',
      'replaced',
    ]);
    const award = credentialJobs(
      recorded('AwardRecorded', {
        awardCycleId: 'award-cycle-2027',
        year: 2027,
        award: 'Leadership Award',
        recordedAt: '2027-05-01T09:00:00.000Z',
      }),
    );
    expect(award).toEqual([
      expect.objectContaining({
        name: 'IssueCredential',
        data: expect.objectContaining({ kind: 'award', award: { name: 'Leadership Award', year: 2027 } }),
      }),
    ]);
    expect(credentialJobs(recorded('SurveyAccepted', {}))).toEqual([]);
  });
});
