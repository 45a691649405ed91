import { useMemo } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { layoutContactChart } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import type { ContactChartContent } from '../api';

// The printed chart's colours (server/src/contact-chart/chart-pdf.ts), so the screen and the wall agree.
const colors = {
  internal: { fill: '#e7f0fa', stroke: '#2f6aa8', title: '#1f4f82' },
  external: { fill: '#fdf3e3', stroke: '#b26a00', title: '#7a4800' },
  ministry: { fill: '#fdecec', stroke: '#c62828', title: '#b71c1c' },
} as const;
const edgeColor = '#495057';
// The layout estimates box sizes from these; the SVG draws the text with the same numbers.
const fontSize = 14;
const lineHeight = 20;
// No side frames: dagre routes arrows through cluster frames past other boxes (the PDF leaves them out too).
const layoutOptions = { fontSize, lineHeight, paddingX: 12, paddingY: 8, rankSep: 64, nodeSep: 40, margin: 24, groupBySide: false };
const fontFamily = '"Noto Sans JP", system-ui, sans-serif';

/**
 * The contact chart as the domain lays it out (the same layout as the printed A4): 院内 and 院外 boxes
 * in their colours, arrows for "who calls whom" with the order number on each. Nothing is placed by hand.
 */
export function ChartDiagram({ content, title }: { content: ContactChartContent; title: string }) {
  const { t } = useTranslation();
  const layout = useMemo(() => layoutContactChart(content, layoutOptions), [content]);
  const names = new Map(content.entries.map((e) => [e.key, e.name]));
  const phones = new Map(content.entries.map((e) => [e.key, e.phone.trim()]));
  const description = t('readiness.diagram.description', { entries: content.entries.length, edges: content.edges.length });

  if (content.entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('readiness.diagram.empty')}
      </Text>
    );
  }

  return (
    <Box>
      <Group gap="md" mb="xs" aria-hidden>
        <Legend color={colors.internal} label={t('readiness.contacts.internal')} />
        <Legend color={colors.external} label={t('readiness.diagram.legendExternal')} />
        <Legend color={colors.ministry} label={t('readiness.diagram.legendMinistry')} />
        <Text size="xs" c="dimmed">
          {t('readiness.diagram.legendOrder')}
        </Text>
      </Group>
      <Box style={{ overflowX: 'auto' }} bg="white" p="xs" bd="1px solid var(--mantine-color-gray-3)">
        <svg
          role="img"
          aria-label={title}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          style={{ maxWidth: '100%', height: 'auto', minWidth: Math.min(layout.width, 640), display: 'block', margin: '0 auto' }}
          fontFamily={fontFamily}
          data-testid="contact-chart-diagram"
        >
          <title>{title}</title>
          <desc>{description}</desc>
          <defs>
            <marker id="chart-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={edgeColor} />
            </marker>
          </defs>
          <g>
            {layout.edges.map((edge, i) => (
              <g key={`${edge.from}-${edge.to}-${i}`} data-from={edge.from} data-to={edge.to}>
                <title>
                  {t('readiness.diagram.edgeTitle', { from: names.get(edge.from) ?? edge.from, to: names.get(edge.to) ?? edge.to, order: edge.order })}
                </title>
                <polyline
                  points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  stroke={edgeColor}
                  strokeWidth={1.6}
                  markerEnd="url(#chart-arrow)"
                />
              </g>
            ))}
          </g>
          <g>
            {layout.nodes.map((node) => {
              const ministry = node.kind === 'ministry';
              const c = ministry ? colors.ministry : colors[node.side];
              const top = node.y + node.height / 2 - (node.lines.length * lineHeight) / 2;
              const phone = phones.get(node.key) ?? '';
              return (
                <g key={node.key} data-key={node.key} data-side={node.side}>
                  <rect
                    x={node.x}
                    y={node.y}
                    width={node.width}
                    height={node.height}
                    rx={8}
                    fill={c.fill}
                    stroke={c.stroke}
                    strokeWidth={ministry ? 2.6 : 1.6}
                  />
                  <text textAnchor="middle" fontSize={fontSize}>
                    {node.lines.map((line, j) => (
                      <tspan
                        key={j}
                        x={node.x + node.width / 2}
                        y={top + lineHeight * (j + 0.72)}
                        fontWeight={j === 0 || (j > 0 && line === phone) ? 700 : 400}
                        fill={j === 0 ? c.title : ministry && line === phone ? c.title : '#212529'}
                        fontSize={j === 0 ? fontSize : fontSize - 1}
                      >
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
          </g>
          <g>
            {layout.edges.map((edge, i) => (
              <g key={`label-${edge.from}-${edge.to}-${i}`} aria-hidden>
                <circle cx={edge.labelPosition.x} cy={edge.labelPosition.y} r={11} fill="#fff" stroke={edgeColor} strokeWidth={1.4} />
                <text x={edge.labelPosition.x} y={edge.labelPosition.y} dy="0.35em" textAnchor="middle" fontSize={13} fontWeight={700} fill="#212529">
                  {edge.order}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </Box>
    </Box>
  );
}

function Legend({ color, label }: { color: { fill: string; stroke: string }; label: string }) {
  return (
    <Group gap={6}>
      <Box w={16} h={12} style={{ background: color.fill, border: `1.6px solid ${color.stroke}`, borderRadius: 3 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
