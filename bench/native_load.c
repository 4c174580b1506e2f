/*
 * A native epoll load generator for daytime servers, the yardstick for `daytime-harness load`:
 * keeps N connections in flight (connect, read to EOF, close with SO_LINGER 0 so no TIME_WAIT or
 * conntrack entry lingers), for a bounded time, and prints one JSON line:
 *   {"rate": R, "p50Millis": A, "p99Millis": B, "errors": E}
 *   cc -O2 -o native_load bench/native_load.c && ./native_load 127.0.0.1 1300 32 10
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
static long got[MAX_FD];
static float *samples;
static long nsamples, errors;
static struct sockaddr_in target;
static int ep;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void open_one(void) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
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
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static int cmp(const void *a, const void *b) {
    float x = *(const float *) a, y = *(const float *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s HOST PORT CONNECTIONS SECONDS\n", argv[0]);
        return 2;
    }
    target.sin_family = AF_INET;
    target.sin_port = htons(atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &target.sin_addr);
    int conns = atoi(argv[3]);
    double end = now() + atof(argv[4]), start = now();
    samples = malloc(sizeof(float) * MAX_SAMPLES);
    ep = epoll_create1(0);
    for (int i = 0; i < conns; i++) open_one();
    struct epoll_event evs[256];
    char buf[4096];
    while (now() < end) {
        int n = epoll_wait(ep, evs, 256, 100);
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) {
                    got[fd] += r;
                    continue;
                }
                if (r < 0 && errno == EAGAIN) break;
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
    printf("{\"rate\": %.0f, \"p50Millis\": %.3f, \"p99Millis\": %.3f, \"errors\": %ld}\n", nsamples / secs,
           nsamples ? samples[nsamples / 2] : 0.0, nsamples ? samples[(long) (nsamples * 0.99)] : 0.0, errors);
    return 0;
}
