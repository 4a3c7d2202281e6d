import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { summaryOf } from '../../api/problem';
import { useMyApplications, useWrite, write } from '../../api/queries';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { MAX_PORTFOLIOS, MAX_TEACHERS } from '@cert/domain';
import type { ApplicantAwardCycleView, LeaderNominationView, StudentPortfolio, Teacher } from '@cert/contracts';
import { INVITATION_LABEL, useAwardCycles, useMyAwardNominations } from '../common/AwardApi';

/**
 * docs/DOMAIN.md, Awards and summit: a designated program's leader nominates it for the year's leadership award (the leader, up to three
 * teachers, up to three student portfolios) and answers the summit invitation.
 */
export function AwardApplicantPage() {
  const cycles = useAwardCycles<ApplicantAwardCycleView[]>();
  const mine = useMyAwardNominations();
  if (cycles.isPending || mine.isPending) return <Loading what="Loading the leadership awards" />;
  const error = cycles.error ?? mine.error;
  if (error)
    return (
      <Page title="Leadership awards">
        <ProblemAlert error={error} />
      </Page>
    );
  const nominations = mine.data ?? [];
  const open = (cycles.data ?? []).filter((c) => c.status === 'Nominating' && !nominations.some((n) => n.year === c.year));
  return (
    <Page
      title="Leadership awards"
      intro="The IASL advisory board selects leadership award recipients each year; they are honoured at the IASL STEM Leadership Summit."
    >
      {nominations.map((n) => (
        <MyNominationCard key={n.nominationId} nomination={n} />
      ))}
      {open.map((c) => (
        <NominationForm key={c.year} cycle={c} />
      ))}
      {open.length === 0 && nominations.length === 0 && <Text c="gray.9">No award cycle is open for nominations at the moment.</Text>}
    </Page>
  );
}

