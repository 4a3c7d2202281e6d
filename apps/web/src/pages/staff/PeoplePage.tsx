import { useState } from 'react';
import { Badge, Button, Card, Group, List, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { PERSON_ROLES } from '@cert/contracts';
import type { InvitePersonRequest, PersonResult, PersonRole, PersonStatus, PersonView } from '@cert/contracts';
import { ApiProblem, summaryOf } from '../../api/problem';
import { usePeople, usePersonHistory, useWrite, write } from '../../api/queries';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { ErrorSummary, SummaryItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { ROLE_LABEL } from '../../lib/labels';
import { useSession } from '../../session-context';

const STATUS_LABEL: Record<PersonStatus, string> = { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' };
const STATUS_COLOR: Record<PersonStatus, string> = { invited: 'orange.9', active: 'teal.9', deactivated: 'gray.8' };
const ROLE_OPTIONS = PERSON_ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }));
const MIN_REASON = 5;

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/**
 * docs/DOMAIN.md, Who uses it: staff invite the people who run the cycle, change their roles and deactivate them.
 * Each change asks why, and is kept with who made it (the history under each person).
 */
export function PeoplePage() {
  const people = usePeople();
  const { user } = useSession();
  const [changing, setChanging] = useState<PersonView | null>(null);
  const [deactivating, setDeactivating] = useState<PersonView | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const resend = useWrite((id: string) => write<PersonResult>('POST', `/people/${id}/invitation`), {
    done: (r) => ({ title: 'Invitation sent again', message: `${r.person.name} has a new link; the earlier one no longer works.` }),
  });

  // Nobody changes their own role or standing (the api refuses it): another member of staff does.
  const actions = (p: PersonView) =>
    p.status === 'deactivated' || p.id === user?.id ? null : (
      <Group gap="xs" wrap="wrap">
        <Button size="xs" variant="default" onClick={() => setChanging(p)} aria-label={`Change the role of ${p.name}`}>
          Change role
        </Button>
        {p.status === 'invited' && (
          <Button
            size="xs"
            variant="default"
            loading={resend.isPending && resend.variables === p.id}
            onClick={() => resend.mutate(p.id)}
            aria-label={`Send the invitation to ${p.name} again`}
          >
            Send invitation again
          </Button>
        )}
        <Button size="xs" variant="outline" color="red.9" onClick={() => setDeactivating(p)} aria-label={`Deactivate ${p.name}`}>
          Deactivate
        </Button>
      </Group>
    );

  return (
    <Page title="People" intro="Everyone who signs in with a password: staff, reviewers, the board, auditors and operators.">
      <InviteForm />
      <Card withBorder padding="lg" component="section" aria-labelledby="people-heading">
        <Stack>
          <Title order={2} size="h3" id="people-heading">
            People and their roles
          </Title>
          {resend.error && <ProblemAlert error={resend.error} title="The invitation was not sent again" />}
          {people.error ? (
            <ProblemAlert error={people.error} />
          ) : !people.data ? (
            <Loading what="Loading people" />
          ) : (
            <>
              {/* A table where it fits; on a phone the same people as stacked cards, so nothing scrolls sideways. */}
              <Table striped verticalSpacing="sm" visibleFrom="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <PersonName person={p} />
                      </Table.Td>
                      <Table.Td>{ROLE_LABEL[p.role]}</Table.Td>
                      <Table.Td>
                        <Status person={p} />
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={6}>
                          {actions(p)}
                          <HistoryToggle id={p.id} name={p.name} open={historyOf === p.id} onToggle={setHistoryOf} />
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Stack hiddenFrom="sm" gap="sm">
                {people.data.map((p) => (
                  <Card key={p.id} withBorder padding="sm" component="article" aria-label={p.name}>
                    <Stack gap={6}>
                      <PersonName person={p} />
                      <Text size="sm">
                        {ROLE_LABEL[p.role]} · <Status person={p} />
                      </Text>
                      {actions(p)}
                      <HistoryToggle id={p.id} name={p.name} open={historyOf === p.id} onToggle={setHistoryOf} />
                    </Stack>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      </Card>
      {changing && <ChangeRole person={changing} onClose={() => setChanging(null)} />}
      {deactivating && <Deactivate person={deactivating} onClose={() => setDeactivating(null)} />}
    </Page>
  );
}

function PersonName({ person }: { person: PersonView }) {
  const profile = [person.institution, person.region].filter(Boolean).join(', ');
  return (
    <Stack gap={0}>
      <Text fw={600}>{person.name}</Text>
      <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
        {person.email}
      </Text>
      {profile && (
        <Text size="sm" c="gray.8">
          {profile}
        </Text>
      )}
      {person.expertise && (
        <Text size="sm" c="gray.8">
          Expertise: {person.expertise}
        </Text>
      )}
    </Stack>
  );
}

function Status({ person }: { person: PersonView }) {
  return (
    <Badge variant="outline" radius="sm" color={STATUS_COLOR[person.status]}>
      {STATUS_LABEL[person.status]}
      {person.deactivatedAt ? ` ${exactDate(person.deactivatedAt)}` : ''}
    </Badge>
  );
}

function HistoryToggle({ id, name, open, onToggle }: { id: string; name: string; open: boolean; onToggle: (id: string | null) => void }) {
  return (
    <Stack gap={4}>
      <Button size="xs" variant="subtle" c="blue.9" w="fit-content" px={0} aria-expanded={open} onClick={() => onToggle(open ? null : id)}>
        {open ? 'Hide history' : 'Show history'}
        <span className="visually-hidden"> of {name}</span>
      </Button>
      {open && <History id={id} />}
    </Stack>
  );
}

function History({ id }: { id: string }) {
  const history = usePersonHistory(id);
  if (history.error) return <ProblemAlert error={history.error} />;
  if (!history.data) return <Loading what="Loading the history" />;
  if (history.data.length === 0) return <Text size="sm">No change recorded here: the account was made from the command line.</Text>;
  return (
    <List size="sm" spacing={4}>
      {history.data.map((e) => (
        <List.Item key={e.eventId}>
          {exactDate(e.occurredAt)}: {e.summary}
        </List.Item>
      ))}
    </List>
  );
}

const INVITE_FIELDS = ['name', 'email', 'role', 'institution', 'region', 'expertise'] as const;
const inviteId = (field: string) => `invite-${field}`;

function InviteForm() {
  const empty: InvitePersonRequest = { name: '', email: '', role: 'reviewer', institution: '', region: '', expertise: '' };
  const [form, setForm] = useState<InvitePersonRequest>(empty);
  const [checked, setChecked] = useState<SummaryItem[]>([]);
  const invite = useWrite((body: InvitePersonRequest) => write<PersonResult>('POST', '/people/invitations', body), {
    done: (r) => ({ title: 'Invitation sent', message: `${r.person.name} was mailed a link to set their password.` }),
  });
  const problem = invite.error instanceof ApiProblem ? invite.error : null;
  const taken = problem?.code === 'account.email_taken' ? (problem.detail ?? 'This email address already has an account') : undefined;
  const summary = checked.length
    ? checked
    : [
        ...summaryOf(invite.error, (field) => ((INVITE_FIELDS as readonly string[]).includes(field) ? inviteId(field) : undefined)),
        ...(taken ? [{ message: taken, targetId: inviteId('email') }] : []),
      ];
  const fieldError = (field: (typeof INVITE_FIELDS)[number]) =>
    checked.find((i) => i.targetId === inviteId(field))?.message ?? problem?.fieldMessage(field) ?? (field === 'email' ? taken : undefined);
  const set = (field: keyof InvitePersonRequest) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: e.currentTarget.value });
  const reviewer = form.role === 'reviewer';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invite-heading">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const items: SummaryItem[] = [];
          if (form.name.trim().length < 2) items.push({ message: "Enter the person's full name", targetId: inviteId('name') });
          if (!looksLikeEmail(form.email))
            items.push({ message: "Enter the person's email address, like name@school.org", targetId: inviteId('email') });
          setChecked(items);
          if (items.length) return;
          const optional = (v?: string) => (v?.trim() ? v.trim() : undefined);
          const body: InvitePersonRequest = {
            name: form.name.trim(),
            email: form.email.trim(),
            role: form.role,
            ...(reviewer
              ? { institution: optional(form.institution), region: optional(form.region), expertise: optional(form.expertise) }
              : {}),
          };
          invite.mutate(body, { onSuccess: () => setForm(empty) });
        }}
      >
        <Stack>
          <ErrorSummary items={summary} />
          <Title order={2} size="h3" id="invite-heading">
            Invite someone
          </Title>
          <Text size="sm">They get an email with a link to set their password. The link works once, for a day; you can send it again.</Text>
          <TextInput id={inviteId('name')} label="Full name" required value={form.name} onChange={set('name')} error={fieldError('name')} />
          <TextInput
            id={inviteId('email')}
            type="email"
            label="Email address"
            required
            autoComplete="off"
            value={form.email}
            onChange={set('email')}
            error={fieldError('email')}
          />
          <NativeSelect
            id={inviteId('role')}
            label="Role"
            data={ROLE_OPTIONS}
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as PersonRole })}
            error={fieldError('role')}
          />
          {reviewer && (
            <>
              <TextInput
                id={inviteId('institution')}
                label="Institution (optional)"
                description="Conflict-of-interest checks compare it with each application's."
                value={form.institution}
                onChange={set('institution')}
                error={fieldError('institution')}
              />
              <TextInput
                id={inviteId('region')}
                label="Country or region (optional)"
                value={form.region}
                onChange={set('region')}
                error={fieldError('region')}
              />
              <Textarea
                id={inviteId('expertise')}
                label="Expertise (optional)"
                autosize
                minRows={2}
                value={form.expertise}
                onChange={set('expertise')}
                error={fieldError('expertise')}
              />
            </>
          )}
          {invite.error && !summary.length && <ProblemAlert error={invite.error} title="Nobody was invited" />}
          <Button type="submit" loading={invite.isPending} w="fit-content">
            Send invitation
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function ReasonInput({
  id,
  value,
  onChange,
  error,
  label,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label: string;
}) {
  return (
    <Textarea
      id={id}
      label={label}
      description="Kept with the change, with your name; auditors read it."
      required
      autosize
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

function ChangeRole({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const [role, setRole] = useState<PersonRole>(person.role);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const change = useWrite((body: { role: PersonRole; reason: string }) => write<PersonResult>('PUT', `/people/${person.id}/role`, body), {
    done: (r) => ({ title: 'Role changed', message: `${r.person.name} is now ${ROLE_LABEL[r.person.role]}.` }),
  });
  const reasonError =
    checked && reason.trim().length < MIN_REASON ? `Enter why the role changes, in at least ${MIN_REASON} characters` : undefined;
  const roleError = checked && role === person.role ? `Select a role other than ${ROLE_LABEL[person.role]}` : undefined;
  return (
    <ConfirmFinal
      opened
      title={`Change the role of ${person.name}`}
      confirmLabel="Yes, change the role"
      pending={change.isPending}
      error={change.error}
      onClose={onClose}
      onConfirm={() => {
        setChecked(true);
        if (reason.trim().length < MIN_REASON || role === person.role) return;
        change.mutate({ role, reason: reason.trim() }, { onSuccess: onClose });
      }}
    >
      <Text>
        {person.name} is {ROLE_LABEL[person.role]} now. The new role applies to their next step: pages they have open show what the new role
        may see.
      </Text>
      <NativeSelect
        id="change-role"
        label="New role"
        data={ROLE_OPTIONS}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as PersonRole)}
        error={roleError}
      />
      <ReasonInput id="change-reason" label="Why the role changes" value={reason} onChange={setReason} error={reasonError} />
    </ConfirmFinal>
  );
}

function Deactivate({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const deactivate = useWrite((body: { reason: string }) => write<PersonResult>('POST', `/people/${person.id}/deactivation`, body), {
    done: (r) => ({ title: 'Deactivated', message: `${r.person.name} can no longer sign in.` }),
  });
  const reasonError =
    checked && reason.trim().length < MIN_REASON
      ? `Enter why ${person.name} is deactivated, in at least ${MIN_REASON} characters`
      : undefined;
  return (
    <ConfirmFinal
      opened
      title={`Deactivate ${person.name}`}
      confirmLabel="Yes, deactivate"
      pending={deactivate.isPending}
      error={deactivate.error}
      onClose={onClose}
      onConfirm={() => {
        setChecked(true);
        if (reason.trim().length < MIN_REASON) return;
        deactivate.mutate({ reason: reason.trim() }, { onSuccess: onClose });
      }}
    >
      <Text>
        {person.name} is signed out everywhere at once and cannot sign in again; any invitation link they hold stops working. What they did
        stays on record under their name.
      </Text>
      <ReasonInput id="deactivate-reason" label="Why they are deactivated" value={reason} onChange={setReason} error={reasonError} />
    </ConfirmFinal>
  );
}
