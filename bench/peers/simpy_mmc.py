#!/usr/bin/env python3
"""M/M/c FIFO queue in SimPy, the same model as bench/yardstick/mmc.c.

Usage: simpy_mmc.py SERVERS LAMBDA MU ARRIVALS SEED

Idiomatic SimPy: one simpy.Resource with SERVERS capacity, a source process
that creates ARRIVALS customer processes with exponential interarrival times,
and customer processes that request a server, wait, and hold it for an
exponential service time.  Random numbers come from Python's `random` (MT19937),
one random.Random for arrivals (seeded SEED) and one for services (SEED+1),
mirroring the C yardstick's two GSL streams (the streams themselves differ, so
individual runs are not sample-path identical to the C one).

The run ends when the last customer has left (env.run() with no `until`).
Only the simulation is timed; imports and setup are not.
"""
import random
import sys
import time

from mmc_common import emit, parse_args

import simpy


def main(argv):
    c, lam, mu, n, seed = parse_args(argv)

    arrival_draw = random.Random(seed).expovariate
    service_draw = random.Random(seed + 1).expovariate

    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=c)
    wait_sum = 0.0
    served = 0

    def customer(env, servers):
        nonlocal wait_sum, served
        arrived = env.now
        with servers.request() as req:
            yield req
            wait_sum += env.now - arrived
            served += 1
            yield env.timeout(service_draw(mu))

    def source(env, servers):
        for _ in range(n):
            yield env.timeout(arrival_draw(lam))
            env.process(customer(env, servers))

    env.process(source(env, servers))

    t0 = time.perf_counter()
    env.run()
    wall = time.perf_counter() - t0

    if served != n:
        print(f"simpy_mmc: only {served} of {n} customers were served", file=sys.stderr)
        return 1

    # SimPy does not count model events; arrivals + departures = 2 * ARRIVALS.
    # Its own scheduler count (every Timeout, Request, Release, Process start...)
    # is read from the environment's event-id counter for information.
    scheduled = next(env._eid)
    emit(
        "simpy", c, lam, mu, n, 2 * n, wall, wait_sum / served,
        simpy_version=simpy.__version__,
        simpy_scheduled_events=scheduled,
        note="events = 2 x arrivals (arrivals + departures; SimPy exposes no model-event count); "
             "simpy_scheduled_events = SimPy's internal scheduled-event count (env._eid)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
