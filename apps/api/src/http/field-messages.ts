import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { FieldError } from '@cert/contracts';

/**
 * How a field is named to a person, for the one sentence a refused field gets (GOV.UK error messages: say what to do,
 * "Enter how many years the program has run, from 0 to 200", never which rule failed).
 */
export type FieldCopy = {
  /** What to give, as it reads after the verb: "how many years the program has run", "the leader's email address". */
  label: string;
  /** The sentence's verb: "Enter" for typed answers, "Select" for choices, "Say whether" for yes or no. */
  verb?: string;
  /** One entry of a list, singular and plural: ['focus area', 'focus areas']. */
  item?: readonly [string, string];
  /** For a pattern: how the right format reads, e.g. "as the IC Map codes it, like EC1.Leaders1". */
  format?: string;
  /** The allowed values in words, for a choice (default: the values themselves). */
  choices?: string;
};

type Ctor = abstract new (...args: never[]) => unknown;

const COPY = new Map<Ctor, Map<string, FieldCopy>>();

/** Names a DTO field for its error messages; a label alone, or the full copy. */
export const Label =
  (copy: string | FieldCopy): PropertyDecorator =>
  (target, key) => {
    const ctor = target.constructor as Ctor;
    const own = COPY.get(ctor) ?? new Map<string, FieldCopy>();
    own.set(String(key), typeof copy === 'string' ? { label: copy } : copy);
    COPY.set(ctor, own);
  };

/** The copy of a field, inherited fields included (query DTOs extend ReadQueryDto). */
export function copyOf(ctor: Ctor | undefined, property: string): FieldCopy | undefined {
  for (let c: unknown = ctor; typeof c === 'function' && c !== Object; c = Object.getPrototypeOf(c)) {
    const found = COPY.get(c as Ctor)?.get(property);
    if (found) return found;
  }
  return undefined;
}

/** The validation rules of a field, by constraint name (`isLength`, `max`, …), as class-validator registered them. */
export function rulesOf(ctor: Ctor | undefined, property: string): Map<string, ValidationMetadata> {
  const rules = new Map<string, ValidationMetadata>();
  if (!ctor) return rules;
  for (const m of getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false)) {
    if (m.propertyName !== property) continue;
    const name = m.name ?? (m.type === 'nestedValidation' ? 'nestedValidation' : m.type);
    rules.set(name, m);
  }
  return rules;
}

/** GOV.UK writes numbers of five digits or more with commas; years and small counts stay as they are. */
const num = (n: number) => (Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n));

const list = (values: readonly unknown[]) => {
  const words = values.map(String);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};

const NUMERIC = ['isInt', 'isNumber', 'min', 'max', 'isPositive'];
const TEXT = ['isString', 'isNotEmpty', 'isLength', 'minLength', 'maxLength'];

