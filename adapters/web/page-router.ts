import express, { Router } from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * Everything the page loads comes from this folder; the policy says so to the browser too,
 * so a stray CDN link or injected script is refused rather than loaded.
 */
const pageSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** The web chat page at `GET /`: static files, no build step. */
export function createWebPageRouter(): Router {
  const router = Router();
  router.use(pageSecurityHeaders);
  router.use(express.static(PUBLIC_DIR, { index: 'index.html' }));
  return router;
}
