import { Anchor, List, Text } from '@mantine/core';
import { Page } from '../../components/Page';

/** Operators run the service; their tools are the service's own pages. */
export function OperatorPage() {
  return (
    <Page title="Operations">
      <Text>The service's own pages:</Text>
      <List>
        <List.Item>
          <Anchor href="/health">Health</Anchor>: the event store and how far the read models have caught up.
        </List.Item>
        <List.Item>
          <Anchor href="/docs">API documentation</Anchor> (Swagger).
        </List.Item>
        <List.Item>
          Queue dashboard at /admin/queues (when the queues run on Redis; it needs your session token as a bearer header).
        </List.Item>
      </List>
    </Page>
  );
}
