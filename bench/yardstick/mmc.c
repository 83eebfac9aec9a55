/*
 * mmc.c - M/M/c FIFO queue simulation, used as a speed yardstick for onestop.
 *
 *   c servers, Poisson arrivals (rate LAMBDA per minute), exponential service
 *   (rate MU per minute per server), first-in first-out, exactly ARRIVALS
 *   customers; the run ends when the last of them has left.
 *
 * Future event list: a plain array-based binary min-heap of events ordered by
 * (time, sequence number).  Random numbers: GSL's MT19937, one generator for
 * interarrival times (seeded SEED) and one for service times (seeded SEED+1).
 *
 * Usage:  mmc SERVERS LAMBDA MU ARRIVALS SEED
 * Prints one line of JSON on stdout.  Wall time covers the simulation loop
 * only (clock_gettime(CLOCK_MONOTONIC)); peak RSS comes from getrusage.
 *
 * Build:  gcc -O2 -o mmc mmc.c $(pkg-config --cflags --libs gsl)
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

enum { EV_ARRIVAL = 0, EV_DEPARTURE = 1 };

typedef struct {
    double time;
    uint64_t seq; /* tie-break: earlier-scheduled event first */
    int type;
} event_t;

/* ---- binary min-heap of events ---------------------------------------- */

typedef struct {
    event_t *a;
    size_t n, cap;
} heap_t;

static inline int ev_less(const event_t *x, const event_t *y) {
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

static void heap_push(heap_t *h, event_t e) {
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->a = realloc(h->a, h->cap * sizeof *h->a);
        if (!h->a) { perror("realloc"); exit(1); }
    }
    size_t i = h->n++;
    while (i > 0) { /* sift up */
        size_t p = (i - 1) / 2;
        if (!ev_less(&e, &h->a[p])) break;
        h->a[i] = h->a[p];
        i = p;
    }
    h->a[i] = e;
}

static event_t heap_pop(heap_t *h) {
    event_t top = h->a[0];
    event_t last = h->a[--h->n];
    size_t n = h->n, i = 0;
    for (;;) { /* sift down */
        size_t l = 2 * i + 1;
        if (l >= n) break;
        size_t m = (l + 1 < n && ev_less(&h->a[l + 1], &h->a[l])) ? l + 1 : l;
        if (!ev_less(&h->a[m], &last)) break;
        h->a[i] = h->a[m];
        i = m;
    }
    if (n > 0) h->a[i] = last;
    return top;
}

/* ---- FIFO of waiting customers' arrival times (growable ring buffer) -- */

typedef struct {
    double *a;
    size_t head, n, cap; /* cap is a power of two */
} fifo_t;

static void fifo_push(fifo_t *q, double t) {
    if (q->n == q->cap) {
        size_t ncap = q->cap ? 2 * q->cap : 1024;
        double *na = malloc(ncap * sizeof *na);
        if (!na) { perror("malloc"); exit(1); }
        for (size_t k = 0; k < q->n; k++) na[k] = q->a[(q->head + k) & (q->cap - 1)];
        free(q->a);
        q->a = na;
        q->head = 0;
        q->cap = ncap;
    }
    q->a[(q->head + q->n) & (q->cap - 1)] = t;
    q->n++;
}

static double fifo_pop(fifo_t *q) {
    double t = q->a[q->head];
    q->head = (q->head + 1) & (q->cap - 1);
    q->n--;
    return t;
}

/* ---- exact Erlang C mean wait in queue ---------------------------------- */

static double erlang_c_wait(long c, double lambda, double mu) {
    double a = lambda / mu; /* offered load in Erlangs */
    if (a >= (double)c) return NAN;
    double b = 1.0; /* Erlang B with 0 servers */
    for (long k = 1; k <= c; k++) b = a * b / ((double)k + a * b);
    double pc = (double)c * b / ((double)c - a * (1.0 - b)); /* Erlang C */
    return pc / ((double)c * mu - lambda);
}

/* ---- argument parsing --------------------------------------------------- */

