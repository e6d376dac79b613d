/* Preloaded before libfaketime by tools/clock/run.sh.
 *
 * libfaketime 0.9.10 (Debian 12) fails clock_nanosleep() with EINVAL when the monotonic clock is left
 * real (FAKETIME_DONT_FAKE_MONOTONIC=1), and Python 3.11's time.sleep() sleeps with
 * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME): every sleep raised OSError. Faking the monotonic
 * clock instead hangs timed lock waits. Sleeping is measured on the real monotonic clock either way,
 * so this hands the call straight to the kernel. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *request, struct timespec *remain) {
    /* The libc call returns the error number instead of setting errno. */
    return syscall(SYS_clock_nanosleep, clock, flags, request, remain) == 0 ? 0 : errno;
}
