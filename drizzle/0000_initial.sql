-- Hand edit: interactions, decision_runs and decision_traces are partitioned by day on
-- occurred_at; the app creates the day partitions and a default partition at run time.
CREATE TABLE "api_keys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" text,
	CONSTRAINT "api_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "audit_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"conversion_outcome_keys" jsonb DEFAULT '["conversion"]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "categories_key_uq" UNIQUE("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"delivery_mode" text DEFAULT 'api' NOT NULL,
	"impression_mode" text DEFAULT 'explicit' NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "channels_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"category_key" text,
	"sub_category" text,
	"priority" integer DEFAULT 50 NOT NULL,
	"business_value" numeric(18, 2),
	"revenue_value" numeric(18, 2),
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "offers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "outcome_types" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"classification" text NOT NULL,
	"category" text NOT NULL,
	"system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "outcome_types_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "schemas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"entity_type" text NOT NULL,
	"fields" jsonb NOT NULL,
	"primary_key_field" text NOT NULL,
	"table_name" text NOT NULL,
	"last_loaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "schemas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "decision_run_rollups" (
	"tenant_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"flow_key" text NOT NULL,
	"channel_key" text NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"latency_sum_ms" double precision DEFAULT 0 NOT NULL,
	"latency_max_ms" double precision DEFAULT 0 NOT NULL,
	"histogram" integer[] NOT NULL,
	CONSTRAINT "decision_run_rollups_tenant_id_hour_flow_key_channel_key_pk" PRIMARY KEY("tenant_id","hour","flow_key","channel_key")
);
--> statement-breakpoint
CREATE TABLE "decision_runs" (
	"tenant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"flow_key" text NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"latency_ms" double precision NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "decision_runs_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id")

) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "decision_traces" (
	"tenant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"flow_key" text NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"total_latency_ms" double precision NOT NULL,
	"initial_count" integer NOT NULL,
	"after_qualification" integer NOT NULL,
	"after_suppression" integer NOT NULL,
	"after_contact_policy" integer NOT NULL,
	"after_scoring" integer NOT NULL,
	"final_count" integer NOT NULL,
	"stage_results" jsonb NOT NULL,
	"scoring_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"selected_offers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"experiment" jsonb,
	"degraded_scoring" boolean DEFAULT false NOT NULL,
	"offer_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"removal_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "decision_traces_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id")

) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "trace_removal_rollups" (
	"tenant_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"stage" text NOT NULL,
	"rule_id" text NOT NULL,
	"offer_key" text NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "trace_removal_rollups_tenant_id_hour_stage_rule_id_offer_key_pk" PRIMARY KEY("tenant_id","hour","stage","rule_id","offer_key")
);
--> statement-breakpoint
CREATE TABLE "annotations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "annotations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "circuit_breaker_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text,
	"source" text DEFAULT 'platform' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "circuit_breaker_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dead_letter_depth_samples" (
	"tenant_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "dead_letter_depth_samples_tenant_id_topic_sampled_at_pk" PRIMARY KEY("tenant_id","topic","sampled_at")
);
--> statement-breakpoint
CREATE TABLE "dead_letter_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"error" text NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"failed_at" timestamp with time zone NOT NULL,
	"last_retried_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "dead_letter_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"schedule_id" uuid,
	"trigger" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"artifacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deliveries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "report_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"cron" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"destinations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_scheduled_for" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "report_schedules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"dashboard" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"formats" jsonb NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "report_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "schedule_occurrences" (
	"tenant_id" uuid NOT NULL,
	"schedule_kind" text NOT NULL,
	"schedule_id" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"claimed_by" text NOT NULL,
	"trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "schedule_occurrences_tenant_id_schedule_kind_schedule_id_scheduled_for_pk" PRIMARY KEY("tenant_id","schedule_kind","schedule_id","scheduled_for")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"base_schema_id" uuid NOT NULL,
	"conditions" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"materialized" boolean DEFAULT false NOT NULL,
	"refreshing" boolean DEFAULT false NOT NULL,
	"customer_count" integer,
	"last_refreshed_at" timestamp with time zone,
	"last_error" text,
	"refresh_cron" text,
	"refresh_time_zone" text DEFAULT 'UTC' NOT NULL,
	"next_refresh_at" timestamp with time zone,
	"last_scheduled_for" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "segments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_kind_key_pk" PRIMARY KEY("tenant_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "interaction_rollups" (
	"tenant_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"offer_key" text NOT NULL,
	"channel_key" text NOT NULL,
	"recommendations" integer DEFAULT 0 NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"conversion_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "interaction_rollups_tenant_id_hour_offer_key_channel_key_pk" PRIMARY KEY("tenant_id","hour","offer_key","channel_key")
);
--> statement-breakpoint
CREATE TABLE "interaction_summaries" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"customer_id" text NOT NULL,
	"offer_key" text NOT NULL,
	"channel_key" text NOT NULL,
	"recommendations" integer DEFAULT 0 NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	"neutral" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"conversion_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "interaction_summaries_tenant_id_day_customer_id_offer_key_channel_key_pk" PRIMARY KEY("tenant_id","day","customer_id","offer_key","channel_key")
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"tenant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"customer_id" text NOT NULL,
	"offer_key" text NOT NULL,
	"channel_key" text NOT NULL,
	"creative_key" text,
	"outcome_key" text,
	"direction" text DEFAULT 'outbound' NOT NULL,
	"conversion_value" numeric(18, 2),
	"recommendation_id" text,
	"rank" integer,
	"model_key" text,
	"score" double precision,
	"context" jsonb,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "interactions_tenant_id_occurred_at_id_pk" PRIMARY KEY("tenant_id","occurred_at","id")

) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "outcome_outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "outcome_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_category_fk" FOREIGN KEY ("tenant_id","category_key") REFERENCES "public"."categories"("tenant_id","key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_template_fk" FOREIGN KEY ("tenant_id","template_id") REFERENCES "public"."report_templates"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_uq" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_key_uq" ON "tenants" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_key_uq" ON "channels" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_key_uq" ON "offers" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_types_key_uq" ON "outcome_types" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "schemas_key_uq" ON "schemas" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "decision_traces_request_idx" ON "decision_traces" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE INDEX "decision_traces_customer_idx" ON "decision_traces" USING btree ("tenant_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "decision_traces_removal_idx" ON "decision_traces" USING gin ("removal_tags");--> statement-breakpoint
CREATE INDEX "decision_traces_offer_idx" ON "decision_traces" USING gin ("offer_keys");--> statement-breakpoint
CREATE INDEX "annotations_time_idx" ON "annotations" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "circuit_breaker_events_name_idx" ON "circuit_breaker_events" USING btree ("tenant_id","name","occurred_at");--> statement-breakpoint
CREATE INDEX "dead_letter_events_topic_idx" ON "dead_letter_events" USING btree ("tenant_id","topic","failed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_runs_occurrence_uq" ON "report_runs" USING btree ("tenant_id","schedule_id","scheduled_for") WHERE schedule_id is not null and scheduled_for is not null;--> statement-breakpoint
CREATE INDEX "report_runs_template_idx" ON "report_runs" USING btree ("tenant_id","template_id","created_at");--> statement-breakpoint
CREATE INDEX "report_schedules_due_idx" ON "report_schedules" USING btree ("next_run_at") WHERE enabled;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_key_uq" ON "segments" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "interaction_summaries_customer_idx" ON "interaction_summaries" USING btree ("tenant_id","customer_id","day");--> statement-breakpoint
CREATE INDEX "interactions_customer_idx" ON "interactions" USING btree ("tenant_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_offer_idx" ON "interactions" USING btree ("tenant_id","offer_key","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_recommendation_idx" ON "interactions" USING btree ("tenant_id","recommendation_id") WHERE recommendation_id is not null;--> statement-breakpoint
CREATE INDEX "outcome_outbox_due_idx" ON "outcome_outbox" USING btree ("status","available_at") WHERE status = 'pending';