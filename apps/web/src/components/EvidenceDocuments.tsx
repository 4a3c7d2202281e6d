import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Code, FileButton, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import type { EvidenceItemView, EvidencePolicyView } from '@cert/contracts';
import type { EvidencePurpose } from '@cert/domain';
import { sizeInWords } from '@cert/domain';
import { download, objectUrl, upload } from '../api/client';
import { useEvidence, useRubric, useWrite, write } from '../api/queries';
import { problemText } from '../api/problem';
import { utcDate } from '../lib/dates';
import { indicatorsOf } from '../lib/rubric';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';

type Props = {
  applicationId: string;
  indicator: string;
  /** Every evidence item of the application (useEvidence); this shows the indicator's. */
  items: EvidenceItemView[] | undefined;
  /** Only these: the assessment's, or the progress update's. */
  purpose?: EvidencePurpose;
  /** The leader preparing a draft: upload, replace, remove, add links. */
  editable?: { policy: EvidencePolicyView | undefined };
  /** For staff and auditors: each document's SHA-256, as the log records it. */
  showHash?: boolean;
  /** The card's heading; "Documents and links" by default. */
  heading?: string;
};

const describe = (i: EvidenceItemView) => (i.kind === 'link' ? 'Link' : `${i.typeLabel ?? 'File'}, ${sizeInWords(i.size ?? 0)}`);

/**
 * docs/DOMAIN.md, Evidence: the documents and links given for one indicator, beside it. Anyone who may read the
 * assessment previews PDF and images here and downloads everything; the leader of a draft also uploads, replaces and
 * removes. Reusable on every page that shows an indicator's evidence.
 */
