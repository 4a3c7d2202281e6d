/**
 * Preloaded (node -r) into a server profiled with --cpu-prof: exits normally on SIGTERM, before Nest's shutdown
 * hook re-raises the signal, so V8 writes the profile.
 */
process.prependListener('SIGTERM', () => process.exit(0));
