import { FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, FileButton, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CredentialVerificationView } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { VERDICT, useVerificationById, useVerifyPresented } from './credentials-api';

const yes = (ok: boolean) => (ok ? 'yes' : 'no');

function VerdictCard({ result }: { result: CredentialVerificationView }) {
  const { label, color } = VERDICT[result.verdict];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="verdict-heading" data-verdict={result.verdict}>
      <Stack>
        <Alert color={color} title={<span id="verdict-heading">{label}</span>} role="status">
          <Text>{result.reason}</Text>
        </Alert>
        {result.title && (
          <Text>
            <strong>{result.title}</strong>
            {result.issuedAt && <> · issued {exactDate(result.issuedAt)}</>}
          </Text>
        )}
        <List spacing={4} size="sm" aria-label="What was checked">
          <List.Item>Signed with IASL's issuer key: {yes(result.checks.issuerKey)}</List.Item>
          <List.Item>Signature matches the content: {yes(result.checks.signature)}</List.Item>
          <List.Item>Matches the credential recorded in IASL's log: {yes(result.checks.matchesLog)}</List.Item>
          <List.Item>Status list: {result.checks.statusList}</List.Item>
        </List>
        {result.credentialId && (
          <Text size="sm" c="gray.8">
            Credential {result.credentialId}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Paste or upload a credential someone handed over; the answer is the same check the QR link runs. */
function PresentedCheck() {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const verify = useVerifyPresented();
  const check = (source: string) => {
    setInvalid(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      return setInvalid('This is not a credential file: paste the whole JSON text of the credential, starting with {');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return setInvalid('This is not a credential: paste the whole JSON object of the credential');
    verify.mutate(parsed);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(text);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="presented-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="presented-heading">
            Check a credential you were given
          </Title>
          <Textarea
            label="The credential (JSON)"
            description="Paste the credential file's text, or choose the file."
            autosize
            minRows={6}
            maxRows={16}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={invalid}
          />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              Check it
            </Button>
            <FileButton
              accept="application/json,application/ld+json,.json"
              onChange={(file) => void file?.text().then((t) => (setText(t), check(t)))}
            >
              {(props) => (
                <Button variant="light" {...props}>
                  Choose a file
                </Button>
              )}
            </FileButton>
          </Group>
          {verify.isPending && <Loading what="Checking the signature, the status lists and the log" />}
          {verify.error && <ProblemAlert error={verify.error} title="The credential could not be checked" />}
          {verify.data && <VerdictCard result={verify.data} />}
        </Stack>
      </form>
    </Card>
  );
}

/**
 * docs/DOMAIN.md, Verifiable credentials: the public verification page, no sign-in. Opened from a certificate's QR code
 * or a share link it checks that credential as IASL issued it; anyone may also paste or upload one.
 */
export function VerifyPage() {
  const { credentialId } = useParams();
  const byId = useVerificationById(credentialId);
  return (
    <Page title="Verify an IASL credential" intro="Checks the signature, IASL's issuer key, the live status lists and IASL's log.">
      <Stack>
        {credentialId && byId.isPending && <Loading what="Checking the credential" />}
        {credentialId && byId.error && <ProblemAlert error={byId.error} title="This credential could not be checked" />}
        {byId.data && <VerdictCard result={byId.data} />}
        <PresentedCheck />
      </Stack>
    </Page>
  );
}