/** The one sentence for a refused field: what to give and within which bounds. */
export function fieldSentence(error: Pick<ValidationError, 'property' | 'value' | 'constraints' | 'target'>): string {
  const failed = Object.keys(error.constraints ?? {});
  if (failed.includes('whitelistValidation')) return `Remove "${error.property}": it is not an answer this form takes`;
  const ctor = (error.target as { constructor?: Ctor } | undefined)?.constructor;
  const rules = rulesOf(ctor, error.property);
  const copy = copyOf(ctor, error.property) ?? { label: `"${error.property}"` };
  const has = (name: string) => rules.has(name) || failed.includes(name);
  const bound = (name: string, index = 0) => rules.get(name)?.constraints?.[index] as number | undefined;
  const value: unknown = error.value;
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const verb = (fallback: string) => copy.verb ?? fallback;
  const [one, many] = copy.item ?? ['entry', 'entries'];

  if (NUMERIC.some(has)) {
    const min = bound('min') ?? (has('isPositive') ? 1 : undefined);
    const max = bound('max');
    const range =
      min !== undefined && max !== undefined
        ? `, from ${num(min)} to ${num(max)}`
        : min !== undefined
          ? `, ${num(min)} or more`
          : max !== undefined
            ? `, ${num(max)} or fewer`
            : '';
    const whole = has('isInt') && !missing && typeof value === 'number' && !Number.isInteger(value) ? ' as a whole number' : '';
    return `${verb('Enter')} ${copy.label}${whole}${range}`;
  }
  if (has('isBoolean')) return `${verb('Say')} ${copy.label}: true or false`;
  const choice = rules.get('isIn') ?? rules.get('isEnum');
  if (choice && !choice.each) {
    const values = (choice.name === 'isEnum' ? Object.values(choice.constraints[0] as object) : (choice.constraints[0] as unknown[])) ?? [];
    const options = copy.choices ?? (values.length <= 8 ? list(values) : undefined);
    return `${verb('Select')} ${copy.label}${options ? `: ${options}` : ''}`;
  }
  if (missing && !has('isArray')) return `${verb('Enter')} ${copy.label}`;
  if (has('isEmail')) return `${verb('Enter')} ${copy.label} ${copy.format ?? 'in the right format, like name@school.org'}`;
  if (has('isUrl')) return `${verb('Enter')} ${copy.label} ${copy.format ?? 'as a full web address, like https://school.org/page'}`;
  if (has('isIso8601')) return `${verb('Enter')} ${copy.label} ${copy.format ?? 'as a date and time in UTC, like 2027-04-01T09:00:00Z'}`;
  if (failed.includes('isUuid')) return `${verb('Choose')} ${copy.label}: what was sent is not an id`;
  if (failed.includes('isObject') || (failed.includes('nestedValidation') && !has('isArray')))
    return `${verb('Enter')} ${copy.label} as an object with its own fields`;
  if (failed.includes('isArray') || (missing && has('isArray'))) return `${verb('Enter')} ${copy.label} as a list`;
  if (failed.includes('arrayNotEmpty') || failed.includes('arrayMinSize')) {
    const n = bound('arrayMinSize') ?? 1;
    return `${verb('Enter')} at least ${n === 1 ? `one ${one}` : `${num(n)} ${many}`}`;
  }
  if (failed.includes('arrayMaxSize')) {
    const n = bound('arrayMaxSize') ?? 0;
    return `${verb('Enter')} at most ${n === 1 ? `one ${one}` : `${num(n)} ${many}`}`;
  }
  if (failed.includes('arrayUnique')) return `${verb('Enter')} each ${one} only once`;
  if (choice?.each) {
    const values = choice.constraints[0] as unknown[];
    return `${verb('Select')} only ${many} from: ${copy.choices ?? list(values)}`;
  }
  if (failed.includes('isPlainText'))
    return `${verb('Enter')} ${choice?.each || rules.get('isPlainText')?.each ? `each ${one}` : copy.label} without control characters or hidden text-direction marks`;
  const text = TEXT.find((name) => failed.includes(name));
  if (text) {
    const each = rules.get(text)?.each ?? false;
    const [min, max] = rules.has('isLength') ? [bound('isLength', 0), bound('isLength', 1)] : [bound('minLength'), bound('maxLength')];
    const length = typeof value === 'string' ? value.length : undefined;
    const tooShort = min !== undefined && length !== undefined && length < min;
    const tooLong = max !== undefined && length !== undefined && length > max;
    const bounds = tooLong
      ? ` of at most ${num(max)} characters`
      : tooShort || (min !== undefined && min > 1 && max === undefined)
        ? ` of at least ${num(min)} characters`
        : min !== undefined && max !== undefined && min > 1
          ? ` of ${num(min)} to ${num(max)} characters`
          : max !== undefined
            ? ` of at most ${num(max)} characters`
            : '';
    const asText = failed.includes('isString') && !missing ? ' as text' : '';
    return each ? `${verb('Enter')} each ${one}${asText}${bounds}` : `${verb('Enter')} ${copy.label}${asText}${bounds}`;
  }
  return `${verb('Enter')} ${copy.label} ${copy.format ?? 'in the right format'}`;
}

/** Every refused field by its path (`survey.institution.name`, `ratings.3.level`), one sentence each. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints && Object.keys(e.constraints).length > 0 ? [{ field, messages: [fieldSentence(e)] }] : [];
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}
