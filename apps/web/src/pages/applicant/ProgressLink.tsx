import { Link } from 'react-router';
import { Alert, Anchor, Text } from '@mantine/core';
import type { ApplicantApplicationView } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';

const WORDS = { active: 'active', suspended: 'suspended until the yearly update arrives', expired: 'expired', renewed: 'renewed' } as const;

/** On a designated program's page: its standing, the next yearly update, and the way to the progress page. */
export function ProgressLink({ app }: { app: ApplicantApplicationView }) {
  if (!app.designationStatus) return null;
  const open = app.designationStatus === 'active' || app.designationStatus === 'suspended';
  return (
    <Alert
      color={app.designationStatus === 'suspended' ? 'orange' : 'green'}
      variant="light"
      title="Yearly progress"
      component="section"
      role="region"
      aria-label="Yearly progress"
    >
      <Text c="gray.9">The designation is {WORDS[app.designationStatus]}.</Text>
      {open && app.progressDueAt && <DueBadge dueAt={app.progressDueAt} label="Yearly update" />}
      <Anchor component={Link} c="blue.9" underline="always" to={`/applications/${app.id}/progress`}>
        See the change per indicator{open ? ', send the yearly update or renew' : ''}
      </Anchor>
    </Alert>
  );
}
