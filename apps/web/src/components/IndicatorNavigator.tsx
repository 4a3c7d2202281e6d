import { Button, Group, Progress, Select, Text } from '@mantine/core';
import type { Indicator } from '@cert/contracts';

/**
 * "Indicator 3 of 16", Previous / Next and "Jump to…" over the rubric's indicators, with how many are done.
 * `done(code)` marks finished indicators in the jump list.
 */
export function IndicatorNavigator({
  indicators,
  index,
  onGo,
  done,
  completeLabel,
}: {
  indicators: Indicator[];
  index: number;
  onGo: (index: number) => void;
  done: (code: string) => boolean;
  completeLabel: string;
}) {
  const finished = indicators.filter((i) => done(i.code)).length;
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
      <div style={{ minWidth: 220, flex: 1 }}>
        <Text fw={600} id="indicator-progress-label">
          {finished} of {indicators.length} indicators {completeLabel}
        </Text>
        <Progress
          value={(finished / indicators.length) * 100}
          aria-label={`${finished} of ${indicators.length} indicators ${completeLabel}`}
          mt={6}
          size="md"
        />
      </div>
      <Select
        label="Jump to indicator"
        w={320}
        value={String(index)}
        allowDeselect={false}
        onChange={(v) => v !== null && onGo(Number(v))}
        data={indicators.map((ind, i) => ({ value: String(i), label: `${i + 1}. ${ind.code}${done(ind.code) ? ' ✓' : ''}` }))}
      />
      <Group gap="xs">
        <Button variant="default" onClick={() => onGo(index - 1)} disabled={index === 0}>
          Previous
        </Button>
        <Button variant="default" onClick={() => onGo(index + 1)} disabled={index === indicators.length - 1}>
          Next indicator
        </Button>
      </Group>
    </Group>
  );
}
