import { useState } from 'react';
import { Button, Checkbox, Group, List, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { AwardCycleView, ChangeAwardCycleDatesRequest } from '@cert/contracts';
import { ApiProblem } from '../../api/problem';
import { useWrite, write } from '../../api/queries';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate, fromLocalInput, toLocalInput } from '../../lib/dates';

type DateField = 'nominationsCloseAt' | 'rsvpBy' | 'summitStartsAt';

/**
 * Staff change the cycle's dates with a reason (docs/DOMAIN.md, Awards and summit, Changing the dates): close
 * nominations now (after a confirmation: they do not reopen), extend or shorten them, move the RSVP date or the summit.
 * A date that has passed is shown, not offered; the API decides the rest and its refusal names the deciding date.
 */
export function AwardCycleDatesPanel({ cycle }: { cycle: AwardCycleView }) {
  const [now] = useState(() => Date.now());
  const current: Record<DateField, string> = {
    nominationsCloseAt: cycle.nominationsCloseAt,
    rsvpBy: cycle.rsvpBy,
    summitStartsAt: cycle.summit.startsAt,
  };
  const open: Record<DateField, boolean> = {
    nominationsCloseAt: cycle.status === 'Nominating' && Date.parse(cycle.nominationsCloseAt) > now,
    rsvpBy: Date.parse(cycle.rsvpBy) > now,
    summitStartsAt: Date.parse(cycle.summit.startsAt) > now,
  };
  const initial = () => ({
    nominationsCloseAt: toLocalInput(current.nominationsCloseAt),
    rsvpBy: toLocalInput(current.rsvpBy),
    summitStartsAt: toLocalInput(current.summitStartsAt),
  });
  const [dates, setDates] = useState(initial);
  const [closeNow, setCloseNow] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);

  const moved = (field: DateField) => open[field] && fromLocalInput(dates[field]) !== current[field];
  const body = (): ChangeAwardCycleDatesRequest => ({
    ...(closeNow
      ? { closeNominationsNow: true }
      : moved('nominationsCloseAt')
        ? { nominationsCloseAt: fromLocalInput(dates.nominationsCloseAt) }
        : {}),
    ...(moved('rsvpBy') ? { rsvpBy: fromLocalInput(dates.rsvpBy) } : {}),
    ...(moved('summitStartsAt') ? { summitStartsAt: fromLocalInput(dates.summitStartsAt) } : {}),
    reason,
  });
  const change = useWrite(() => write('POST', `/award-cycles/${cycle.year}/dates`, body()), {
    done: () => ({ title: 'Dates changed', message: 'The new dates apply at once; invited leaders are told by mail.' }),
  });
  const send = () =>
    change.mutate(undefined, {
      onSuccess: () => {
        setCloseNow(false);
        setReason('');
      },
      onSettled: () => setConfirming(false),
    });

  const problem = change.error instanceof ApiProblem ? change.error : null;
  // A 400 names the field; a 409 or 422 of the decider says which date decided it in `field`.
  const deciding = typeof problem?.body.field === 'string' ? problem.body.field : null;
  const errorOf = (field: DateField | 'reason') => problem?.fieldMessage(field) ?? (deciding === field ? problem?.detail : undefined);
  const shownOnField = (['nominationsCloseAt', 'rsvpBy', 'summitStartsAt', 'reason'] as const).some((f) => errorOf(f));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const nothingMoved = !closeNow && !moved('nominationsCloseAt') && !moved('rsvpBy') && !moved('summitStartsAt');

  // After the summit nothing is left to move.
  if (!open.summitStartsAt) return null;

  const dateInput = (field: DateField, label: string) => (
    <TextInput
      type="datetime-local"
      label={label}
      description={open[field] ? `In your time zone (${zone}). Now: ${exactDate(current[field])}` : `Passed: ${exactDate(current[field])}`}
      value={dates[field]}
      disabled={!open[field] || (field === 'nominationsCloseAt' && closeNow)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDates((d) => ({ ...d, [field]: value }));
      }}
      error={errorOf(field)}
    />
  );

  return (
    <section aria-labelledby="dates-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (closeNow) setConfirming(true);
          else send();
        }}
        noValidate
      >
        <Stack>
          <Title order={3} size="h4" id="dates-heading">
            Change dates
          </Title>
          <List size="sm" c="gray.9" spacing={2}>
            <List.Item>Nominations close: {exactDate(cycle.nominationsCloseAt)}</List.Item>
            <List.Item>Invitations answered by: {exactDate(cycle.rsvpBy)}</List.Item>
            <List.Item>Summit: {exactDate(cycle.summit.startsAt)}</List.Item>
          </List>
          {cycle.datesChanged && (
            <Text size="sm" c="gray.9">
              Last changed {exactDate(cycle.datesChanged.at)}
              {cycle.datesChanged.closedNominationsEarly ? ' (nominations closed early)' : ''}: {cycle.datesChanged.reason}
            </Text>
          )}
          {open.nominationsCloseAt && (
            <Checkbox
              label="Close nominations now"
              description="Takes effect at once: later nominations are refused, and the board may close scoring."
              checked={closeNow}
              onChange={(e) => setCloseNow(e.currentTarget.checked)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {dateInput('nominationsCloseAt', 'Close nominations at')}
            {dateInput('rsvpBy', 'Invitations answered by')}
            {dateInput('summitStartsAt', 'Summit begins')}
          </SimpleGrid>
          <Textarea
            label="Reason for the change"
            description="Recorded with the change (at least 5 characters)."
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errorOf('reason')}
          />
          {change.error && !shownOnField && !confirming && <ProblemAlert error={change.error} title="The dates were not changed" />}
          <Group>
            <Button type="submit" variant="default" loading={change.isPending && !confirming} disabled={nothingMoved}>
              {closeNow ? 'Close nominations now' : 'Change dates'}
            </Button>
            {nothingMoved && (
              <Text size="sm" c="gray.9">
                Choose a new date, or close nominations now.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Close nominations now?"
        confirmLabel="Yes, close nominations now"
        onConfirm={send}
        onClose={() => setConfirming(false)}
        pending={change.isPending}
        error={change.error}
      >
        <Text c="gray.9">
          Nominations were to stay open until {exactDate(cycle.nominationsCloseAt)}. They close at once, and a closed window does not
          reopen: any nomination after this is refused.
        </Text>
      </ConfirmFinal>
    </section>
  );
}
