import { Alert, List, Text } from '@mantine/core';
import { ApiProblem, problemText } from '../api/problem';

/** An error in plain words (never a raw error), with the API's own detail where it helps. */
export function ProblemAlert({ error, title = 'That did not work' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const detailLines = error instanceof ApiProblem ? listDetails(error) : [];
  return (
    <Alert color="red" variant="light" title={title} role="alert" styles={{ title: { color: 'var(--mantine-color-red-9)' } }}>
      <Text c="gray.9">{problemText(error)}</Text>
      {detailLines.length > 0 && (
        <List size="sm" mt="xs" c="gray.9">
          {detailLines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Lists the domain's details that name what is missing (e.g. indicators without evidence). */
function listDetails(problem: ApiProblem): string[] {
  const lines: string[] = [];
  const named = (key: string, label: string) => {
    const value = problem.body[key];
    if (Array.isArray(value) && value.length > 0) lines.push(`${label}: ${value.join(', ')}`);
  };
  named('missing', 'Not rated yet');
  named('withoutEvidence', 'Without evidence');
  named('withoutComment', 'Without a comment');
  return lines;
}
