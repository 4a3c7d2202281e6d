import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * Control characters (C0 and C1, line breaks included) and the bidirectional overrides and isolates, which make a
 * name print differently from what it holds (U+202E turns "gpj.exe" around) in the directory, its PDF and mail.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export const IS_PLAIN_TEXT = 'isPlainText';

/**
 * A name or an institution printed to others as given: stored in Unicode NFC (so "é" typed either way is one
 * string, for lookups and duplicate checks), and refused when it holds characters that do not print as text.
 * `each` for a list of them.
 */
export const PlainText = (options: { each?: boolean } = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      const nfc = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : v);
      return options.each && Array.isArray(value) ? value.map(nfc) : nfc(value);
    }),
    ValidateBy(
      {
        name: IS_PLAIN_TEXT,
        validator: { validate: (value: unknown) => typeof value !== 'string' || !UNPRINTABLE.test(value) },
      },
      { each: options.each },
    ),
  );
