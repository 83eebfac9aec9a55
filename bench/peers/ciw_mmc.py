#!/usr/bin/env python3
"""M/M/c FIFO queue in Ciw, the same model as bench/yardstick/mmc.c.

Usage: ciw_mmc.py SERVERS LAMBDA MU ARRIVALS SEED

Idiomatic Ciw: ciw.create_network with Exponential arrival and service
distributions and SERVERS servers (FIFO is Ciw's default discipline),
ciw.seed(SEED), ciw.Simulation, and
simulate_until_max_customers(ARRIVALS, method="Arrive"), which stops right
after the ARRIVALS-th customer has arrived.  Ciw draws all its variates from
the global `random` module, so there is a single stream, not one for arrivals
and one for services as in the C yardstick.

mean_wait is the mean `waiting_time` over Ciw's service records, i.e. over the
customers who completed service; the few (about SERVERS plus the queue length)
still in the system when the ARRIVALS-th customer arrives have no record.
events = arrivals + completed services, both read from Ciw's node counters.
Only the simulation is timed; imports, network building and reading the
records are not.
"""
import sys
import time

from mmc_common import emit, parse_args

import ciw


def main(argv):
    c, lam, mu, n, seed = parse_args(argv)

    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=lam)],
        service_distributions=[ciw.dists.Exponential(rate=mu)],
        number_of_servers=[c],
    )
    ciw.seed(seed)
    sim = ciw.Simulation(network)

    t0 = time.perf_counter()
    sim.simulate_until_max_customers(n, method="Arrive")
    wall = time.perf_counter() - t0

    arrivals = sim.nodes[0].number_of_individuals
    completed = sim.nodes[-1].number_of_individuals
    waits = [r.waiting_time for r in sim.get_all_records(only=["service"])]
    if arrivals != n or not waits:
        print(f"ciw_mmc: {arrivals} arrivals (wanted {n}), {len(waits)} records", file=sys.stderr)
        return 1

    emit(
        "ciw", c, lam, mu, n, arrivals + completed, wall, sum(waits) / len(waits),
        ciw_version=ciw.__version__,
        served=len(waits),
        note="events = arrivals + completed services from Ciw's node counters; "
             "mean_wait over completed customers only (those still in the system at the "
             "ARRIVALS-th arrival are not recorded); one global random stream",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
