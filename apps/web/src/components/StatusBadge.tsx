import { Badge } from '@mantine/core';
import type { ApplicationStatus } from '@cert/contracts';
import { STATUS_COLOR, STATUS_LABEL } from '../lib/labels';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" radius="sm">
      {STATUS_LABEL[status]}
    </Badge>
  );
}
