import { useState } from 'react';
import { Badge, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { CredentialWalletItem } from '@cert/contracts';
import { download } from '../../api/client';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { useWallet } from '../public/credentials-api';

const STATUS: Record<CredentialWalletItem['status'], { label: string; color: string }> = {
  active: { label: 'Valid', color: 'green' },
  suspended: { label: 'Suspended', color: 'yellow' },
  expired: { label: 'Expired', color: 'gray' },
  replaced: { label: 'Replaced by renewal', color: 'gray' },
  withdrawn: { label: 'Withdrawn on appeal', color: 'red' },
  erased: { label: 'Revoked', color: 'red' },
};

function Item({ item }: { item: CredentialWalletItem }) {
  const [failed, setFailed] = useState<unknown>(null);
  const uuid = item.credentialId.replace(/^urn:uuid:/, '');
  const save = (path: string, name: string) => {
    setFailed(null);
    download(path, name).catch(setFailed);
  };
  return (
    <Card withBorder padding="md" component="li" aria-label={item.title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{item.title}</Text>
          <Badge color={STATUS[item.status].color}>{STATUS[item.status].label}</Badge>
        </Group>
        <Text size="sm" c="gray.8">
          Issued {exactDate(item.issuedAt)}
          {item.changedAt && <> · status changed {exactDate(item.changedAt)}</>}
        </Text>
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => save(item.pdfUrl, `iasl-certificate-${uuid}.pdf`)}>
            Download certificate (PDF)
          </Button>
          <Button variant="light" size="xs" onClick={() => save(item.jsonUrl, `iasl-credential-${uuid}.json`)}>
            Download credential (JSON)
          </Button>
          <CopyButton value={item.verifyUrl}>
            {({ copied, copy }) => (
              <Button variant="subtle" size="xs" onClick={copy}>
                {copied ? 'Share link copied' : 'Copy share link'}
              </Button>
            )}
          </CopyButton>
          <Button variant="subtle" size="xs" component="a" href={item.verifyUrl} target="_blank" rel="noopener">
            Open verification page
          </Button>
        </Group>
        {failed !== null && <ProblemAlert error={failed} title="The file could not be downloaded" />}
      </Stack>
    </Card>
  );
}

/**
 * docs/DOMAIN.md, Verifiable credentials: the leader's wallet. Each designation or award comes as an Open Badges 3.0
 * credential to keep in any wallet, a printable certificate whose QR code opens the public verification page, and a
 * share link to the same page.
 */
export function CredentialsPanel({ applicationId }: { applicationId: string }) {
  const wallet = useWallet(applicationId);
  if (wallet.isPending) return <Loading what="Loading your credentials" />;
  if (wallet.error) return <ProblemAlert error={wallet.error} title="Your credentials could not be loaded" />;
  if (wallet.data.items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="credentials-heading">
      <Stack>
        <Title order={2} size="h3" id="credentials-heading">
          Your verifiable credentials
        </Title>
        <Text c="gray.9">
          Hand these to a district, a funder or a parent: anyone can check them on IASL's verification page, which shows whether the
          designation still holds.
        </Text>
        <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
          {wallet.data.items.map((item) => (
            <Item key={item.credentialId} item={item} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
