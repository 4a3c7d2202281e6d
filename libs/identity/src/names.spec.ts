import { IdentityStore } from './identity.store';
import { SqliteIdentityStore } from './sqlite/sqlite.identity-store';
import { accountNames } from './names';

describe('accountNames: people by the names their accounts have when read', () => {
  let store: IdentityStore;
  beforeEach(() => (store = new SqliteIdentityStore(':memory:')));
  afterEach(() => store.close());

  it('names a person by their account, the leader by the survey, another applicant by their email', async () => {
    const rita = await store.createUser({ email: 'rita@north.edu', name: 'Rita Nkemelu', role: 'reviewer' });
    const leader = await store.createUser({ email: 'ada@school.org', name: '', role: 'applicant' });
    const nominator = await store.createUser({ email: 'nina@friends.org', name: '', role: 'applicant' });
    const names = await accountNames(store, { email: 'Ada@School.org', name: 'Ada Lovelace' });
    expect([rita.id, leader.id, nominator.id].map(names)).toEqual(['Rita Nkemelu', 'Ada Lovelace', 'nina@friends.org']);
    // Without the leader's survey, or once its name is erased, the leader reads as their email.
    expect((await accountNames(store))(leader.id)).toBe('ada@school.org');
    expect((await accountNames(store, { email: 'ada@school.org', name: '[erased]' }))(leader.id)).toBe('ada@school.org');
    // Across applications (a period's export): each leader by a lookup of their survey's name.
    const leaders = (email: string) => ({ 'ada@school.org': 'Ada Lovelace' })[email];
    expect([leader.id, nominator.id].map(await accountNames(store, leaders))).toEqual(['Ada Lovelace', 'nina@friends.org']);
  });

  it('reads an erased person, whose account is gone, as "[erased person]"', async () => {
    const rita = await store.createUser({ email: 'rita@north.edu', name: 'Rita Nkemelu', role: 'reviewer' });
    expect((await accountNames(store))(rita.id)).toBe('Rita Nkemelu');
    await store.eraseAccount(rita.id);
    expect((await accountNames(store))(rita.id)).toBe('[erased person]');
  });
});