static void usage(void) {
    fprintf(stderr, "usage: mmc SERVERS LAMBDA MU ARRIVALS SEED\n"
                    "  SERVERS  >= 1, LAMBDA > 0 and MU > 0 (per minute), ARRIVALS >= 1,\n"
                    "  SEED in 1..4294967294 (service stream uses SEED+1)\n");
    exit(2);
}

static long long parse_ll(const char *s, long long lo, long long hi) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *s == '\0' || *end != '\0' || v < lo || v > hi) usage();
    return v;
}

static double parse_pos(const char *s) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *s == '\0' || *end != '\0' || !(v > 0.0) || !isfinite(v)) usage();
    return v;
}

static void json_num(const char *key, double v, int last) {
    if (isfinite(v)) printf("\"%s\":%.10g%s", key, v, last ? "" : ",");
    else printf("\"%s\":null%s", key, last ? "" : ",");
}

int main(int argc, char **argv) {
    if (argc != 6) usage();
    long c = (long)parse_ll(argv[1], 1, 1000000);
    double lambda = parse_pos(argv[2]);
    double mu = parse_pos(argv[3]);
    long long n_arrivals = parse_ll(argv[4], 1, (long long)1 << 50);
    unsigned long seed = (unsigned long)parse_ll(argv[5], 1, 4294967294LL);

    gsl_rng *r_arr = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng *r_svc = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r_arr || !r_svc) { fprintf(stderr, "gsl_rng_alloc failed\n"); return 1; }
    gsl_rng_set(r_arr, seed);
    gsl_rng_set(r_svc, seed + 1);

    const double mean_iat = 1.0 / lambda; /* gsl_ran_exponential takes the MEAN */
    const double mean_svc = 1.0 / mu;

    heap_t fel = {0};
    fifo_t queue = {0};
    uint64_t seq = 0;
    long busy = 0;
    long long generated = 0, served = 0;
    uint64_t events = 0;
    double wait_sum = 0.0;

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    heap_push(&fel, (event_t){gsl_ran_exponential(r_arr, mean_iat), seq++, EV_ARRIVAL});
    generated = 1;

    while (fel.n > 0) {
        event_t ev = heap_pop(&fel);
        double now = ev.time;
        events++;
        if (ev.type == EV_ARRIVAL) {
            if (generated < n_arrivals) {
                heap_push(&fel, (event_t){now + gsl_ran_exponential(r_arr, mean_iat), seq++, EV_ARRIVAL});
                generated++;
            }
            if (busy < c) { /* a server is free: start at once, wait 0 */
                busy++;
                served++;
                heap_push(&fel, (event_t){now + gsl_ran_exponential(r_svc, mean_svc), seq++, EV_DEPARTURE});
            } else {
                fifo_push(&queue, now);
            }
        } else { /* departure: the freed server takes the head of the queue */
            if (queue.n > 0) {
                wait_sum += now - fifo_pop(&queue);
                served++;
                heap_push(&fel, (event_t){now + gsl_ran_exponential(r_svc, mean_svc), seq++, EV_DEPARTURE});
            } else {
                busy--;
            }
        }
    }

    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru); /* ru_maxrss is in KiB on Linux */

    printf("{\"tool\":\"c-yardstick\",\"servers\":%ld,", c);
    json_num("lambda", lambda, 0);
    json_num("mu", mu, 0);
    printf("\"arrivals\":%lld,\"events\":%llu,", n_arrivals, (unsigned long long)events);
    json_num("wall_seconds", wall, 0);
    json_num("events_per_second", wall > 0 ? (double)events / wall : NAN, 0);
    json_num("mean_wait", served ? wait_sum / (double)served : NAN, 0);
    json_num("erlang_c_wait", erlang_c_wait(c, lambda, mu), 0);
    printf("\"peak_rss_kib\":%ld}\n", ru.ru_maxrss);

    free(fel.a);
    free(queue.a);
    gsl_rng_free(r_arr);
    gsl_rng_free(r_svc);
    return 0;
}
