import {
  DataOwner, ERASED, PERSONAL_FIELDS, SURVEY_EVENT_TYPES, applicationStream, isErased, schemaVersionOf, upcast,
} from '@cert/domain';
import { DecidedEvent, EventCodec, EventStore, RecordedEvent, SealInput, SealedEvent } from '@cert/event-store';
import { decryptField, encryptField, envelopeKeyId, isEnvelope, keyIdSlot, mapPath } from './field-cipher';
import { SubjectKeys, emailSubject, userSubject } from './subject-keys';

/** Recorded in the envelope metadata of every event with encrypted fields: whose keys it uses, by owner. */
export type DataSubjects = Partial<Record<DataOwner, string>>;

const subjectsOf = (e: { metadata: Record<string, unknown> }): DataSubjects | undefined =>
  e.metadata.dataSubjects as DataSubjects | undefined;

const MAX_NESTING = 4;
const APPLICANT_CACHE_LIMIT = 10_000;
/** Plaintexts remembered across reads (see `opened`); past this many the memory is dropped and refilled. */
const OPENED_CACHE_LIMIT = 20_000;

/**
 * Issue 5: seals personal fields (PERSONAL_FIELDS in the domain) under their owners' keys before handle() hashes
 * the event, and opens them on every read, where a destroyed key reads as "[erased]". Then upcasts to the current
 * schema (reveal first: an upcaster may need the clear text, as DecisionRecorded v1 → v2 does).
 */
export class PrivacyCodec implements EventCodec {
  /** application id → the applicant's subject; fixed once the survey is in the log, so it never goes stale. */
  private readonly applicants = new Map<string, string>();
  /**
   * key id → the key bytes that opened (or sealed) its envelopes and their plaintexts. Every command re-reads its
   * stream, and decrypting every personal field of it each time was the codec's main cost (commit 433a685). A remembered
   * plaintext is only used when this read's own look-up of the key returns the very same bytes, so a destroyed (or
   * replaced) key still reads as erased on the very next read, and that read forgets the key's plaintexts.
   */
  private readonly opened = new Map<string, { key: Buffer; plains: Map<string, string> }>();
  private openedCount = 0;

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
            const envelope = encryptField(value, keyId, key);
            // The next read of this event (the next command on the stream, the projections, the reactions) would
            // decrypt it again; it is remembered under the key that sealed it, and used only while a read's own
            // look-up of the key returns those very bytes, as a plaintext opened by a read is.
            this.remember(envelope, value, keyId, key);
            return envelope;
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
      if (!keys.has(keyId)) {
        const key = this.keys.keyById(keyId);
        if (!key) this.forgetKey(keyId);
        keys.set(keyId, key);
      }
      return keys.get(keyId)!;
    };
    const open = (text: string): string | null | undefined => {
      const slot = keyIdSlot(text);
      if (slot === null) return undefined;
      const entry = this.opened.get(slot);
      const known = entry?.plains.get(text);
      // Found: it was checked and opened before; still only with the very key this read looks up.
      if (entry && known !== undefined && keyOf(slot)?.equals(entry.key)) return known;
      if (!isEnvelope(text)) return undefined;
      const key = keyOf(envelopeKeyId(text)!);
      return key && this.decryptRemembered(text, key);
    };
    return events.map((e) => {
      const revealed = subjectsOf(e) ? { ...e, data: reveal(e.data, open) } : e;
      const current = upcast(revealed);
      return current === revealed ? revealed : { ...current, upcastFrom: e.schemaVersion };
    });
  }

  /** Decrypts a checked envelope with the key this read looked up, and remembers the plaintext with that key. */
  private decryptRemembered(envelope: string, key: Buffer): string | null {
    const keyId = keyIdSlot(envelope)!;
    const entry = this.opened.get(keyId);
    const known = entry?.key.equals(key) ? entry.plains.get(envelope) : undefined;
    if (known !== undefined) return known;
    const plain = decryptField(envelope, key);
    if (plain === null) return null;
    this.remember(envelope, plain, keyId, key);
    return plain;
  }

  /** Remembers an envelope's plaintext with the key that opens it; a different key under the same id replaces the memory. */
  private remember(envelope: string, plain: string, keyId: string, key: Buffer): void {
    let entry = this.opened.get(keyId);
    if (entry && !entry.key.equals(key)) {
      this.openedCount -= entry.plains.size;
      this.opened.delete(keyId);
      entry = undefined;
    }
    if (this.openedCount >= OPENED_CACHE_LIMIT) {
      this.opened.clear();
      this.openedCount = 0;
      entry = undefined;
    }
    if (!entry) this.opened.set(keyId, (entry = { key, plains: new Map() }));
    entry.plains.set(envelope, plain);
    this.openedCount++;
  }

  /** A key found destroyed: what it opened is not kept in memory either. */
  private forgetKey(keyId: string): void {
    const entry = this.opened.get(keyId);
    if (!entry) return;
    this.openedCount -= entry.plains.size;
    this.opened.delete(keyId);
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

/**
 * Every envelope in `value` opened, layer by layer; one whose key is gone (or does not fit) becomes ERASED.
 * `open` returns the plaintext, null when it cannot be opened, or undefined when the text is not an envelope.
 */
export function reveal(value: unknown, open: (text: string) => string | null | undefined): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (let depth = 0; depth < MAX_NESTING; depth++) {
      const plain = open(text);
      if (plain === undefined) return text;
      if (plain === null) return ERASED;
      text = plain;
    }
    return text;
  }
  // A container is copied only when something inside it was opened: most of an event's data holds no envelope,
  // and rebuilding all of it on every read was most of the cost of a read once decryption was remembered. What is
  // left shared belongs to events the store parsed for this read alone.
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = reveal(value[i], open);
      if (v !== value[i]) (copy ??= value.slice())[i] = v;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const revealed = reveal(v, open);
      if (revealed !== v) (copy ??= { ...value })[k] = revealed;
    }
    return copy ?? value;
  }
  return value;
}
