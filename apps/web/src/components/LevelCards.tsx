import { Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Indicator, Level } from '@cert/contracts';

const LEVELS: Level[] = [1, 2, 3, 4, 5];

/**
 * The five IC Map levels of one indicator as selectable cards with their descriptors, so a level is chosen by what
 * it says. Arrow keys move between levels; `marks` labels cards, e.g. the applicant's self-rating.
 */
export function LevelCards({
  indicator,
  levelNames,
  value,
  onChange,
  marks = {},
  error,
  disabled = false,
  label = 'Choose the level that describes your program today',
}: {
  indicator: Indicator;
  levelNames: Record<Level, string>;
  value: Level | null;
  onChange: (level: Level) => void;
  marks?: Partial<Record<Level, string>>;
  error?: string;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <Radio.Group
      name={`level-${indicator.code}`}
      value={value ? String(value) : null}
      onChange={(v) => !disabled && onChange(Number(v) as Level)}
      label={label}
      error={error}
      styles={{ label: { fontWeight: 600, marginBottom: 8 } }}
    >
      <SimpleGrid cols={{ base: 1, md: 1 }} spacing="sm">
        {LEVELS.map((level) => (
          <Radio.Card
            key={level}
            value={String(level)}
            className="level-card"
            p="md"
            radius="md"
            disabled={disabled}
            aria-disabled={disabled || undefined}
          >
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator aria-hidden />
              <Stack gap={4} style={{ flex: 1 }}>
                <Group gap="xs" justify="space-between">
                  <Text fw={700}>
                    Level {level} · {levelNames[level]}
                  </Text>
                  {marks[level] && (
                    <Badge color="grape" variant="outline" radius="sm">
                      {marks[level]}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="gray.9">
                  {indicator.levels[level]}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
