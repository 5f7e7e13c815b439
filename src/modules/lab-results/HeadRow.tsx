import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

/** A table's column headings; numeric columns are right-aligned. */
export function HeadRow({ columns }: { columns: readonly { label: string; numeric?: boolean }[] }) {
  return (
    <TableHead>
      <TableRow>
        {columns.map((c) => (
          <TableCell key={c.label} component="th" scope="col" {...(c.numeric ? { align: 'right' as const } : {})}>
            {c.label}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
