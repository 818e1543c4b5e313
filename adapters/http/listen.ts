import { createServer, type RequestListener, type Server } from 'node:http';

/** Another process (or another copy of this server) already listens on the port. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    /** The environment variable that chose the port, so the message says what to change. */
    readonly variable: string,
    readonly port: number,
    readonly host: string,
  ) {
    super(`${variable} ${port} is already in use on ${host}: stop the process listening there, or set ${variable} to a free port.`);
  }
}

export interface ListenOptions {
  port: number;
  host: string;
  variable: string;
}

/**
 * Listens, or rejects with what went wrong. express's app.listen() calls its callback on errors too, which would
 * hand back a server that never listened.
 */
export function listenOn(handler: RequestListener, options: ListenOptions): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.variable, options.port, options.host) : error);
    };
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve(server);
    });
  });
}

/** Stops a server that needs no graceful drain (the metrics port): open connections are closed at once. */
export function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
