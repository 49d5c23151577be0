/**
 * A table of the UI: named for assistive technology (region label and caption), its header cells as column
 * headers, and scrolling sideways inside its own box on a narrow screen instead of widening the page.
 */
import type { HTMLAttributes, ReactNode } from 'react';

type DataTableProps = { label: string; columns: readonly ReactNode[]; children: ReactNode; tableClassName?: string } & Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

export function DataTable({ label, columns, children, tableClassName, ...rest }: DataTableProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0} {...rest}>
      <table className={tableClassName}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
