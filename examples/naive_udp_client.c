/*
 * A naive daytime client over UDP, as samples write it: one datagram out, then ONE blocking
 * recvfrom with no timeout. Having learnt daytime over TCP, where a reply can come in pieces, it
 * then "collects the rest" of the reply for 100 ms and prints every byte it got, unchecked. On a
 * quiet network it works. It hangs for ever when the datagram or its answer is lost, prints the
 * time twice when the network duplicates the answer, and prints a truncated answer as if it were
 * the time, exiting 0. daytime-harness check-client --udp shows exactly where.
 *
 *   cc -o naive_udp_client examples/naive_udp_client.c && ./naive_udp_client 127.0.0.1 13
 */
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    struct addrinfo hints = {0}, *res;
    hints.ai_socktype = SOCK_DGRAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        fprintf(stderr, "cannot resolve %s\n", argv[1]);
        return 1;
    }
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (sendto(fd, "", 0, 0, res->ai_addr, res->ai_addrlen) < 0) {
        perror("sendto");
        return 1;
    }
    char buf[4096];
    ssize_t n = recvfrom(fd, buf, sizeof buf, 0, NULL, NULL); /* the bug: no deadline, never asks again */
    if (n < 0) {
        perror("recvfrom");
        return 1;
    }
    fwrite(buf, 1, (size_t) n, stdout);
    /* The TCP habit: whatever else comes soon must be the rest of the reply. */
    struct pollfd p = {fd, POLLIN, 0};
    while (poll(&p, 1, 100) > 0) {
        n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        fwrite(buf, 1, (size_t) n, stdout);
    }
    close(fd);
    return 0;
}
