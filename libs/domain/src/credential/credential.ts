import { CommandMeta, Decider, assertNever } from '../decider';
import { RuleViolation } from '../errors';

/**
 * docs/DOMAIN.md, Verifiable credentials: every outcome that confers standing (a designation, an award) is handed to
 * the leader as a signed Open Badges 3.0 credential, and every change of that standing flips its bit in the public
 * status list. Both are events on one stream, `credential-list-1`, the status list itself: the stream hands out the
 * list's indexes in order, so two credentials never share a bit.
 */
export const CREDENTIAL_LIST_STREAM = 'credential-list-1';
/** A Bitstring Status List is at least 131,072 bits (16 KB), so a holder's index says little about who they are. */
export const STATUS_LIST_LENGTH = 131_072;

export type CredentialKind = 'designation' | 'award';
/**
 * `active` and `suspended` come and go with the yearly update; the others end the credential for good: the term
 * `expired`, a renewal `replaced` it, an appeal `withdrawn` the decision it stood on, or the leader's data was `erased`.
 */
export const CREDENTIAL_STATUSES = ['active', 'suspended', 'expired', 'replaced', 'withdrawn', 'erased'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];
const FINAL: readonly CredentialStatus[] = ['expired', 'replaced', 'withdrawn', 'erased'];

export type CredentialIssued = {
  type: 'CredentialIssued';
  data: {
    applicationId: string;
    credentialId: string;
    /** What it was issued for, once: a repeated issuance job with the same key decides nothing. */
    key: string;
    kind: CredentialKind;
    /** The achievement's name as the credential states it ("STEM Program of Excellence", "Leadership Award 2027"). */
    title: string;
    statusListIndex: number;
    /** SHA-256 (hex) of the signed credential's canonical JSON: what verification compares a presented copy with. */
    sha256: string;
    /** The signed credential as issued (JSON): personal data, sealed under the leader's key, gone when they are erased. */
    document: string;
    issuedAt: string;
  };
};
export type CredentialStatusChanged = {
  type: 'CredentialStatusChanged';
  data: {
    applicationId: string;
    credentialId: string;
    from: CredentialStatus;
    to: CredentialStatus;
    /** The event type that changed the standing (`DesignationSuspended`, `DesignationRenewed`, …). */
    because: string;
    /** The credential that replaces it, for `replaced`. */
    replacedBy: string | null;
    changedAt: string;
  };
};
export type CredentialEvent = CredentialIssued | CredentialStatusChanged;

export type IssueCredential = {
  type: 'IssueCredential';
  data: Omit<CredentialIssued['data'], 'issuedAt'> & {
    /** The application's earlier credentials of this kind end with it: replaced by a renewal, withdrawn by an appeal. */
    supersedes: { applicationId: string; as: 'replaced' | 'withdrawn'; because: string } | null;
  };
  metadata: CommandMeta;
};
export type ChangeCredentialStatus = {
  type: 'ChangeCredentialStatus';
  data: { applicationId: string; kind: CredentialKind | 'any'; to: CredentialStatus; because: string };
  metadata: CommandMeta;
};
export type CredentialCommand = IssueCredential | ChangeCredentialStatus;

export type IssuedCredential = Omit<CredentialIssued['data'], 'key'> & {
  status: CredentialStatus;
  because: string | null;
  replacedBy: string | null;
  changedAt: string | null;
};
export type CredentialList = {
  next: number;
  byId: Readonly<Record<string, IssuedCredential>>;
  keys: Readonly<Record<string, string>>;
};

/** Which way a standing may move: a suspension lifts, an ending is for good. */
export const canMove = (from: CredentialStatus, to: CredentialStatus): boolean =>
  from !== to && !FINAL.includes(from) && (to !== 'active' || from === 'suspended');

const changes = (
  list: CredentialList,
  applicationId: string,
  kind: CredentialKind | 'any',
  to: CredentialStatus,
  because: string,
  now: string,
  replacedBy: string | null = null,
): CredentialStatusChanged[] =>
  Object.values(list.byId)
    .filter((c) => c.applicationId === applicationId && (kind === 'any' || c.kind === kind) && canMove(c.status, to))
    .map((c) => ({
      type: 'CredentialStatusChanged',
      data: { applicationId, credentialId: c.credentialId, from: c.status, to, because, replacedBy, changedAt: now },
    }));

export const credentialListDecider: Decider<CredentialList, CredentialCommand, CredentialEvent> = {
  initialState: () => ({ next: 0, byId: {}, keys: {} }),
  decide: (command, list) => {
    const now = command.metadata.now;
    switch (command.type) {
      case 'IssueCredential': {
        const { supersedes, ...data } = command.data;
        if (list.keys[data.key]) return [];
        // The index was read from this list before signing; a list that moved on since means signing again.
        if (data.statusListIndex !== list.next)
          throw new RuleViolation('credential.index_taken', 'the status list index was handed out meanwhile', {
            index: data.statusListIndex,
            next: list.next,
          });
        if (data.statusListIndex >= STATUS_LIST_LENGTH) throw new RuleViolation('credential.list_full', 'the status list is full');
        const ended = supersedes
          ? changes(list, supersedes.applicationId, data.kind, supersedes.as, supersedes.because, now, data.credentialId)
          : [];
        return [...ended, { type: 'CredentialIssued', data: { ...data, issuedAt: now } }];
      }
      case 'ChangeCredentialStatus': {
        const { applicationId, kind, to, because } = command.data;
        return changes(list, applicationId, kind, to, because, now);
      }
      default:
        return assertNever(command);
    }
  },
  evolve: (list, event) => {
    switch (event.type) {
      case 'CredentialIssued': {
        const { key, ...data } = event.data;
        const issued: IssuedCredential = { ...data, status: 'active', because: null, replacedBy: null, changedAt: null };
        return {
          next: Math.max(list.next, data.statusListIndex + 1),
          byId: { ...list.byId, [data.credentialId]: issued },
          keys: { ...list.keys, [key]: data.credentialId },
        };
      }
      case 'CredentialStatusChanged': {
        const c = list.byId[event.data.credentialId];
        if (!c) return list;
        const { to, because, replacedBy, changedAt } = event.data;
        return { ...list, byId: { ...list.byId, [c.credentialId]: { ...c, status: to, because, replacedBy, changedAt } } };
      }
      default:
        return assertNever(event);
    }
  },
};
