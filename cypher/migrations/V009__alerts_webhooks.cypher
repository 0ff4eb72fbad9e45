// Alert rules and alerts, webhooks and their delivery log. Alert.openKey (rule and target) exists
// only while an alert is open: its uniqueness is what lets one alert be open per rule and target
// when several instances evaluate at once. Every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT alert_rule_id IF NOT EXISTS FOR (n:AlertRule) REQUIRE n.id IS UNIQUE;
CREATE INDEX alert_rule_series IF NOT EXISTS FOR (n:AlertRule) ON (n.targetId, n.metric);
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_open_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.openKey IS UNIQUE;
CREATE INDEX alert_rule IF NOT EXISTS FOR (n:Alert) ON (n.ruleId);
CREATE INDEX alert_target IF NOT EXISTS FOR (n:Alert) ON (n.targetId);
CREATE INDEX alert_started_at IF NOT EXISTS FOR (n:Alert) ON (n.startedAt);
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_delivery_webhook IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.webhookId, n.createdAt);
