import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The floor the search benchmark compares against: a Hono route on node-server that does nothing. */
const app = new Hono();
app.get('/bare', (c) => c.json({ items: [], total: 0 }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