export function EvidenceDocuments({ applicationId, indicator, items, purpose, editable, showHash, heading }: Props) {
  const mine = (items ?? []).filter((i) => i.indicator === indicator && (!purpose || i.purpose === purpose));
  const editableItems = mine.filter((i) => !i.submittedAt);
  const [preview, setPreview] = useState<{ item: EvidenceItemView; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const send = useWrite(({ file, replaces }: { file: File; replaces?: string }) =>
    upload(`/applications/${applicationId}/evidence/documents`, { purpose: purpose ?? 'assessment', indicator, replaces }, file),
  );
  const remove = useWrite((id: string) => write('DELETE', `/applications/${applicationId}/evidence/${id}`));
  const addLink = useWrite((link: { url: string; title: string }) =>
    write('POST', `/applications/${applicationId}/evidence/links`, { purpose: purpose ?? 'assessment', indicator, ...link }),
  );
  const [link, setLink] = useState({ url: '', title: '' });

  const open = async (item: EvidenceItemView) => {
    setError(null);
    try {
      setPreview({ item, url: await objectUrl(item.href!) });
    } catch (e) {
      setError(problemText(e));
    }
  };
  const save = (item: EvidenceItemView) =>
    download(`${item.href!}?download=1`, item.name ?? `${item.indicator} document ${item.ordinal}`).catch((e) => setError(problemText(e)));
  const uploadFile = (file: File | null, replaces?: string) => {
    if (!file) return;
    setError(null);
    send.mutate({ file, replaces }, { onError: (e) => setError(problemText(e)) });
  };
  const policy = editable?.policy;

  return (
    <Card withBorder padding="md" component="section" aria-label={`Documents and links for ${indicator}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {heading ?? 'Documents and links'}
        </Title>
        {mine.length === 0 ? (
          <Text size="sm" c="gray.8">
            No documents or links for {indicator}.
          </Text>
        ) : (
          <List listStyleType="none" spacing="xs" aria-label={`Evidence for ${indicator}`}>
            {mine.map((item) => (
              <List.Item key={item.id}>
                <Group gap="xs" wrap="wrap">
                  {item.kind === 'link' && item.url?.startsWith('http') ? (
                    <Anchor href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                      {item.label}
                    </Anchor>
                  ) : (
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {item.label}
                    </Text>
                  )}
                  {!item.erasedAt && (
                    <Text size="sm" c="gray.8">
                      ({describe(item)})
                    </Text>
                  )}
                  {item.erasedAt && (
                    <Text size="sm" c="gray.9" w="100%">
                      Erased on {utcDate(item.erasedAt)} with the applicant’s personal data: its content and name are gone; its type, size
                      and SHA-256 stay in the record.
                    </Text>
                  )}
                  {showHash && item.sha256 && (
                    <Text size="sm" c="gray.9" w="100%" style={{ overflowWrap: 'anywhere' }}>
                      SHA-256 <Code>{item.sha256}</Code>
                    </Text>
                  )}
                  {item.kind === 'document' && item.href && item.inline && (
                    <Button size="compact-sm" variant="light" onClick={() => void open(item)} aria-label={`Preview ${item.label}`}>
                      Preview
                    </Button>
                  )}
                  {item.kind === 'document' && item.href && (
                    <Button size="compact-sm" variant="default" onClick={() => void save(item)} aria-label={`Download ${item.label}`}>
                      Download
                    </Button>
                  )}
                  {editable && !item.submittedAt && item.kind === 'document' && (
                    <FileButton onChange={(f) => uploadFile(f, item.id)} accept={policy?.types.map((t) => t.mediaType).join(',')}>
                      {(props) => (
                        <Button size="compact-sm" variant="default" {...props} aria-label={`Replace ${item.label}`}>
                          Replace
                        </Button>
                      )}
                    </FileButton>
                  )}
                  {editable && !item.submittedAt && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red.8"
                      onClick={() => remove.mutate(item.id, { onError: (e) => setError(problemText(e)) })}
                      aria-label={`Remove ${item.label}`}
                    >
                      Remove
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {error && (
          <Alert color="red" title="That did not work" role="alert">
            {error}
          </Alert>
        )}
        {editable && (
          <Stack gap="xs">
            <Text size="sm" c="gray.9">
              Add up to {policy?.maxItemsPerIndicator ?? 20} documents or links ({editableItems.length} so far):{' '}
              {policy?.types.map((t) => t.label).join(', ')}; at most {sizeInWords(policy?.maxFileBytes ?? 0)} a file and{' '}
              {sizeInWords(policy?.maxApplicationBytes ?? 0)} in all ({sizeInWords(policy?.usedBytes ?? 0)} used).
            </Text>
            <Text size="sm" c="gray.9">
              {policy?.blindReview
                ? 'This cycle is reviewed blind: reviewers see your documents as you upload them, contents included, but not their file names. Remove your name and your school’s name from the documents if you do not want reviewers to see them.'
                : 'Reviewers, the board, staff and auditors see your documents as you upload them, with their file names.'}
            </Text>
            <Group>
              <FileButton onChange={(f) => uploadFile(f)} accept={policy?.types.map((t) => t.mediaType).join(',')}>
                {(props) => (
                  <Button variant="light" loading={send.isPending} {...props}>
                    Upload a document
                  </Button>
                )}
              </FileButton>
            </Group>
            <Group align="end" wrap="wrap">
              <TextInput
                label="Link"
                placeholder="https://"
                value={link.url}
                onChange={(e) => setLink({ ...link, url: e.currentTarget.value })}
                style={{ flex: '1 1 14rem' }}
              />
              <TextInput
                label="Title (optional)"
                value={link.title}
                onChange={(e) => setLink({ ...link, title: e.currentTarget.value })}
                style={{ flex: '1 1 10rem' }}
              />
              <Button
                variant="default"
                disabled={!link.url.trim()}
                onClick={() =>
                  addLink.mutate(link, { onSuccess: () => setLink({ url: '', title: '' }), onError: (e) => setError(problemText(e)) })
                }
              >
                Add link
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.item.label} size="xl">
        {preview && preview.item.mediaType === 'application/pdf' ? (
          <iframe src={preview.url} title={preview.item.label} style={{ width: '100%', height: '70vh', border: 0 }} />
        ) : (
          preview && <img src={preview.url} alt={preview.item.label} style={{ maxWidth: '100%' }} />
        )}
      </Modal>
    </Card>
  );
}

/**
 * Every indicator's evidence of one application, read-only, in the rubric's order: for staff and auditors, with each
 * document's SHA-256. Names are whatever the api lets the reader see; documents erased with their applicant say when.
 */
export function EvidenceByIndicator({ applicationId }: { applicationId: string }) {
  const evidence = useEvidence(applicationId);
  const rubric = useRubric();
  const order = rubric.data ? indicatorsOf(rubric.data) : [];
  const given = [...new Set((evidence.data ?? []).map((i) => i.indicator))].sort(
    (a, b) => order.findIndex((i) => i.code === a) - order.findIndex((i) => i.code === b),
  );
  const erasedAt = evidence.data?.find((i) => i.erasedAt)?.erasedAt;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="evidence-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="evidence-heading">
          Evidence documents
        </Title>
        {evidence.isPending ? (
          <Loading what="Loading the evidence" />
        ) : evidence.error ? (
          <ProblemAlert error={evidence.error} title="The evidence cannot be listed" />
        ) : given.length === 0 ? (
          <Text c="gray.9">No documents or links were given as evidence.</Text>
        ) : (
          <>
            {erasedAt && (
              <Alert color="gray" variant="light" title="Documents erased">
                <Text c="gray.9">
                  The applicant’s documents and links were erased on {utcDate(erasedAt)} with their personal data. What the log recorded of
                  each (indicator, type, size and SHA-256) stays; the record of reasons reads as before.
                </Text>
              </Alert>
            )}
            {given.map((code) => {
              const title = order.find((i) => i.code === code)?.title;
              return (
                <EvidenceDocuments
                  key={code}
                  applicationId={applicationId}
                  indicator={code}
                  items={evidence.data}
                  heading={title ? `${code}: ${title}` : code}
                  showHash
                />
              );
            })}
          </>
        )}
      </Stack>
    </Card>
  );
}
