import { DataOwner, PersonalField } from '../privacy/personal-data';

/**
 * What the engine knows about one event type, kept in one place: the registry of its family (one table per stream
 * category, checked by the compiler against the family's event union). The type lists, schema versions, upcasters,
 * personal fields and the sentences people read are all derived from these tables (events/event-registry.ts).
 */
export type EventShape = { type: string; data: object };

/** Turns version n of an event's data into version n + 1. Pure: no lookups, no clock. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Who a person id names, where the caller knows; undefined leaves the id as it is. Names are looked up when read,
 * never stored with the event: people change their names and erased people lose them (docs/DOMAIN.md, Names).
 */
export type Names = (personId: string) => string | undefined;

/** An application's reference (APP-2026-3F1C2A) by its id, where the caller knows; undefined leaves the id. */
export type References = (applicationId: string) => string | undefined;

/** What a sentence may depend on beyond the event itself. */
export type SentenceContext = {
  names?: Names;
  references?: References;
  /** A DecisionFinalized that closes an appeal: the appeal's decision is final at once, no window closed. */
  appealDecided?: boolean;
};

/** What a table's `describe` is given: `person` names an id (or returns it), `application` gives a reference, and the context's facts. */
export type Describe = { person: (id: string) => string; application: (id: string) => string; appealDecided: boolean };

export type EventSpec<E extends EventShape> = {
  /**
   * The version this code writes; stored events of an older version are brought to it by `upcasters` on read. To
   * change an event's shape: bump this, add the step from the previous version, and add a fixture of the new version
   * to test/fixtures/events (the old fixture stays: that shape is in someone's log).
   */
  schemaVersion: number;
  /** `upcasters[n]` turns version n into n + 1, for every n below `schemaVersion`. */
  upcasters?: Readonly<Record<number, Upcaster>>;
  /** Which fields of the current version hold personal data, and whose (docs/DOMAIN.md, Personal data and the record of reasons). */
  personal?: readonly PersonalFieldOf<E['data']>[];
  /** A few words for headings and filters: "Reviewer assigned". */
  label: string;
  /** The one sentence people read for this event, in timelines, the auditor's history, reports and exports. */
  describe: (event: E, say: Describe) => string;
  /** Worked out by the engine (a rule or a timer), whoever's command set it off: the engine is credited with it. */
  byEngine?: true;
};

/**
 * One entry per event type of the family `E`: a type missing here, or one that is not in `E`, does not compile. `X` is
 * what a family asks of each of its events besides (the application's: whether its applicant sees it).
 */
export type EventTable<E extends EventShape, X = unknown> = { readonly [T in E['type']]: EventSpec<Extract<E, { type: T }>> & X };

/**
 * A path into D that ends at free text, in the syntax the privacy code walks: dots into objects, `[]` over every
 * element of an array (`survey.partners[]`, `scores[].comment`). Codes (string literal unions) are not free text.
 */
export type TextPath<D> = { [K in keyof D & string]-?: PathAt<K, NonNullable<D[K]>> }[keyof D & string];

type PathAt<K extends string, V> = V extends string
  ? string extends V
    ? K
    : never
  : V extends readonly (infer I)[]
    ? NonNullable<I> extends string
      ? string extends NonNullable<I>
        ? `${K}[]`
        : never
      : `${K}[].${TextPath<NonNullable<I>>}`
    : V extends object
      ? `${K}.${TextPath<V>}`
      : never;

/** A personal field whose path must exist in the event's data. At runtime it is the plain `{ path, owners }`. */
export type PersonalFieldOf<D> = PersonalField & { path: TextPath<D> };

/** Personal fields with the same owners; each path is checked where the list is given to an event's spec. */
export const owned =
  (...owners: DataOwner[]) =>
  <P extends string>(...paths: P[]): { path: P; owners: readonly DataOwner[] }[] =>
    paths.map((path) => ({ path, owners }));

export const applicant = owned('applicant');

/**
 * A reason of the application's record (docs/DOMAIN.md, Personal data and the record of reasons): sealed under the
 * application's record key, not a person's, and named in the words the auditor and the erasure answer use.
 */
export const reason = <P extends string>(path: P, label: string): { path: P; owners: readonly DataOwner[]; label: string } => ({
  path,
  owners: ['record'],
  label,
});
