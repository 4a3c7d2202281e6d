import { FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { write } from '../../api/client';
import { ApiProblem, summaryOf } from '../../api/problem';
import { SIGN_IN_EXTRAS, StoredSession } from '../../api/session';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { HOME, useSession } from '../../session-context';

/** Where to go after signing in: the page the person came for (same site only), else their role's home. */
export function useLanding() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (session: StoredSession) => {
    const next = params.get('next');
    void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : HOME[session.user.role], { replace: true });
  };
}

/**
 * Sign-in. `/sign-in?token=…` is the link mailed to applicants and nominators: it is redeemed at once. Otherwise
 * applicants ask for a link, and staff, reviewers, the board and auditors use their password.
 */
export function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const { user, signedIn } = useSession();
  const land = useLanding();
  const redeemed = useRef(false);
  const [linkError, setLinkError] = useState<unknown>(null);

  useEffect(() => {
    if (!token || redeemed.current) return;
    redeemed.current = true; // single-use token: never send it twice
    write<StoredSession>('POST', '/auth/email-link/redeem', { token, ...SIGN_IN_EXTRAS })
      .then((session) => {
        signedIn(session);
        land(session);
      })
      .catch(setLinkError);
  }, [token, signedIn, land]);

  if (token && !linkError) return <Loading what="Signing you in" />;

  return (
    <Page title="Sign in" intro="IASL certification of STEM programs: apply, review and decide in one place.">
      {linkError !== null && (
        <Alert color="orange" variant="light" title="This sign-in link does not work any more" role="alert">
          <Text c="gray.9">Links work once and for 15 minutes. Ask for a new one below; it arrives in a minute.</Text>
        </Alert>
      )}
      {user && !token && (
        <Alert color="blue" variant="light">
          <Text c="gray.9">You are already signed in as {user.email}.</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <EmailLinkForm />
        <PasswordForm
          onSignedIn={(s) => {
            signedIn(s);
            land(s);
          }}
        />
      </SimpleGrid>
    </Page>
  );
}

function EmailLinkForm() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await write('POST', '/auth/email-link', { email: email.trim() });
      setSentTo(email.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = error instanceof ApiProblem ? error.fieldMessage('email') : undefined;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="link-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary items={summaryOf(error, () => 'link-email')} />
          <Title order={2} size="h3" id="link-heading">
            Applicants and nominators
          </Title>
          <Text c="gray.9">We email you a link that signs you in. No password needed.</Text>
          <TextInput
            id="link-email"
            label="Your email address"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError}
          />
          {error !== null && !fieldError && <ProblemAlert error={error} />}
          {sentTo && (
            <Alert color="green" variant="light" role="status" title="Check your inbox">
              <Text c="gray.9">If {sentTo} can sign in here, a link is on its way. It works once, for 15 minutes.</Text>
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            Email me a sign-in link
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function PasswordForm({ onSignedIn }: { onSignedIn: (s: StoredSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await write<StoredSession>('POST', '/auth/login', { email: email.trim(), password, ...SIGN_IN_EXTRAS }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const problem = error instanceof ApiProblem ? error : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary items={summaryOf(error, (field) => (field === 'password' ? 'sign-in-password' : 'sign-in-email'))} />
          <Title order={2} size="h3" id="password-heading">
            Staff, reviewers, board and auditors
          </Title>
          <Text c="gray.9">Sign in with the password you set from your invitation link.</Text>
          <TextInput
            id="sign-in-email"
            label="Email address"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={problem?.fieldMessage('email')}
          />
          <PasswordInput
            id="sign-in-password"
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problem?.fieldMessage('password')}
          />
          {problem?.status === 401 && (
            <Alert color="red" variant="light" role="alert">
              <Text c="gray.9">The email or password is not right.</Text>
            </Alert>
          )}
          {error !== null && problem?.status !== 401 && !problem?.fieldMessage('email') && !problem?.fieldMessage('password') && (
            <ProblemAlert error={error} />
          )}
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <ForgotPassword email={email} />
        </Stack>
      </form>
    </Card>
  );
}

/** A forgotten password: the API mails a one-time set-password link to a password account (always 202). */
function ForgotPassword({ email }: { email: string }) {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [needEmail, setNeedEmail] = useState(false);
  if (sent) {
    return (
      <Alert color="green" variant="light" role="status">
        <Text c="gray.9">If {email} has a password here, a link to choose a new one is on its way (valid for an hour).</Text>
      </Alert>
    );
  }
  return (
    <>
      {error !== null && <ProblemAlert error={error} />}
      {needEmail && (
        <Text c="red.9" size="sm" role="alert">
          Type your email address above first.
        </Text>
      )}
      <Button
        variant="subtle"
        w="fit-content"
        loading={busy}
        onClick={async () => {
          setNeedEmail(!email.trim());
          if (!email.trim()) return;
          setBusy(true);
          setError(null);
          try {
            await write('POST', '/auth/password-reset', { email: email.trim() });
            setSent(true);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        Forgot your password?
      </Button>
    </>
  );
}
