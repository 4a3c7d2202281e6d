import { isErased } from '../privacy/personal-data';

/** What a reviewer reads in place of the applicant's identity under blind review (docs/DOMAIN.md, Blind review). */
export const WITHHELD = '[withheld: blind review]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * docs/DOMAIN.md, Blind review: the applicant's identity (the leader's name, contact email, institution name) taken out
 * of free text too, wherever the applicant wrote it. One rule for what a reviewer is shown and for what an auditor
 * reconstructs of it. An erased field names nobody and is left alone.
 */
export const identityRedactor = (identity: readonly (string | null | undefined)[]) => {
  const names = identity
    .map((s) => s?.trim())
    .filter((s): s is string => !!s && s.length >= 2 && !isErased(s))
    .sort((a, b) => b.length - a.length);
  const pattern = names.length > 0 ? new RegExp([...new Set(names)].map(escape).join('|'), 'gi') : null;
  return (text: string) => (pattern ? text.replace(pattern, WITHHELD) : text);
};
