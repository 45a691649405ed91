import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Step {
  key: string;
  title: string;
  body: string;
  done: boolean;
  to?: string;
  action?: string;
  later?: boolean;
}

export function NextSteps({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="md">
        {t('dashboard.nextSteps')}
      </Title>
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((step) => (
          <Group key={step.key} component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text fw={700} c={step.done ? 'dimmed' : undefined}>
                {step.title}
              </Text>
              <Text size="sm" c="dimmed">
                {step.body}
              </Text>
              {step.to && step.action && !step.done && (
                <Anchor component={Link} to={step.to} size="sm">
                  {step.action}
                </Anchor>
              )}
            </Stack>
            {step.later ? (
              <Badge color="gray" variant="outline" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t('dashboard.later')}
              </Badge>
            ) : step.done ? (
              <Badge color="teal" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t('dashboard.done')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
                {t('dashboard.todo')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
