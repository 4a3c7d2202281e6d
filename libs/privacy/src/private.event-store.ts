import { DataOwner, ERASED, PERSONAL_FIELDS, SURVEY_EVENT_TYPES, applicationStream, isErased } from '@cert/domain';
import { AppendResult, EventStore, LogHead, NewEvent, ReadAllOptions, RecordedEvent } from '@cert/event-store';
import { decryptField, encryptField, envelopeKeyId, isEnvelope, keyIdSlot, mapPath } from './field-cipher';
import { SubjectKeys, emailSubject, recordSubject, userSubject } from './subject-keys';

/** Recorded in the envelope metadata of every event with encrypted fields: whose keys it uses, by owner. */
export type DataSubjects = Partial<Record<DataOwner, string>>;

const subjectsOf = (e: { metadata: Record<string, unknown> }): DataSubjects | undefined =>
  e.metadata.dataSubjects as DataSubjects | undefined;

type Field = { path: string; owners: readonly DataOwner[] };
/** The personal fields of an event type, none for most; looked up by type name, however the domain keys its table. */
const personalFields = (type: string): readonly Field[] =>
  (PERSONAL_FIELDS as Readonly<Record<string, readonly Field[] | undefined>>)[type] ?? [];
const isSurvey = (type: string): boolean => SURVEY_EVENT_TYPES.includes(type);

const MAX_NESTING = 4;
const APPLICANT_CACHE_LIMIT = 10_000;
/** Plaintexts remembered across reads (see `opened`); past this many the memory is dropped and refilled. */
const OPENED_CACHE_LIMIT = 20_000;

/**
 * Personal data sealed under per-person keys, and reasons under their application's record key (docs/DOMAIN.md,
 * Personal data and the record of reasons), as a decorator around any EventStore. An append seals the personal fields
 * (PERSONAL_FIELDS in the domain) under their owners' keys before the store underneath hashes and stores the event, so the hashes cover the ciphertext; every
 * read opens them, and a field whose key was destroyed reads as "[erased]". Schema versions are not its business:
 * VersionedEventStore, composed outside it, upcasts what it opened.
 */
export class PrivateEventStore extends EventStore {
  /** application id → the applicant's subject; fixed once the survey is in the log, so it never goes stale. */
  private readonly applicants = new Map<string, string>();
  /**
   * stream id → the applicant found in its history at the version last read here. handle() reads the stream before
   * it appends, so sealing that append needs no read of its own (see applicantOfStream).
   */
  private readonly streamApplicants = new Map<string, { version: number; applicant: string | null }>();
  /**
   * key id → the key bytes that opened (or sealed) its envelopes and their plaintexts. Every command re-reads its
   * stream, and decrypting every personal field of it each time was measured as the codec's main cost. A remembered
   * plaintext is only used when this read's own look-up of the key returns the very same bytes, so a destroyed (or
   * replaced) key still reads as erased on the very next read, and that read forgets the key's plaintexts.
   */
  private readonly opened = new Map<string, { key: Buffer; plains: Map<string, string> }>();
  private openedCount = 0;

  constructor(
    /** The store underneath, as stored: what this one seals into and opens from. */
    private readonly store: EventStore,
    private readonly keys: SubjectKeys,
  ) {
    super();
  }

  async readStream(streamId: string): Promise<{ version: number; events: RecordedEvent[] }> {
    const { version, events } = await this.store.readStream(streamId);
    this.rememberApplicant(streamId, version, events);
    return { version, events: await this.open(events) };
  }

