import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { write } from '../../api/client';
import { ApiProblem, summaryOf } from '../../api/problem';
import { SIGN_IN_EXTRAS, StoredSession } from '../../api/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSession } from '../../session-context';
import { useLanding } from './SignInPage';

/**
 * `/set-password?token=…`, the link in an invitation or reset: choose a password, then sign in with it at once.
 * The API's set-password answer carries no session or email, so the form asks for the email too.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const land = useLanding();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [passwordSet, setPasswordSet] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      if (!passwordSet) {
        await write('POST', '/auth/password', { token, password });
        setPasswordSet(true);
      }
      const session = await write<StoredSession>('POST', '/auth/login', { email: email.trim(), password, ...SIGN_IN_EXTRAS });
      signedIn(session);
      land(session);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const problem = error instanceof ApiProblem ? error : null;
  const linkDead = problem?.status === 401 && !passwordSet;
  const summary = [
    ...summaryOf(error, (field) => (field === 'password' ? 'new-password' : 'set-password-email')),
    ...(mismatch ? [{ message: 'Enter the same password twice', targetId: 'repeat-password' }] : []),
  ];
  return (
    <Page
      title="Choose your password"
      intro="At least 12 characters, and not easy to guess: common passwords, keyboard patterns and your own name or email are refused. Four or more unrelated words you will remember work well."
    >
      <Card withBorder padding="lg" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorSummary items={summary} />
            {!token && (
              <Alert color="orange" variant="light" role="alert">
                <Text c="gray.9">This page needs the link from your invitation email. Ask IASL staff for a new one.</Text>
              </Alert>
            )}
            {passwordSet && (
              <Alert color="green" variant="light" role="status">
                <Text c="gray.9">Your password is set. Check the email address to sign in.</Text>
              </Alert>
            )}
            <TextInput
              id="set-password-email"
              label="Your email address"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={
                problem?.fieldMessage('email') ??
                (problem?.status === 401 && passwordSet ? 'This email does not match the account the link was for' : undefined)
              }
            />
            <PasswordInput
              id="new-password"
              label="New password"
              autoComplete="new-password"
              required
              value={password}
              disabled={passwordSet}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problem?.fieldMessage('password')}
              description="12 characters or more, not easy to guess"
            />
            <PasswordInput
              id="repeat-password"
              label="Repeat the password"
              autoComplete="new-password"
              required
              value={repeat}
              disabled={passwordSet}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? 'Enter the same password twice' : undefined}
            />
            {linkDead && (
              <Alert color="red" variant="light" role="alert">
                <Text c="gray.9">This link was already used or has expired. Ask IASL staff for a new one.</Text>
              </Alert>
            )}
            {error !== null && !linkDead && !(problem?.status === 401) && Object.keys(problem?.fields ?? {}).length === 0 && (
              <ProblemAlert error={error} />
            )}
            <Button type="submit" loading={busy} disabled={!token}>
              {passwordSet ? 'Sign in' : 'Set password and sign in'}
            </Button>
          </Stack>
        </form>
      </Card>
    </Page>
  );
}
