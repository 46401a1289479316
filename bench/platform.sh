#!/usr/bin/env bash
# The platform for load tests: ./bridgeway run with the gateway's rate limits out of the way, since
# a simulation is a few people asking far faster than anyone would (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export BRIDGEWAY_RATE_LIMIT_PERSON_BURST=1000000 BRIDGEWAY_RATE_LIMIT_PERSON_PER_SECOND=1000000
export BRIDGEWAY_RATE_LIMIT_CLIENT_BURST=1000000 BRIDGEWAY_RATE_LIMIT_CLIENT_PER_SECOND=1000000
export BRIDGEWAY_RATE_LIMIT_ADDRESS_BURST=1000000 BRIDGEWAY_RATE_LIMIT_ADDRESS_PER_SECOND=1000000
exec ./bridgeway run "$@"
