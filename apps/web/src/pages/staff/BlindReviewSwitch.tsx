import { useState } from 'react';
import { Card, Group, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { useWrite, write } from '../../api/queries';
import type { CycleSettingsView } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { shortDate } from '../../lib/dates';

/** Blind review for one cycle (the year in APP-2026-…): reviewers then see no leader, contact email or institution. */
export function BlindReviewSwitch({ cycle }: { cycle: string }) {
  const settings = useQuery<CycleSettingsView>({
    queryKey: [`/review-cycles/${cycle}`, {}],
    queryFn: () => get<CycleSettingsView>(`/review-cycles/${cycle}`),
  });
  const set = useWrite((blindReview: boolean) => write('PUT', `/review-cycles/${cycle}`, { blindReview }));
  // Shown as chosen at once; put back if the API refuses.
  const [chosen, setChosen] = useState<boolean | null>(null);
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" wrap="wrap">
        <Switch
          label={`Blind review for the ${cycle} cycle`}
          description="Reviewers see no leader name, email or institution."
          checked={chosen ?? settings.data?.blindReview ?? false}
          disabled={!settings.data}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setChosen(on);
            set.mutate(on, { onSettled: () => setChosen(null), onError: () => setChosen(null) });
          }}
        />
        {settings.data?.setAt && (
          <Text size="sm" c="gray.8">
            Last changed {shortDate(settings.data.setAt)}
            {settings.data.setByName ? ` by ${settings.data.setByName}` : ''}
          </Text>
        )}
      </Group>
      {(settings.error || set.error) && <ProblemAlert error={settings.error ?? set.error} />}
    </Card>
  );
}
