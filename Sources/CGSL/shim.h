// Shim over the GNU Scientific Library for Swift 6.
//
// This module provides no stable Swift API: only SimRandom (random streams) and Fitting
// (input modelling, calibration) import it, each through one file of calls.
#ifndef ONESTOP_CGSL_SHIM_H
#define ONESTOP_CGSL_SHIM_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>

// GSL declares its generator types as mutable globals, which Swift 6 rejects as shared
// mutable state. These accessors read them from C.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_multimin_fminimizer_type *cgsl_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }

// The state of GSL's mt19937 (rng/mt.c). GSL's own gsl_rng_set seeds it from 32 bits
// only; cgsl_mt19937_load fills all 624 words, so streams derived from 64-bit keys do
// not collide. Returns 0 on success, -1 when the generator is not mt19937.
#define CGSL_MT_N 624
typedef struct {
  unsigned long mt[CGSL_MT_N];
  int mti;
} cgsl_mt_state_t;

static inline int cgsl_mt19937_load(gsl_rng *r, const uint32_t *words) {
  if (r->type != gsl_rng_mt19937 || gsl_rng_size(r) != sizeof(cgsl_mt_state_t)) {
    return -1;
  }
  cgsl_mt_state_t *state = (cgsl_mt_state_t *)gsl_rng_state(r);
  for (int i = 0; i < CGSL_MT_N; i++) {
    state->mt[i] = (unsigned long)words[i];
  }
  state->mt[0] |= 0x80000000UL;  // as MT's init_by_array: the state is never all zero
  state->mti = CGSL_MT_N;        // regenerate on the first draw
  return 0;
}

// A new mt19937 generator holding `words` (as cgsl_mt19937_load), without the seeding
// gsl_rng_alloc does: that runs MT's 624-step initialisation (about 11,000 instructions)
// only for the load to overwrite it, and a replication creates dozens of streams. Free
// it with cgsl_mt19937_free. NULL when out of memory or when GSL's mt19937 state is not
// the layout above.
static inline gsl_rng *cgsl_mt19937_alloc_loaded(const uint32_t *words) {
  if (gsl_rng_mt19937->size != sizeof(cgsl_mt_state_t)) {
    return NULL;
  }
  gsl_rng *r = (gsl_rng *)malloc(sizeof(gsl_rng));
  if (r == NULL) {
    return NULL;
  }
  r->type = gsl_rng_mt19937;
  r->state = malloc(sizeof(cgsl_mt_state_t));
  if (r->state == NULL || cgsl_mt19937_load(r, words) != 0) {
    free(r->state);
    free(r);
    return NULL;
  }
  return r;
}

// Frees a generator made by cgsl_mt19937_alloc_loaded.
static inline void cgsl_mt19937_free(gsl_rng *r) {
  if (r != NULL) {
    free(r->state);
    free(r);
  }
}

// Asks the cache for the line holding the next word of an mt19937 state, ahead of a draw
// (a hint: no effect on the numbers). Reading `mti` here may itself miss the cache,
// which is the point: the two misses then overlap with whatever the caller does next.
static inline void cgsl_mt_prefetch(const cgsl_mt_state_t *state) {
  int next = state->mti;
  __builtin_prefetch(&state->mt[next < CGSL_MT_N ? next : 0]);
}

#endif
