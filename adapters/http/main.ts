import { ConfigError } from './config.ts';
import { PortInUseError } from './listen.ts';
import { startServer } from './server.ts';

try {
  const running = await startServer();
  running.shutdown.installSignalHandlers();
  running.logger.info({ url: running.url }, `SMEG assistant listening on ${running.url}`);
} catch (error) {
  // Configuration, port and knowledge errors name the variable or file to fix; print them plainly and stop.
  console.error(error instanceof ConfigError || error instanceof PortInUseError ? error.message : error);
  process.exit(1);
}
