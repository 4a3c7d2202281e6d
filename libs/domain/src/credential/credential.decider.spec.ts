import { deciderSpec } from '../../../testing/src/decider-spec';
import { RuleViolation } from '../errors';
import {
  ChangeCredentialStatus,
  CredentialCommand,
  CredentialEvent,
  CredentialIssued,
  CredentialList,
  IssueCredential,
  credentialListDecider,
} from './credential';

const spec = deciderSpec<CredentialList, CredentialCommand, CredentialEvent>(credentialListDecider);
const actor = { id: 'credentials', role: 'system' as const };
const at = '2027-02-01T09:00:00.000Z';
const later = '2028-08-01T09:00:00.000Z';

const issue = (n: number, overrides: Partial<IssueCredential['data']> = {}): IssueCredential => ({
  type: 'IssueCredential',
  data: {
    applicationId: 'app-1',
    credentialId: `urn:uuid:${n}`,
    key: `designation-app-1-${n}`,
    kind: 'designation',
    title: 'IASL Charter Membership',
    statusListIndex: n,
    sha256: 'a'.repeat(64),
    document: '{}',
    supersedes: null,
    ...overrides,
  },
  metadata: { now: at, actor },
});
const issued = (n: number, overrides: Partial<IssueCredential['data']> = {}): CredentialIssued => {
  const { supersedes: _, ...data } = issue(n, overrides).data;
  return { type: 'CredentialIssued', data: { ...data, issuedAt: at } };
};
const change = (to: ChangeCredentialStatus['data']['to'], because: string, kind: ChangeCredentialStatus['data']['kind'] = 'designation') =>
  ({ type: 'ChangeCredentialStatus', data: { applicationId: 'app-1', kind, to, because }, metadata: { now: later, actor } }) as const;
const moved = (credentialId: string, from: string, to: string, because: string, replacedBy: string | null = null) => ({
  type: 'CredentialStatusChanged' as const,
  data: { applicationId: 'app-1', credentialId, from, to, because, replacedBy, changedAt: later } as never,
});

describe('credential status list › issuance', () => {
  it('issues at the next index of the list', () =>
    spec([])
      .when(issue(0))
      .then([issued(0)]));

  it('issues once per key: a repeated job decides nothing', () =>
    spec([issued(0)])
      .when(issue(1, { key: 'designation-app-1-0' }))
      .then([]));

  it('refuses an index already handed out, so two credentials never share a bit', () =>
    spec([issued(0)])
      .when(issue(0, { key: 'other', credentialId: 'urn:uuid:x' }))
      .thenThrows(RuleViolation, 'credential.index_taken'));

  it("a renewal's credential replaces the renewed designation's in the same append", () =>
    spec([issued(0)])
      .when({
        ...issue(1, { applicationId: 'app-2', key: 'renewal' }),
        data: {
          ...issue(1, { applicationId: 'app-2', key: 'renewal' }).data,
          supersedes: { applicationId: 'app-1', as: 'replaced', because: 'DesignationRenewed' },
        },
        metadata: { now: later, actor },
      })
      .then([
        moved('urn:uuid:0', 'active', 'replaced', 'DesignationRenewed', 'urn:uuid:1'),
        {
          ...issued(1, { applicationId: 'app-2', key: 'renewal' }),
          data: { ...issued(1, { applicationId: 'app-2', key: 'renewal' }).data, issuedAt: later },
        },
      ]));
});

describe('credential status list › standing', () => {
  it('suspends and reinstates', () => {
    spec([issued(0)])
      .when(change('suspended', 'DesignationSuspended'))
      .then([moved('urn:uuid:0', 'active', 'suspended', 'DesignationSuspended')]);
    spec([issued(0), moved('urn:uuid:0', 'active', 'suspended', 'DesignationSuspended')])
      .when(change('active', 'DesignationReinstated'))
      .then([moved('urn:uuid:0', 'suspended', 'active', 'DesignationReinstated')]);
  });

  it('never moves an ended credential, and a repeated change decides nothing', () => {
    const expired = [issued(0), moved('urn:uuid:0', 'active', 'expired', 'DesignationExpired') as CredentialEvent];
    spec(expired).when(change('active', 'DesignationReinstated')).then([]);
    spec(expired).when(change('suspended', 'DesignationSuspended')).then([]);
    spec(expired).when(change('expired', 'DesignationExpired')).then([]);
  });

  it('moves only the kind named: a designation event leaves awards alone, erasure ends them all', () => {
    const both = [issued(0), issued(1, { kind: 'award', key: 'award', title: 'Leadership Award 2027' })];
    spec(both)
      .when(change('expired', 'DesignationExpired'))
      .then([moved('urn:uuid:0', 'active', 'expired', 'DesignationExpired')]);
    spec(both)
      .when(change('erased', 'SubjectErased', 'any'))
      .then([moved('urn:uuid:0', 'active', 'erased', 'SubjectErased'), moved('urn:uuid:1', 'active', 'erased', 'SubjectErased')]);
  });
});
