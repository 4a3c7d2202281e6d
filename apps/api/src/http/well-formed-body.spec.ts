import { MAX_JSON_DEPTH, firstMalformed } from './well-formed-body';

const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('a body fit for validation', () => {
  it('passes an ordinary survey body, emoji and accents included', () => {
    // Given a body as the web app sends it, with astral-plane characters (surrogate pairs in UTF-16)
    const body = { leaderName: 'Dr. Zoë Ångström 🚀', institution: { name: 'École 😀', country: 'FR' }, partners: ['a', 'b'] };
    // Then nothing is refused
    expect(firstMalformed(body)).toBeUndefined();
  });

  it('refuses a body nested deeper than the limit, however deep, without recursing', () => {
    // Given bodies at the limit, just over it and a recursion bomb 100,000 levels deep
    // Then the one at the limit passes and the others are refused with a sentence a person can read
    expect(firstMalformed(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(firstMalformed(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/nested more than 32 levels/);
    expect(firstMalformed(nested(100_000))?.message).toMatch(/nested more than 32 levels/);
  });

  it('refuses a lone surrogate in a value and names the field', () => {
    // Given an email with a lone high surrogate inside a nested field
    const finding = firstMalformed({ contact: { email: 'a\ud800@school.org' } });
    // Then the field is named
    expect(finding).toEqual({ field: 'contact.email', message: 'The field "contact.email" contains characters that are not valid text' });
  });

  it('refuses a lone surrogate in a key and in an array item', () => {
    expect(firstMalformed({ ['x\udc00']: 1 })?.message).toBe('A field name contains characters that are not valid text');
    expect(firstMalformed({ partners: ['ok', '\udfff'] })?.field).toBe('partners.1');
  });
});
