// Plain Express 5 with its defaults: one route, nothing else.
import express from 'express';

const app = express();
app.get('/', (_req, res) => {
  res.json({ message: 'Hello API' });
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
