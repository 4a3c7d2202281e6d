import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Role } from '../api/session';
import { HOME, useSession } from '../session-context';

/** Signed-in people of these roles only; others are sent to sign in (and back) or told where their pages are. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(user.role)) {
    return (
      <Alert color="orange" variant="light" title="This page is for another role" role="alert">
        You are signed in as {user.email}.{' '}
        <Anchor component={Link} to={HOME[user.role]}>
          Go to your own pages
        </Anchor>
        .
      </Alert>
    );
  }
  return <>{children}</>;
}
