import type { ComponentChildren } from 'preact';

/** A column heading: its text, or its text with a class (for example one that aligns numbers). */
export type ColumnHeading = string | { text: string; class: string };

/**
 * A table of rows under one row of column headings (`th scope="col"`). The rows are the children:
 * each a `<tr>`, usually with its first cell a `th scope="row"`. `caption` is the table's own
 * `<caption>` element where it has one; wrap the table in a ScrollTable where it is wide.
 */
export function DataTable(props: {
  class?: string;
  caption?: ComponentChildren;
  columns: ColumnHeading[];
  children: ComponentChildren;
}) {
  return (
    <table class={props.class}>
      {props.caption}
      <thead>
        <tr>
          {props.columns.map((column) =>
            typeof column === 'string' ? (
              <th scope="col">{column}</th>
            ) : (
              <th scope="col" class={column.class}>
                {column.text}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
