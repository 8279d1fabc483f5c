/*
 * The per-picture part of console.video.frames.FrameExchange, for libvlc to call directly.
 *
 * libvlc calls a player's lock and display callbacks for every picture, on its own threads.
 * Written in Python, each call has to win the interpreter lock from the GUI thread and every
 * other player; here the calls take only this exchange's own mutex. The logic is the Python
 * core's in frames.py (PyCore), line for line: three buffers, the writer never picks the
 * latest or a held one, and a picture identical to the latest (libvlc redrawing a stalled
 * stream) is not counted as new. Python allocates the buffers and owns their memory; this
 * code only keeps their addresses.
 *
 * Built by `make` (scripts/build_framecore.py); without it the Python core does the same.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#define TM_BUFFERS 3

typedef struct {
    pthread_mutex_t mutex;
    uintptr_t addresses[TM_BUFFERS];
    int count;             /* buffers configured (0 before the first configure) */
    size_t bytes;          /* bytes per picture, for the comparison */
    int latest;            /* index of the latest picture, -1 for none */
    int held[TM_BUFFERS];  /* readers holding each buffer */
    uint64_t generation;   /* bumped by configure: a hold from before does not release */
    uint64_t counter;      /* new pictures */
    double published_at;
    double redraw_gap_s;
    int check_every;
    int unchecked;
    int suspect;
} tm_exchange;

size_t tm_sizeof(void) { return sizeof(tm_exchange); }

void tm_init(tm_exchange *x, double redraw_gap_s, int check_every) {
    memset(x, 0, sizeof(*x));
    pthread_mutex_init(&x->mutex, NULL);
    x->latest = -1;
    x->suspect = 1;
    x->redraw_gap_s = redraw_gap_s;
    x->check_every = check_every;
}

void tm_destroy(tm_exchange *x) { pthread_mutex_destroy(&x->mutex); }

void tm_configure(tm_exchange *x, const uintptr_t *addresses, int count, size_t bytes) {
    pthread_mutex_lock(&x->mutex);
    if (count > TM_BUFFERS) count = TM_BUFFERS;
    for (int i = 0; i < count; i++) x->addresses[i] = addresses[i];
    x->count = count;
    x->bytes = bytes;
    x->latest = -1;
    memset(x->held, 0, sizeof(x->held));
    x->generation++;
    pthread_mutex_unlock(&x->mutex);
}

/* A buffer the writer may fill: not the latest, not held; -1 before configure. */
int tm_acquire(tm_exchange *x, uintptr_t *address) {
    int found = -1;
    pthread_mutex_lock(&x->mutex);
    for (int i = 0; i < x->count; i++) {
        if (i != x->latest && x->held[i] == 0) { found = i; break; }
    }
    if (found < 0) {
        /* Only with two readers holding two pictures: overwrite the oldest held one rather
           than stall the decoder. */
        for (int i = 0; i < x->count; i++) {
            if (i != x->latest) { found = i; break; }
        }
    }
    if (found >= 0) *address = x->addresses[found];
    pthread_mutex_unlock(&x->mutex);
    return found;
}

void tm_publish_at(tm_exchange *x, int index, double now) {
    pthread_mutex_lock(&x->mutex);
    if (index < 0 || index >= x->count) {
        pthread_mutex_unlock(&x->mutex);
        return;
    }
    int latest = x->latest;
    double gap = now - x->published_at;
    x->published_at = now;
    if (latest >= 0 && latest != index) {
        if (x->suspect || gap >= x->redraw_gap_s || x->unchecked >= x->check_every) {
            x->unchecked = 0;
            x->suspect = memcmp((const void *)x->addresses[index],
                                (const void *)x->addresses[latest], x->bytes) == 0;
            if (x->suspect) {
                pthread_mutex_unlock(&x->mutex);
                return;
            }
        } else {
            x->unchecked++;
        }
    }
    x->latest = index;
    x->counter++;
    pthread_mutex_unlock(&x->mutex);
}

static double monotonic_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* libvlc_video_lock_cb: the picture id is the buffer index + 1 (NULL means no picture). */
void *tm_lock(void *opaque, void **planes) {
    uintptr_t address = 0;
    int index = tm_acquire((tm_exchange *)opaque, &address);
    planes[0] = (void *)address;
    return (void *)(intptr_t)(index + 1);
}

/* libvlc_video_display_cb */
void tm_display(void *opaque, void *picture) {
    intptr_t id = (intptr_t)picture;
    if (id > 0) tm_publish_at((tm_exchange *)opaque, (int)(id - 1), monotonic_now());
}

/* A reader takes the latest picture: its index (-1 for none) and the generation to hand back
   to tm_release. */
int tm_hold(tm_exchange *x, uint64_t *generation) {
    pthread_mutex_lock(&x->mutex);
    int index = x->latest;
    if (index >= 0) x->held[index]++;
    *generation = x->generation;
    pthread_mutex_unlock(&x->mutex);
    return index;
}

void tm_release(tm_exchange *x, int index, uint64_t generation) {
    pthread_mutex_lock(&x->mutex);
    if (generation == x->generation && index >= 0 && index < TM_BUFFERS && x->held[index] > 0)
        x->held[index]--;
    pthread_mutex_unlock(&x->mutex);
}

int tm_latest(tm_exchange *x) {
    pthread_mutex_lock(&x->mutex);
    int latest = x->latest;
    pthread_mutex_unlock(&x->mutex);
    return latest;
}

uint64_t tm_counter(tm_exchange *x) {
    pthread_mutex_lock(&x->mutex);
    uint64_t counter = x->counter;
    pthread_mutex_unlock(&x->mutex);
    return counter;
}

void tm_add(tm_exchange *x, uint64_t pictures) {
    pthread_mutex_lock(&x->mutex);
    x->counter += pictures;
    pthread_mutex_unlock(&x->mutex);
}

/*
 * libvlc's log callback. libvlc calls it for every message of every level on its own threads:
 * about two hundred debug lines each time a player starts or stops. A Python callback has to
 * take the interpreter lock for each, even to drop it, and a page of sixteen players starting
 * then contends with the GUI thread thousands of times. Here lines below the chosen level are
 * dropped without Python; the rest are formatted and handed to the sink (a Python callback).
 */
#include <stdarg.h>
#include <stdio.h>

#define TM_LOG_LINE 1024

typedef void (*tm_log_sink)(int level, const char *line);

static tm_log_sink log_sink = NULL;
static int log_min_level = 3; /* LIBVLC_WARNING */

void tm_log_route(tm_log_sink sink, int min_level) {
    __atomic_store_n(&log_min_level, min_level, __ATOMIC_RELEASE);
    __atomic_store_n(&log_sink, sink, __ATOMIC_RELEASE);
}

void tm_log(void *data, int level, const void *context, const char *fmt, va_list args) {
    (void)data;
    (void)context;
    if (level < __atomic_load_n(&log_min_level, __ATOMIC_ACQUIRE)) return;
    tm_log_sink sink = __atomic_load_n(&log_sink, __ATOMIC_ACQUIRE);
    if (sink == NULL) return;
    char line[TM_LOG_LINE];
    vsnprintf(line, sizeof line, fmt, args);
    sink(level, line);
}
