import type { ReactNode } from 'react';
import { Paper, Table, Text } from '@mantine/core';

/** A heading cell: its text, or the text with a fixed width; `false` leaves the column out (e.g. actions for readers). */
export type TableCardColumn = string | false | { label: string; w: number };

/**
 * A list as a table in a bordered card: the header row from `columns`, one `renderRow` per item (it returns
 * the `Table.Tr` with its key), `label` as the table's accessible name. With `empty` set, no items show that
 * dimmed text instead of the table.
 */
export function TableCard<T>({
  label,
  columns,
  rows,
  renderRow,
  minWidth,
  empty,
}: {
  label: string;
  columns: TableCardColumn[];
  rows: readonly T[];
  renderRow: (row: T, index: number) => ReactNode;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  empty?: string;
}) {
  if (empty !== undefined && rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, i) =>
                column === false ? null : typeof column === 'string' ? (
                  <Table.Th key={i}>{column}</Table.Th>
                ) : (
                  <Table.Th key={i} w={column.w}>
                    {column.label}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows.map(renderRow)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
