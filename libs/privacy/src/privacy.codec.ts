import {
  DataOwner, ERASED, PERSONAL_FIELDS, SURVEY_EVENT_TYPES, applicationStream, isErased, schemaVersionOf, upcast,
} from '@cert/domain';
import { DecidedEvent, EventCodec, EventStore, RecordedEvent, SealInput, SealedEvent } from '@cert/event-store';
import { decryptField, encryptField, envelopeKeyId, isEnvelope, mapPath } from './field-cipher';
import { SubjectKeys, emailSubject, userSubject } from './subject-keys';

/** Recorded in the envelope metadata of every event with encrypted fields: whose keys it uses, by owner. */
export type DataSubjects = Partial<Record<DataOwner, string>>;

const subjectsOf = (e: { metadata: Record<string, unknown> }): DataSubjects | undefined =>
  e.metadata.dataSubjects as DataSubjects | undefined;

const MAX_NESTING = 4;
const APPLICANT_CACHE_LIMIT = 10_000;

/**
 * Issue 5: seals personal fields (PERSONAL_FIELDS in the domain) under their owners' keys before handle() hashes
 * the event, and opens them on every read, where a destroyed key reads as "[erased]". Then upcasts to the current
 * schema (reveal first: an upcaster may need the clear text, as DecisionRecorded v1 → v2 does).
 */
export class PrivacyCodec implements EventCodec {
  /** application id → the applicant's subject; fixed once the survey is in the log, so it never goes stale. */
  private readonly applicants = new Map<string, string>();

  constructor(
    private readonly keys: SubjectKeys,
    /** The log as stored, to find the applicant of an application that a notification is about. */
    private readonly stored: EventStore,
  ) {}

  async seal({ streamId, history, events }: SealInput): Promise<SealedEvent[]> {
    const sealed: SealedEvent[] = [];
    const live = new Map<string, { keyId: string; key: Buffer }>();
    const keyFor = (subject: string) => live.get(subject) ?? live.set(subject, this.keys.keyFor(subject)).get(subject)!;
    for (const e of events) {
      const schemaVersion = schemaVersionOf(e.type);
      const fields = PERSONAL_FIELDS[e.type] ?? [];
      if (fields.length === 0) {
        sealed.push({ type: e.type, schemaVersion, data: e.data });
        continue;
      }
      const owners = await this.ownersOf(e, streamId, history);
      let data = e.data;
      for (const field of fields) {
        data = mapPath(data, field.path, (plain) =>
          field.owners.reduce((value, owner) => {
            const { keyId, key } = keyFor(owners[owner]!);
            return encryptField(value, keyId, key);
          }, plain),
        );
      }
      const used = Object.fromEntries([...new Set(fields.flatMap((f) => f.owners))].map((o) => [o, owners[o]]));
      sealed.push({ type: e.type, schemaVersion, data, metadata: { dataSubjects: used } });
    }
    return sealed;
  }

  async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // Looked up once per key per read, and never kept across reads: a key destroyed by another process reads as
    // erased on the very next read here.
    const keys = new Map<string, Buffer | null>();
    const keyOf = (keyId: string) => {
      if (!keys.has(keyId)) keys.set(keyId, this.keys.keyById(keyId));
      return keys.get(keyId)!;
    };
    return events.map((e) => {
      const revealed = subjectsOf(e) ? { ...e, data: reveal(e.data, keyOf) } : e;
      const current = upcast(revealed);
      return current === revealed ? revealed : { ...current, upcastFrom: e.schemaVersion };
    });
  }

  private async ownersOf(e: DecidedEvent, streamId: string, history: readonly RecordedEvent[]): Promise<Record<DataOwner, string | undefined>> {
    const data = e.data as Record<string, unknown>;
    const need = new Set((PERSONAL_FIELDS[e.type] ?? []).flatMap((f) => f.owners));
    return {
      applicant: need.has('applicant') ? await this.applicantOf(e, streamId, history) : undefined,
      // No reviewer named (should not happen): the stream's own subject, so the text is still never stored clear.
      reviewer: need.has('reviewer') ? (typeof data.reviewerId === 'string' ? userSubject(this.keys, data.reviewerId) : this.keys.subjectOf(`stream:${streamId}`)) : undefined,
      recipient: need.has('recipient') ? emailSubject(this.keys, String(data.recipientEmail)) : undefined,
    };
  }

  /**
   * The leader the application is about: from the survey in the event itself, else from the application's
   * earlier events (their metadata, or the clear survey of an event written before encryption). When neither
   * exists (an old clear survey already rewritten as erased cannot be), a subject of the stream's own, so
   * personal text is never stored clear.
   */
  private async applicantOf(e: DecidedEvent, streamId: string, history: readonly RecordedEvent[]): Promise<string> {
    const data = e.data as { applicationId?: string; survey?: { contactEmail?: unknown } };
    if (SURVEY_EVENT_TYPES.includes(e.type) && typeof data.survey?.contactEmail === 'string') return emailSubject(this.keys, data.survey.contactEmail);
    const applicationId = data.applicationId ?? null;
    if (applicationId && streamId !== applicationStream(applicationId)) return this.applicantOfApplication(applicationId);
    return this.applicantIn(history) ?? this.keys.subjectOf(`stream:${streamId}`);
  }

  private async applicantOfApplication(applicationId: string): Promise<string> {
    const known = this.applicants.get(applicationId);
    if (known) return known;
    const { events } = await this.stored.readStream(applicationStream(applicationId));
    const found = this.applicantIn(events);
    if (!found) return this.keys.subjectOf(`stream:${applicationStream(applicationId)}`);
    if (this.applicants.size >= APPLICANT_CACHE_LIMIT) this.applicants.clear();
    this.applicants.set(applicationId, found);
    return found;
  }

  private applicantIn(history: readonly RecordedEvent[]): string | null {
    for (const h of history) {
      const applicant = subjectsOf(h)?.applicant;
      if (applicant) return applicant;
      // Written before encryption existed: the survey is clear in the log.
      const email = (h.data as { survey?: { contactEmail?: unknown } }).survey?.contactEmail;
      if (SURVEY_EVENT_TYPES.includes(h.type) && typeof email === 'string' && !isEnvelope(email) && !isErased(email)) return emailSubject(this.keys, email);
    }
    return null;
  }
}

/** Every envelope in `value` opened, layer by layer; one whose key is gone (or does not fit) becomes ERASED. */
export function reveal(value: unknown, keyOf: (keyId: string) => Buffer | null): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (let depth = 0; depth < MAX_NESTING && isEnvelope(text); depth++) {
      const key = keyOf(envelopeKeyId(text)!);
      const plain = key && decryptField(text, key);
      if (plain === null || plain === undefined) return ERASED;
      text = plain;
    }
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => reveal(v, keyOf));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v, keyOf)]));
  }
  return value;
}
