export { createAdminConsoleRouter, type AdminConsoleDeps } from './console-router.ts';
