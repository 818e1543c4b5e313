import { createApp } from './app.ts';
import { parseConfig } from './config.ts';

const config = parseConfig();
let loaded = false;
const app = createApp({ ready: () => loaded });
loaded = true;

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`SMEG assistant listening on http://localhost:${config.PORT}`);
});

process.on('SIGTERM', () => server.close());
