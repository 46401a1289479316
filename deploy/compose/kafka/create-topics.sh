#!/usr/bin/env bash
# Creates Bridgeway's topics on the compose broker, once, before the services start. The same
# names, partitions and settings as local-stack's Topics.java (a test keeps the two equal);
# one broker, so replication factor 1. Safe to run again: existing topics are left alone.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"

create() { # create <topic> <partitions> <config>...
  local topic=$1 partitions=$2
  shift 2
  local configs=()
  for config in "$@"; do configs+=(--config "$config"); done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "${configs[@]}"
}

# The directory's current state, one record per key: compacted.
create directory.services.v1 3 cleanup.policy=compact
create directory.organisations.v1 3 cleanup.policy=compact
# Referral events are kept for ever, so projections can be rebuilt by replaying them.
create referral.events.v1 6 retention.ms=-1
create referral.responsiveness.v1 3 cleanup.policy=compact
# In-app notices to every notification-service instance's live streams: a live signal, kept an hour.
create notification.inapp.v1 3 retention.ms=3600000
# Dead letters: one topic per consuming service and source topic, kept.
create directory.services.v1.referral-service.dlt 1 retention.ms=-1
create referral.events.v1.notification-service.dlt 1 retention.ms=-1
create directory.services.v1.notification-service.dlt 1 retention.ms=-1
create directory.organisations.v1.notification-service.dlt 1 retention.ms=-1
create notification.deliveries.dlt 1 retention.ms=-1

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --list
