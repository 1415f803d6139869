import { createServer, type Server } from 'node:net';

/** Distinct ports the OS has just handed out and taken back: for servers a test starts later (child gateways, throwaway
 * clusters), so files running at the same time never pick the same one. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) {
    const srv = createServer();
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    servers.push(srv);
  }
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0];
}
