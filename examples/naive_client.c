/*
 * The classic daytime client, as countless samples write it: one connect, ONE read into a
 * 1024-byte buffer, no timeout. It works against a well-behaved server on a quiet network, and
 * breaks on a reply that arrives in fragments, runs longer than the buffer, or never comes.
 * daytime-harness check-client shows exactly where.
 *
 *   cc -o naive_client examples/naive_client.c && ./naive_client 127.0.0.1 13
 */
#include <arpa/inet.h>
#include <netdb.h>
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
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        fprintf(stderr, "cannot resolve %s\n", argv[1]);
        return 1;
    }
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        perror("connect");
        return 1;
    }
    char buf[1024];
    ssize_t n = read(fd, buf, sizeof buf); /* the bug: one read, no deadline */
    if (n < 0) {
        perror("read");
        return 1;
    }
    fwrite(buf, 1, (size_t) n, stdout);
    close(fd);
    return 0;
}
