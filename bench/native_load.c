/*
 * A native epoll load generator for daytime servers, the yardstick for `daytime-harness load`:
 * keeps N connections in flight (connect, read to EOF, close with SO_LINGER 0 so no TIME_WAIT or
 * conntrack entry lingers), for a bounded time after an uncounted warm-up, and prints one JSON line:
 *   {"rate": R, "p50Millis": A, "p99Millis": B, "errors": E, "exchanges": X}
 * rate, percentiles and errors cover the counted interval only; exchanges is every completed
 * exchange from the first connect to the end, warm-up included, so that a server's CPU time read
 * before and after the whole run can be divided by what it served in that time.
 *   cc -O2 -o native_load bench/native_load.c && ./native_load 127.0.0.1 1300 32 10 [WARMUP] [udp]
 * With "udp", each of the N sockets is a connected UDP socket with one one-byte request outstanding
 * (resent after 1 s without a reply), the same shape as `daytime-harness load --udp`.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FD 65536
#define MAX_SAMPLES 20000000

static double started[MAX_FD];
static int fds[MAX_FD], nfds;
static long got[MAX_FD];
static float *samples;
static long nsamples, errors, exchanges;
static struct sockaddr_in target;
static int ep, udp;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void open_one(void) {
    int fd = socket(AF_INET, (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK, 0);
    if (fd < 0 || fd >= MAX_FD) {
        errors++;
        if (fd >= 0) close(fd);
        return;
    }
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    started[fd] = now();
    got[fd] = 0;
    if (connect(fd, (struct sockaddr *) &target, sizeof target) < 0 && errno != EINPROGRESS) {
        errors++;
        close(fd);
        return;
    }
    if (udp) send(fd, "\n", 1, 0);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    if (udp) fds[nfds++] = fd;
}

/* One reply per request: count it and ask again on the same socket. */
static void udp_reply(int fd, char *buf, size_t size) {
    ssize_t r = recv(fd, buf, size, 0);
    if (r < 0 && errno == EAGAIN) return;
    if (r > 0) exchanges++;
    if (r > 0 && nsamples < MAX_SAMPLES) {
        samples[nsamples++] = (float) ((now() - started[fd]) * 1000.0);
    } else {
        errors++;
    }
    started[fd] = now();
    send(fd, "\n", 1, 0);
}

static int cmp(const void *a, const void *b) {
    float x = *(const float *) a, y = *(const float *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 5 || argc > 7) {
        fprintf(stderr, "usage: %s HOST PORT CONNECTIONS SECONDS [WARMUP_SECONDS] [udp]\n", argv[0]);
        return 2;
    }
    double warmup = argc > 5 ? atof(argv[5]) : 0;
    udp = argc > 6 && strcmp(argv[6], "udp") == 0;
    target.sin_family = AF_INET;
    target.sin_port = htons(atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &target.sin_addr);
    int conns = atoi(argv[3]);
    double start = now() + warmup, end = start + atof(argv[4]);
    int warm = warmup <= 0;
    samples = malloc(sizeof(float) * MAX_SAMPLES);
    ep = epoll_create1(0);
    for (int i = 0; i < conns; i++) open_one();
    struct epoll_event evs[256];
    char buf[4096];
    double resend_check = now() + 1;
    while (now() < end) {
        if (!warm && now() >= start) {  /* what the warm-up saw is not the result */
            warm = 1;
            nsamples = 0;
            errors = 0;
        }
        int n = epoll_wait(ep, evs, 256, 100);
        if (udp && now() >= resend_check) {  /* a lost datagram must not stall its socket */
            for (int i = 0; i < nfds; i++) {
                if (now() - started[fds[i]] > 1) {
                    errors++;
                    started[fds[i]] = now();
                    send(fds[i], "\n", 1, 0);
                }
            }
            resend_check = now() + 1;
        }
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (udp) {
                udp_reply(fd, buf, sizeof buf);
                continue;
            }
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) {
                    got[fd] += r;
                    continue;
                }
                if (r < 0 && errno == EAGAIN) break;
                if (r == 0 && got[fd] > 0) exchanges++;
                if (r == 0 && got[fd] > 0 && nsamples < MAX_SAMPLES) {
                    samples[nsamples++] = (float) ((now() - started[fd]) * 1000.0);
                } else {
                    errors++;
                }
                close(fd);
                open_one();
                break;
            }
        }
    }
    double secs = now() - start;
    qsort(samples, nsamples, sizeof(float), cmp);
    printf("{\"rate\": %.0f, \"p50Millis\": %.3f, \"p99Millis\": %.3f, \"errors\": %ld, \"exchanges\": %ld}\n",
           nsamples / secs, nsamples ? samples[nsamples / 2] : 0.0, nsamples ? samples[(long) (nsamples * 0.99)] : 0.0,
           errors, exchanges);
    return 0;
}
