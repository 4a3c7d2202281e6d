import { CREDENTIAL_LIST_STREAM, CredentialEvent, CredentialList, credentialListDecider } from '@cert/domain';
import { EventStore } from '@cert/event-store';

/**
 * The status list as the log has it, folded from its stream. Read through the store the apps use, so each issued
 * document is opened for as long as its holder's key exists and reads as erased after.
 */
export async function readCredentialList(store: EventStore): Promise<CredentialList> {
  const { events } = await store.readStream(CREDENTIAL_LIST_STREAM);
  return events.reduce(
    (list, e) => credentialListDecider.evolve(list, e as unknown as CredentialEvent),
    credentialListDecider.initialState(),
  );
}
