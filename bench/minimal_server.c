/*
 * A minimal native daytime server for benchmarks: epoll, accept, write the ctime line, close.
 * It is the yardstick the reference server is measured against, not a product.
 *   cc -O2 -o minimal_server bench/minimal_server.c && ./minimal_server 1301
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 1301;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *) &a, sizeof a) || listen(lfd, 4096)) {
        perror("bind/listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd}, out[64];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    char line[64];
    time_t cached = 0;
    size_t len = 0;
    for (;;) {
        int n = epoll_wait(ep, out, 64, 1000);
        for (int i = 0; i < n; i++) {
            for (;;) {
                int c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
                if (c < 0) {
                    break;
                }
                time_t now = time(NULL);
                if (now != cached) {
                    cached = now;
                    len = strftime(line, sizeof line, "%a %b %e %H:%M:%S %Y\r\n", localtime(&now));
                }
                if (write(c, line, len) < 0) {
                    /* the client left; nothing to do */
                }
                close(c);
            }
        }
    }
}
