import { Socket, createConnection, createServer } from 'node:net';

/**
 * One address in front of several api processes, as a load balancer gives them: each new connection goes to the next
 * upstream in turn and its bytes are piped both ways. Started by replicas.ts from dist/ as its own process, so its CPU
 * is counted apart from the client's. Arguments: the port to listen on, then each upstream's port (on 127.0.0.1).
 */
const [listen, ...upstreams] = process.argv.slice(2).map(Number);
let next = 0;

const server = createServer((client: Socket) => {
  const port = upstreams[next++ % upstreams.length];
  const upstream = createConnection({ host: '127.0.0.1', port });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});

server.listen(listen, '127.0.0.1', () => process.send?.({ listening: listen }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
