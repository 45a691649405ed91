import { useEffect, useState } from 'react';
import { Box, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type IndexItemState = 'done' | 'problem' | 'unsaved' | 'open' | 'skip';

export interface IndexSection {
  id: string;
  title: string;
  items: { id: string; label: string; name: string; state: IndexItemState }[];
}

export const sectionAnchor = (id: string) => `checklist-section-${id}`;

/** Below the app header (60 px) and, on a phone, the sticky bar that holds the index itself. */
const OFFSET = 160;

/** The section whose heading was last scrolled past the reading line; the first one while at the top. */
function useCurrentSection(ids: string[]): string | null {
  const [current, setCurrent] = useState<string | null>(ids[0] ?? null);
  const key = ids.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids are compared by their joined key, not by the array passed each render
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      // The reading line: below the sticky bars, and no lower than 40% down the screen (a jump centres its row).
      const line = Math.max(OFFSET, window.innerHeight * 0.4);
      let found = ids[0] ?? null;
      for (const id of ids) {
        const element = document.getElementById(sectionAnchor(id));
        if (element && element.getBoundingClientRect().top <= line) found = id;
      }
      setCurrent(found);
    };
    const onScroll = () => {
      if (!frame) frame = window.requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, [key]);
  return current;
}

const chipColors: Record<IndexItemState, { bg: string; fg: string; border: string }> = {
  done: { bg: 'var(--mantine-color-teal-1)', fg: 'var(--mantine-color-teal-9)', border: 'var(--mantine-color-teal-3)' },
  problem: { bg: 'var(--mantine-color-red-0)', fg: 'var(--mantine-color-red-8)', border: 'var(--mantine-color-red-3)' },
  unsaved: { bg: 'white', fg: 'var(--mantine-color-teal-9)', border: 'var(--mantine-color-teal-6)' },
  open: { bg: 'white', fg: 'var(--mantine-color-gray-7)', border: 'var(--mantine-color-gray-4)' },
  skip: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-5)', border: 'var(--mantine-color-gray-2)' },
};

function scrollToSection(id: string) {
  const element = document.getElementById(sectionAnchor(id));
  if (!element) return;
  window.scrollTo({ top: window.scrollY + element.getBoundingClientRect().top - OFFSET + 20, behavior: 'smooth' });
}

/**
 * The form's sections as an index that follows the scroll: on a wide screen a panel with every item as a
 * chip (answered, needs attention, unsaved, open), on a phone one row of section buttons in the sticky bar.
 */
export function SectionIndex({ sections, compact, onJump }: { sections: IndexSection[]; compact: boolean; onJump: (itemId: string) => void }) {
  const { t } = useTranslation();
  const current = useCurrentSection(sections.map((s) => s.id));

  if (compact) {
    return (
      <Box component="nav" aria-label={t('checklist.index.label')}>
        <ScrollArea type="never" offsetScrollbars={false}>
          <Group gap={6} wrap="nowrap">
            {sections.map((s) => {
              const active = s.id === current;
              const problems = s.items.filter((i) => i.state === 'problem').length;
              return (
                <UnstyledButton
                  key={s.id}
                  onClick={() => scrollToSection(s.id)}
                  aria-current={active ? 'true' : undefined}
                  aria-label={t('checklist.index.sectionLabel', { title: s.title, count: problems })}
                  px={10}
                  py={4}
                  style={{
                    borderRadius: 16,
                    whiteSpace: 'nowrap',
                    fontSize: 13,
                    border: `1px solid ${active ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-3)'}`,
                    background: active ? 'var(--mantine-color-teal-6)' : 'white',
                    color: active ? 'white' : 'var(--mantine-color-gray-8)',
                  }}
                >
                  {s.title}
                  {problems > 0 && (
                    <Text span size="xs" fw={700} ml={4} c={active ? 'white' : 'red.7'}>
                      {problems}
                    </Text>
                  )}
                </UnstyledButton>
              );
            })}
          </Group>
        </ScrollArea>
      </Box>
    );
  }

  return (
    <Paper withBorder radius="md" p="sm" component="nav" aria-label={t('checklist.index.label')}>
      <Text size="sm" fw={700} mb={6}>
        {t('checklist.index.title')}
      </Text>
      <Stack gap={6}>
        {sections.map((s) => {
          const active = s.id === current;
          return (
            <Box key={s.id} pl={6} style={{ borderLeft: `3px solid ${active ? 'var(--mantine-color-teal-6)' : 'transparent'}` }}>
              <UnstyledButton onClick={() => scrollToSection(s.id)} aria-current={active ? 'true' : undefined} w="100%">
                <Text size="sm" fw={active ? 700 : 500} c={active ? 'teal.8' : undefined} lineClamp={1}>
                  {s.title}
                </Text>
              </UnstyledButton>
              {s.id !== 'gate' && (
                <Group gap={4} mt={4}>
                  {s.items.map((item) => {
                    const colors = chipColors[item.state];
                    const label = `${item.name}: ${t(`checklist.index.states.${item.state}`)}`;
                    return (
                      // A native title, not a Tooltip per chip: the index re-renders with every saved answer.
                      <UnstyledButton
                        key={item.id}
                        onClick={() => onJump(item.id)}
                        aria-label={label}
                        title={label}
                        style={{
                          minWidth: 26,
                          height: 24,
                          padding: '0 4px',
                          borderRadius: 6,
                          fontSize: 12,
                          textAlign: 'center',
                          background: colors.bg,
                          color: colors.fg,
                          border: `1px ${item.state === 'unsaved' ? 'dashed' : 'solid'} ${colors.border}`,
                        }}
                      >
                        {item.label}
                      </UnstyledButton>
                    );
                  })}
                </Group>
              )}
            </Box>
          );
        })}
      </Stack>
      <Group gap={10} mt={8}>
        {(['done', 'problem', 'unsaved', 'open'] as const).map((state) => (
          <Group key={state} gap={4} wrap="nowrap">
            <Box
              w={10}
              h={10}
              style={{
                borderRadius: 3,
                background: chipColors[state].bg,
                border: `1px ${state === 'unsaved' ? 'dashed' : 'solid'} ${chipColors[state].border}`,
              }}
            />
            <Text size="xs" c="dimmed">
              {t(`checklist.index.states.${state}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
