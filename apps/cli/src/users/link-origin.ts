import type { AppConfig } from '@cert/config';

/**
 * The CLI builds links from the same setting as the service (PUBLIC_URL); without it both fall back to their own
 * HOST and PORT, and a CLI run without the service's environment would print a link to the wrong address. So it says
 * which address it assumed, on stderr, where a copied link does not pick it up.
 */
export function publicUrlNote(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PUBLIC_URL) return null;
  return `note: PUBLIC_URL is not set, so this link assumes the service answers at ${config.publicUrl}; run the CLI with the service's PUBLIC_URL (or its HOST and PORT) if it does not`;
}
