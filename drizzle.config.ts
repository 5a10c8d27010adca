import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads the schema and writes SQL migrations into drizzle/ (committed). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './drizzle',
});
