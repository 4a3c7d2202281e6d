import { Link } from 'react-router';
import { Button, Text } from '@mantine/core';
import { Page } from '../../components/Page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Text>There is no page at this address. It may have moved, or the link may be incomplete.</Text>
      <Button component={Link} to="/" w="fit-content">
        Go to your home page
      </Button>
    </Page>
  );
}
