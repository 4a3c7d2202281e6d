import { passwordWeakness } from './password-strength';

describe('password strength', () => {
  it('accepts a phrase of unrelated words', () => {
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
  });

  it.each(['aaaaaaaaaaaa', 'password1234', 'iloveyou1234', 'qwertyuiop12', '123456789012'])('refuses %s, saying why', (password) => {
    expect(passwordWeakness(password)).toMatch(
      /^Choose a password that is harder to guess\. .+ A phrase of four or more unrelated words works well\.$/,
    );
  });

  it("refuses a password built from the person's own details", () => {
    // Given a reviewer whose password is their institution and the year: fine for a stranger's eye, not for an attacker's
    expect(passwordWeakness('NorthCollege2026')).toBeNull();
    expect(passwordWeakness('NorthCollege2026', ['rita@north.edu', 'Rita North', 'North College'])).not.toBeNull();
  });
});