  async appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }): Promise<AppendResult> {
    const sealed = await this.seal(streamId, events, opts.expectedVersion);
    const result = await this.store.appendToStream(streamId, sealed, opts);
    // With the data as given (not as sealed), as a read through this store gives it back.
    return { ...result, events: result.events.map((e, i) => (e.data === events[i].data ? e : { ...e, data: events[i].data })) };
  }

  async readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.store.readAll(checkpoint, limit, options));
  }

  head(): Promise<LogHead | null> {
    return this.store.head();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async seal(streamId: string, events: NewEvent[], expectedVersion: number): Promise<NewEvent[]> {
    const sealed: NewEvent[] = [];
    // One look-up per subject per append, however many fields and events it seals.
    const live = new Map<string, { keyId: string; key: Buffer }>();
    const keyFor = async (subject: string) => live.get(subject) ?? live.set(subject, await this.keys.keyFor(subject)).get(subject)!;
    for (const e of events) {
      const fields = personalFields(e.type);
      if (fields.length === 0) {
        sealed.push(e);
        continue;
      }
      const owners = await this.ownersOf(e, streamId, expectedVersion);
      const ownerKeys = new Map<DataOwner, { keyId: string; key: Buffer }>();
      for (const owner of new Set(fields.flatMap((f) => f.owners))) ownerKeys.set(owner, await keyFor(owners[owner]!));
      let data = e.data;
      for (const field of fields) {
        data = mapPath(data, field.path, (plain) =>
          field.owners.reduce((value, owner) => {
            const { keyId, key } = ownerKeys.get(owner)!;
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
      // First in the envelope, where the stored metadata has always had it.
      sealed.push({ ...e, data, metadata: { dataSubjects: used, ...e.metadata } });
    }
    return sealed;
  }

  /**
   * Keys are looked up once per key per read, in one batch before anything is opened, and never kept across reads: a
   * key destroyed by another process reads as erased on the very next read here. An envelope inside an envelope
   * whose key was not in the batch (its plaintext was not remembered) is met while opening; the events are then
   * opened again with those keys fetched too, a round per layer at most.
   */
  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keys = new Map<string, Buffer | null>();
    const wanted = new Set<string>();
    // Only where the event's type has personal fields: an envelope anywhere else (sealed by an earlier release) is
    // met while opening, and fetched in the next round.
    for (const e of events) {
      if (!subjectsOf(e)) continue;
      for (const field of personalFields(e.type)) forEachAtPath(e.data, field.path, (text) => this.keyIdsIn(text, wanted));
    }
    await this.fetchKeys(wanted, keys);
    for (;;) {
      const missing = new Set<string>();
      const opened = this.openWith(events, keys, missing);
      if (missing.size === 0) return opened;
      // Each round adds keys the map did not hold, so this ends.
      await this.fetchKeys(missing, keys);
    }
  }

  private async fetchKeys(keyIds: Set<string>, into: Map<string, Buffer | null>): Promise<void> {
    if (keyIds.size === 0) return;
    const found = await this.keys.keysById([...keyIds]);
    for (const keyId of keyIds) {
      const key = found.get(keyId) ?? null;
      if (!key) this.forgetKey(keyId);
      into.set(keyId, key);
    }
  }

  /** The key id of an envelope, and of those inside it whose plaintext is remembered. */
  private keyIdsIn(envelope: string, into: Set<string>): void {
    let text: string | undefined = envelope;
    for (let depth = 0; depth < MAX_NESTING && text !== undefined; depth++) {
      const slot = keyIdSlot(text);
      if (slot === null) return;
      into.add(slot);
      text = this.opened.get(slot)?.plains.get(text);
    }
  }

  /** The events opened with the keys fetched for this read; a key id not among them is added to `missing`. */
  private openWith(events: RecordedEvent[], keys: Map<string, Buffer | null>, missing: Set<string>): RecordedEvent[] {
    const keyOf = (keyId: string): Buffer | null | undefined => {
      const key = keys.get(keyId);
      if (key === undefined) missing.add(keyId);
      return key;
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
      // Not fetched yet: left as it is for this round, which is done again once the key is here.
      if (key === undefined) return undefined;
      return key && this.decryptRemembered(text, key);
    };
    return events.map((e) => (subjectsOf(e) ? { ...e, data: reveal(e.data, open) } : e));
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

  private async ownersOf(e: NewEvent, streamId: string, expectedVersion: number): Promise<Record<DataOwner, string | undefined>> {
    const data = e.data as Record<string, unknown>;
    const need = new Set(personalFields(e.type).flatMap((f) => f.owners));
    return {
      applicant: need.has('applicant') ? await this.applicantOf(e, streamId, expectedVersion) : undefined,
      // No reviewer named (should not happen): the stream's own subject, so the text is still never stored clear.
      reviewer: need.has('reviewer')
        ? typeof data.reviewerId === 'string'
          ? userSubject(this.keys, data.reviewerId)
          : this.keys.subjectOf(`stream:${streamId}`)
        : undefined,
      recipient: need.has('recipient') ? emailSubject(this.keys, String(data.recipientEmail)) : undefined,
      account: need.has('account')
        ? typeof data.accountId === 'string'
          ? userSubject(this.keys, data.accountId)
          : this.keys.subjectOf(`stream:${streamId}`)
        : undefined,
      // Every application event names its application; the stream's own subject otherwise, as for a reviewer.
      record: need.has('record')
        ? typeof data.applicationId === 'string'
          ? recordSubject(this.keys, data.applicationId)
          : this.keys.subjectOf(`stream:${streamId}`)
        : undefined,
    };
  }

  /**
   * The leader the application is about: from the survey in the event itself, else from the application's
   * earlier events (their metadata, or the clear survey of an event written before encryption). When neither
   * exists (an old clear survey already rewritten as erased cannot be), a subject of the stream's own, so
   * personal text is never stored clear.
   */
  private async applicantOf(e: NewEvent, streamId: string, expectedVersion: number): Promise<string> {
    const data = e.data as { applicationId?: string; survey?: { contactEmail?: unknown } };
    if (isSurvey(e.type) && typeof data.survey?.contactEmail === 'string') return emailSubject(this.keys, data.survey.contactEmail);
    const applicationId = data.applicationId ?? null;
    if (applicationId && streamId !== applicationStream(applicationId)) return this.applicantOfApplication(applicationId);
    return (await this.applicantOfStream(streamId, expectedVersion)) ?? this.keys.subjectOf(`stream:${streamId}`);
  }

  /**
   * The applicant in the stream's history up to `version`, the one the append follows: remembered from the read
   * handle() made before deciding, else read from the store underneath (an append made without that read, or one
   * whose stream has moved on since; the latter is refused on its expected version anyway).
   */
  private async applicantOfStream(streamId: string, version: number): Promise<string | null> {
    const known = this.streamApplicants.get(streamId);
    if (known?.version === version) return known.applicant;
    const read = await this.store.readStream(streamId);
    return this.rememberApplicant(streamId, read.version, read.events);
  }

  /** The metadata and clear surveys it looks at read the same stored or opened, so stored events will do. */
  private rememberApplicant(streamId: string, version: number, events: readonly RecordedEvent[]): string | null {
    const applicant = this.applicantIn(events);
    if (this.streamApplicants.size >= APPLICANT_CACHE_LIMIT) this.streamApplicants.clear();
    this.streamApplicants.set(streamId, { version, applicant });
    return applicant;
  }

  private async applicantOfApplication(applicationId: string): Promise<string> {
    const known = this.applicants.get(applicationId);
    if (known) return known;
    const { events } = await this.store.readStream(applicationStream(applicationId));
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
      if (isSurvey(h.type) && typeof email === 'string' && !isEnvelope(email) && !isErased(email)) return emailSubject(this.keys, email);
    }
    return null;
  }
}

/** Calls `f` with every string at `path` in `data` (as mapPath finds them), changing nothing. */
function forEachAtPath(data: unknown, path: string, f: (value: string) => void): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const dot = path.indexOf('.');
  const head = dot === -1 ? path : path.slice(0, dot);
  const tail = dot === -1 ? '' : path.slice(dot + 1);
  const isArray = head.endsWith('[]');
  const value = (data as Record<string, unknown>)[isArray ? head.slice(0, -2) : head];
  const at = (v: unknown) => (tail ? forEachAtPath(v, tail, f) : typeof v === 'string' && f(v));
  if (!isArray) at(value);
  else if (Array.isArray(value)) value.forEach(at);
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
