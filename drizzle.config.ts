import { defineConfig } from 'drizzle-kit';

// drizzle-kit only reads the schema files to write migrations; it needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/api/src/database/schema/index.ts',
  out: process.env.DRIZZLE_OUT ?? './drizzle',
});
