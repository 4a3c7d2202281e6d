import { ApplicationEvent, Names, References, personIdsIn } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { PersonName } from '@cert/contracts';

/**
 * How an audit view names what the log holds by id (docs/DOMAIN.md, Names): people through `names` (the caller
 * looks them up in the accounts when read), other applications by their reference. Without them, ids show as ids.
 */
export type Naming = { names?: Names; references?: References };

/** A person's id with their name beside it; the id itself where nobody can name them. */
export const personName = (id: string, names?: Names): PersonName => ({ id, name: names?.(id) ?? id });

/** Every person an event's data names by id, each with their name. */
export const peopleIn = (data: unknown, names?: Names): PersonName[] => personIdsIn(data).map((id) => personName(id, names));

/**
 * The leader an application's history is about, from its survey as the leader last gave it (a claimed nomination or
 * changed answers replace the first): their applicant account carries no name of its own.
 */
export const leaderIn = (events: readonly RecordedEvent[]): { email: string; name: string } | null => {
  const surveys = (events as RecordedEvent<ApplicationEvent>[]).filter(
    (e) => e.type === 'SurveySubmitted' || e.type === 'NominationClaimed' || e.type === 'SurveyAmended',
  );
  const last = surveys[surveys.length - 1];
  return last && 'survey' in last.data ? { email: last.data.survey.contactEmail, name: last.data.survey.leaderName } : null;
};
