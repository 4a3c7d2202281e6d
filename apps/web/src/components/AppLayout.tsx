import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Anchor, Badge, Box, Button, Container, Group, Text } from '@mantine/core';
import { useNotifications } from '../api/queries';
import type { Role } from '../api/session';
import { HOME, useSession } from '../session-context';
import { ROLE_LABEL } from '../lib/labels';

const NAV: Record<Role, { to: string; label: string }[]> = {
  applicant: [
    { to: '/home', label: 'My application' },
    { to: '/awards', label: 'Awards' },
  ],
  reviewer: [{ to: '/reviews', label: 'My assignments' }],
  staff: [
    { to: '/staff', label: 'Queue' },
    { to: '/staff/work', label: 'Work overview' },
    { to: '/staff/awards', label: 'Awards' },
    { to: '/staff/people', label: 'People' },
    { to: '/staff/erasures', label: 'Erasure' },
  ],
  board: [
    { to: '/board', label: 'Dashboard' },
    { to: '/board/decisions', label: 'Decision queue' },
    { to: '/board/awards', label: 'Awards' },
  ],
  auditor: [{ to: '/auditor', label: 'Applications' }],
  operator: [{ to: '/operator', label: 'Operations' }],
};

/** Header with the role's pages, notifications and sign-out; a skip link; focus moves to the page on navigation. */
export function AppLayout() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLDivElement>(null);
  const feed = useNotifications(!!user && user.role !== 'auditor');
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Box component="header" bg="blue.9" c="white" py="sm">
        <Container size="xl">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="xl" wrap="wrap">
              <Anchor component={Link} to={user ? HOME[user.role] : '/sign-in'} c="white" fw={800} fz="lg" underline="never">
                IASL certification
              </Anchor>
              {!user && (
                <Anchor component={NavLink} to="/directory" c="white" className="nav-link">
                  Who's who
                </Anchor>
              )}
              {user && (
                <Group component="nav" aria-label="Main" gap="lg">
                  {NAV[user.role].map((item) => (
                    <Anchor key={item.to} component={NavLink} to={item.to} end c="white" className="nav-link">
                      {item.label}
                    </Anchor>
                  ))}
                  <Anchor component={NavLink} to="/directory" c="white" className="nav-link">
                    Who's who
                  </Anchor>
                  {user.role !== 'auditor' && (
                    <Anchor component={NavLink} to="/notifications" c="white" className="nav-link">
                      Notifications
                      {feed.data && feed.data.unread > 0 && (
                        <Badge ml={6} color="yellow" variant="filled" size="sm" aria-label={`${feed.data.unread} unread`}>
                          {feed.data.unread}
                        </Badge>
                      )}
                    </Anchor>
                  )}
                </Group>
              )}
            </Group>
            {user && (
              <Group gap="sm">
                <Text size="sm" c="white">
                  {user.name || user.email} · {ROLE_LABEL[user.role]}
                </Text>
                <Button
                  size="xs"
                  variant="white"
                  color="blue.9"
                  onClick={async () => {
                    await signOut();
                    void navigate('/sign-in');
                  }}
                >
                  Sign out
                </Button>
              </Group>
            )}
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" ref={main} tabIndex={-1} size="xl" py="xl" style={{ outline: 'none' }}>
        <Outlet />
      </Container>
    </>
  );
}
