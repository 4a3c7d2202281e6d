import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

/** zxcvbn's scale runs 0-4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: loading the dictionaries (common and leaked passwords, names, English words) takes a moment.
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...commonWords, ...englishWords }, graphs: adjacencyGraphs, translations }));

/**
 * Why a new password is too easy to guess, in words a person can act on, or null when it will do. Checked offline
 * against the common and leaked passwords, names and words the zxcvbn-ts dictionaries ship, keyboard patterns,
 * repeats and dates, and the person's own details (`personal`: their email, name, institution).
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): string | null {
  const result = zxcvbn().check(password, personalWords(personal));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'It would be easy to guess.';
  const tip = result.feedback.suggestions[0] ?? 'Use a few unrelated words.';
  return `Choose a password that is harder to guess. ${why} ${tip} A phrase of four or more unrelated words works well.`;
}

/** "Rita North", "North College", "rita@north.edu" → the whole, run together, and each part, in lower case. */
const personalWords = (personal: readonly string[]): string[] => {
  const lower = personal.map((p) => p.toLowerCase().trim()).filter(Boolean);
  const parts = lower.flatMap((p) => p.split(/[@.\s_-]+/)).filter((p) => p.length > 2);
  return [...new Set([...lower, ...lower.map((p) => p.replace(/\s+/g, '')), ...parts])];
};
