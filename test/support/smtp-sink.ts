import { SMTPServer } from 'smtp-server';

/** A real SMTP server in this process that counts deliveries per Message-ID. */
export async function startSmtpSink() {
  const deliveries = new Map<string, number>();
  const messages: { to: string[]; raw: string }[] = [];
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? `no-id-${total}`;
        deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw });
        total += 1;
        done();
      });
    },
  });
  // A client killed mid-session (the crash tests do that on purpose) resets its connection; count it, don't crash.
  let resets = 0;
  server.on('error', () => (resets += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    /** The token of the last link mailed to this address (quoted-printable soft breaks and `=3D` undone). */
    lastToken: (to: string) => {
      const mail = messages.filter((m) => m.to.includes(to.toLowerCase())).at(-1);
      const text = mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=') ?? '';
      return /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
    },
    messagesTo: (to: string) => messages.filter((m) => m.to.includes(to.toLowerCase())).length,
    total: () => total,
    distinct: () => deliveries.size,
    resets: () => resets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
