import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

/** A small label over its value: the facts at the top of a record's page or card. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
