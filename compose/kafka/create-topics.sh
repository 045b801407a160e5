#!/bin/bash
# The topic initialiser of docker-compose.yml: creates every department's topic and its dead-letter
# topic, idempotently, before the services start. Records are kept forever (retention.ms=-1,
# retention.bytes=-1): the topics are the log every read model is rebuilt from.
#
# Partitions (PARTITIONS, 3 by default): a department's events are keyed by lead, so one lead's
# events stay in order on one partition; the partition count caps how many instances of one
# consumer group (the projector, say) share the work. Kubernetes' KafkaTopics use 3 (dev) and
# 12 (prod); a count can be raised later, never lowered, and raising it moves keys.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
PARTITIONS="${PARTITIONS:-3}"
TOPICS=(
  themodel.lead.v1 themodel.lead.v1.dlq
  themodel.is.v1 themodel.is.v1.dlq
  themodel.deal.v1 themodel.deal.v1.dlq
  themodel.success.v1 themodel.success.v1.dlq
)

for topic in "${TOPICS[@]}"; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1 \
    --config retention.ms=-1 --config retention.bytes=-1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --describe --topic 'themodel\..*'
echo "topics ready"
