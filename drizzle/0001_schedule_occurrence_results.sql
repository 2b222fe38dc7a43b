ALTER TABLE "schedule_occurrences" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schedule_occurrences" ADD COLUMN "error" text;