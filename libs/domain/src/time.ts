// Pure time arithmetic on ISO-8601 UTC strings; the current instant always arrives as an argument.
const DAY_MS = 86_400_000;

export const isPast = (iso: string, nowIso: string): boolean => Date.parse(nowIso) >= Date.parse(iso);

export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** The same instant `years` calendar years later (29 February moves to 1 March). */
export const addYears = (iso: string, years: number): string => {
  const d = new Date(Date.parse(iso));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

export const isIsoInstant = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) && !Number.isNaN(Date.parse(value));

/** An instant as its calendar day with the zone it is counted in, for refusals people read: `2031-01-07 (UTC)`. */
export const dayOf = (iso: string): string => `${iso.slice(0, 10)} (UTC)`;