function MyNominationCard({ nomination: n }: { nomination: LeaderNominationView }) {
  const [reason, setReason] = useState('');
  const respond = useWrite(
    (accept: boolean) =>
      write('POST', `/award-cycles/${n.year}/invitations/${n.nominationId}/response`, {
        accept,
        reason: accept ? undefined : reason.trim() || undefined,
      }),
    {
      done: (r) => ({
        title: r.events.includes('SummitInvitationAccepted') ? 'See you at the summit' : 'Your answer is recorded',
        message: n.award,
      }),
    },
  );
  const headingId = `my-nomination-${n.nominationId}`;
  const inv = n.invitation;
  // eslint-disable-next-line react-hooks/purity -- the clock at each render decides what to show; the API enforces the date
  const now = Date.now();
  const canAnswer =
    inv && (inv.status === 'invited' || inv.status === 'accepted' || inv.status === 'declined') && new Date(inv.rsvpBy).getTime() > now;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            {n.award}
          </Title>
          {inv ? (
            <Badge color={INVITATION_LABEL[inv.status].color} variant="light">
              {INVITATION_LABEL[inv.status].label}
            </Badge>
          ) : (
            <Badge variant="light">Nominated</Badge>
          )}
        </Group>
        <Text c="gray.9">
          {n.institutionName} was nominated {exactDate(n.submittedAt)}
          {n.nominatedByRole === 'staff' ? ' by the IASL certification division' : ''}.
        </Text>
        {!inv && <Text c="gray.9">The advisory board scores every nomination; you will hear when it has chosen the recipients.</Text>}
        {inv && (
          <Alert color="green" variant="light" title="Selected for the award">
            <Text c="gray.9">
              The award is presented at the IASL STEM Leadership Summit, {exactDate(n.summit.startsAt)}, {n.summit.place}.
              {inv.status === 'invited' && <> Please answer by {exactDate(inv.rsvpBy)}.</>}
              {inv.respondedAt && (inv.status === 'accepted' || inv.status === 'declined') && (
                <>
                  {' '}
                  You answered {exactDate(inv.respondedAt)} that you {inv.status === 'accepted' ? 'will attend' : 'cannot attend'}
                  {canAnswer ? `; you can change your answer until ${exactDate(inv.rsvpBy)}` : ''}.
                </>
              )}
            </Text>
          </Alert>
        )}
        {canAnswer && (
          <Stack gap="xs">
            <Textarea
              label="If you decline: a reason (optional)"
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button
                onClick={() => respond.mutate(true)}
                loading={respond.isPending && respond.variables === true}
                disabled={inv.status === 'accepted'}
              >
                I will attend
              </Button>
              <Button
                variant="default"
                onClick={() => respond.mutate(false)}
                loading={respond.isPending && respond.variables === false}
                disabled={inv.status === 'declined'}
              >
                I cannot attend
              </Button>
            </Group>
            {respond.error && <ProblemAlert error={respond.error} title="Your answer was not recorded" />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

const emptyTeacher = (): Teacher => ({ name: '', subject: '', statement: '' });
const emptyPortfolio = (): StudentPortfolio => ({ title: '', summary: '', link: '' });

function NominationForm({ cycle }: { cycle: ApplicantAwardCycleView }) {
  const applications = useMyApplications();
  const designated = (applications.data ?? []).flatMap((i) =>
    i.role === 'applicant' && i.application.designationStatus === 'active' ? [i.application] : [],
  );
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [teachers, setTeachers] = useState<Teacher[]>([]);
  const [portfolios, setPortfolios] = useState<StudentPortfolio[]>([]);
  const nominate = useWrite(
    () =>
      write('POST', `/award-cycles/${cycle.year}/nominations`, { applicationId: applicationId ?? designated[0]?.id, teachers, portfolios }),
    {
      done: () => ({ title: 'Nomination received', message: cycle.award }),
    },
  );
  const [confirming, setConfirming] = useState(false);
  const headingId = `nominate-${cycle.year}`;
  // The API names `teachers.0.name`; each input's id is that path, so the summary links straight to it.
  const idOf = (path: string) => `nomination-${path.replaceAll('.', '-')}`;
  const summary = confirming
    ? []
    : summaryOf(nominate.error, (field) => (document.getElementById(idOf(field)) ? idOf(field) : 'nomination-program'));
  const fieldError = (path: string) => (confirming ? undefined : summary.find((i) => i.targetId === idOf(path))?.message);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          nominate.reset();
          setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          <ErrorSummary items={summary} />
          <Title order={2} size="h3" id={headingId}>
            Nominate your program: {cycle.award}
          </Title>
          <Text c="gray.9">
            Open to charter members and STEM Programs of Excellence in good standing, until {exactDate(cycle.nominationsCloseAt)}. Name up
            to three teachers and up to three student portfolios.
          </Text>
          {designated.length === 0 ? (
            <Alert color="blue" variant="light">
              <Text c="gray.9">You have no designated program to nominate yet.</Text>
            </Alert>
          ) : (
            <Select
              id="nomination-program"
              label="Program"
              data={designated.map((a) => ({ value: a.id, label: `${a.reference}: ${a.institutionName}` }))}
              value={applicationId ?? designated[0].id}
              onChange={setApplicationId}
              allowDeselect={false}
            />
          )}
          {teachers.map((t, i) => (
            <SimpleGrid key={`t${i}`} cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={`Teacher ${i + 1}: name`}
                value={t.name}
                onChange={(e) => setTeachers(edit(teachers, i, { name: e.currentTarget.value }))}
                id={idOf(`teachers.${i}.name`)}
                error={fieldError(`teachers.${i}.name`)}
              />
              <TextInput
                label={`Teacher ${i + 1}: subject`}
                value={t.subject}
                onChange={(e) => setTeachers(edit(teachers, i, { subject: e.currentTarget.value }))}
                id={idOf(`teachers.${i}.subject`)}
                error={fieldError(`teachers.${i}.subject`)}
              />
              <TextInput
                label={`Teacher ${i + 1}: what they do`}
                value={t.statement}
                onChange={(e) => setTeachers(edit(teachers, i, { statement: e.currentTarget.value }))}
                id={idOf(`teachers.${i}.statement`)}
                error={fieldError(`teachers.${i}.statement`)}
              />
            </SimpleGrid>
          ))}
          {portfolios.map((p, i) => (
            <SimpleGrid key={`p${i}`} cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={`Portfolio ${i + 1}: title`}
                value={p.title}
                onChange={(e) => setPortfolios(edit(portfolios, i, { title: e.currentTarget.value }))}
                id={idOf(`portfolios.${i}.title`)}
                error={fieldError(`portfolios.${i}.title`)}
              />
              <TextInput
                label={`Portfolio ${i + 1}: summary`}
                value={p.summary}
                onChange={(e) => setPortfolios(edit(portfolios, i, { summary: e.currentTarget.value }))}
                id={idOf(`portfolios.${i}.summary`)}
                error={fieldError(`portfolios.${i}.summary`)}
              />
              <TextInput
                type="url"
                label={`Portfolio ${i + 1}: link`}
                value={p.link}
                onChange={(e) => setPortfolios(edit(portfolios, i, { link: e.currentTarget.value }))}
                id={idOf(`portfolios.${i}.link`)}
                error={fieldError(`portfolios.${i}.link`)}
              />
            </SimpleGrid>
          ))}
          <Group>
            <Button variant="default" disabled={teachers.length >= MAX_TEACHERS} onClick={() => setTeachers([...teachers, emptyTeacher()])}>
              Add a teacher
            </Button>
            <Button
              variant="default"
              disabled={portfolios.length >= MAX_PORTFOLIOS}
              onClick={() => setPortfolios([...portfolios, emptyPortfolio()])}
            >
              Add a student portfolio
            </Button>
          </Group>
          {nominate.error && !confirming && summary.length === 0 && (
            <ProblemAlert error={nominate.error} title="The nomination was not sent" />
          )}
          <Button type="submit" w="fit-content" disabled={designated.length === 0} loading={nominate.isPending}>
            Send the nomination
          </Button>
          <Text size="sm" c="gray.9">
            Names and texts are kept under your personal key and are erased with your data. See the{' '}
            <Anchor href="/directory">who's who</Anchor> for past recipients.
          </Text>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Send the nomination?"
        confirmLabel="Yes, send the nomination"
        onConfirm={() => nominate.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
        pending={nominate.isPending}
      >
        <Text c="gray.9">
          You are nominating your program for the {cycle.award} with {teachers.length} {teachers.length === 1 ? 'teacher' : 'teachers'} and{' '}
          {portfolios.length} student {portfolios.length === 1 ? 'portfolio' : 'portfolios'}. The advisory board scores every nomination
          after {exactDate(cycle.nominationsCloseAt)}. By sending you confirm that what you wrote is accurate, and that the teachers named
          agree to be put forward.
        </Text>
      </ConfirmFinal>
    </Card>
  );
}

const edit = <T,>(list: T[], index: number, patch: Partial<T>): T[] => list.map((item, i) => (i === index ? { ...item, ...patch } : item));
