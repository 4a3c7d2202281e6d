import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Card, Checkbox, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ErasureReport } from '@cert/contracts';
import { ApiProblem } from '../../api/problem';
import { useWrite, write } from '../../api/queries';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

const AS_LABEL: Record<'applicant' | 'reviewer', string> = { applicant: 'Their application', reviewer: 'They reviewed it' };

/**
 * docs/DOMAIN.md, Erasure: staff erase a person on their request. It cannot be undone, so it asks for a declaration
 * first; the answer says what went now and which applications' records of reasons are kept, until when and why.
 */
export function ErasurePage() {
  const [email, setEmail] = useState('');
  const [declared, setDeclared] = useState(false);
  const [checked, setChecked] = useState(false);
  const erase = useWrite((address: string) => write<ErasureReport>('POST', '/privacy/erasures', { email: address }), {
    done: () => ({ title: 'Erased', message: 'Their keys are destroyed; what is kept is listed on this page.' }),
  });
  // The next erasure starts from an empty form and a fresh declaration.
  const reset = () => {
    setEmail('');
    setDeclared(false);
    setChecked(false);
  };
  const problem = erase.error instanceof ApiProblem ? erase.error : null;
  const emailError =
    checked && !looksLikeEmail(email)
      ? 'Enter the email address the person is known by, like name@school.org'
      : problem?.fieldMessage('email');
  const declarationError = checked && !declared ? 'Confirm you have checked who is asking and that this cannot be undone' : undefined;

  return (
    <Page title="Erase a person's data" intro="On the person's own request, once you have checked who is asking.">
      <Card withBorder padding="lg" component="section" aria-labelledby="erase-heading">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
            if (!looksLikeEmail(email) || !declared) return;
            erase.mutate(email.trim(), { onSuccess: reset });
          }}
        >
          <Stack>
            <Title order={2} size="h3" id="erase-heading">
              Who to erase
            </Title>
            <Text size="sm">
              Their name, contact details, survey answers, evidence and own statements become unreadable everywhere at once, in every backup
              too, and their account and kept mail are deleted. The reasons for decisions about applications they led or reviewed
              (reviewers' comments, the adjudication's and the board's justifications, staff's reasons for a rejection or a release) are the
              institution's record of why: they are kept until their retention ends, and this page lists them after.
            </Text>
            <TextInput
              type="email"
              label="Email address"
              description="The application's contact email, or the reviewer's account email."
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
            />
            <Checkbox
              label="I have checked that this request comes from the person, and I understand the erasure cannot be undone."
              checked={declared}
              onChange={(e) => setDeclared(e.currentTarget.checked)}
              error={declarationError}
            />
            {erase.error && !problem?.fieldMessage('email') && <ProblemAlert error={erase.error} title="Nothing was erased" />}
            <Button type="submit" color="red.9" loading={erase.isPending} w="fit-content">
              Erase their data
            </Button>
          </Stack>
        </form>
      </Card>
      {erase.data && <ErasureResult report={erase.data} />}
    </Page>
  );
}

type Retained = ErasureReport['retained'][number];

const ApplicationLink = ({ record }: { record: Retained }) => (
  <Anchor component={Link} to={`/staff/applications/${record.applicationId}`}>
    {record.reference}
  </Anchor>
);

const reasonCounts = ({ counts }: Retained) =>
  [
    `${counts.kept} kept`,
    counts.erasedWithPerson > 0 && `${counts.erasedWithPerson} erased with them (written before reasons were kept apart)`,
    counts.underPeoplesKeys > 0 && `${counts.underPeoplesKeys} under people's keys (written before reasons were kept apart)`,
    counts.shredded > 0 && `${counts.shredded} shredded`,
  ]
    .filter(Boolean)
    .join('; ');

function ErasureResult({ report }: { report: ErasureReport }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="result-heading">
      <Stack>
        <Title order={2} size="h3" id="result-heading">
          {report.position ? 'Erased' : 'Already erased: nothing new to erase'}
        </Title>
        <Alert color={report.position ? 'teal' : 'gray'} variant="light" role="status">
          <Text size="sm" c="gray.9">
            {report.keysDestroyed} key{report.keysDestroyed === 1 ? '' : 's'} destroyed, account{' '}
            {report.accountRemoved ? 'removed' : 'none'}, {report.outboxMessagesDeleted} kept message
            {report.outboxMessagesDeleted === 1 ? '' : 's'} deleted. Recorded as person{' '}
            <Text span ff="monospace" size="sm">
              {report.subjectId.slice(0, 12)}
            </Text>
            {report.position ? ` at log position ${report.position}.` : '.'}
          </Text>
        </Alert>
        <Title order={3} size="h4">
          Erased now
        </Title>
        {report.erasedNow.length > 0 ? (
          <List size="sm" spacing={4}>
            {report.erasedNow.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">Nothing was found under this email address.</Text>
        )}
        <Title order={3} size="h4">
          Kept in the record of reasons
        </Title>
        {report.retained.length === 0 ? (
          <Text size="sm">No application they led or reviewed is on record.</Text>
        ) : (
          <>
            <Text size="sm">{report.retained[0].why}</Text>
            {/* A table where it fits; on a phone the same rows as a list, so nothing scrolls sideways. */}
            <Table striped verticalSpacing="xs" visibleFrom="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Application</Table.Th>
                  <Table.Th scope="col">Their part</Table.Th>
                  <Table.Th scope="col">Its record of reasons</Table.Th>
                  <Table.Th scope="col">Reasons</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.retained.map((r) => (
                  <Table.Tr key={`${r.applicationId}-${r.as}`}>
                    <Table.Td>
                      <ApplicationLink record={r} />
                    </Table.Td>
                    <Table.Td>{AS_LABEL[r.as]}</Table.Td>
                    <Table.Td>{r.until}</Table.Td>
                    <Table.Td>{reasonCounts(r)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <List hiddenFrom="sm" spacing="sm" listStyleType="none">
              {report.retained.map((r) => (
                <List.Item key={`${r.applicationId}-${r.as}`}>
                  <Text size="sm" fw={600}>
                    <ApplicationLink record={r} /> · {AS_LABEL[r.as]}
                  </Text>
                  <Text size="sm">{r.until}</Text>
                  <Text size="sm">{reasonCounts(r)}</Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}
