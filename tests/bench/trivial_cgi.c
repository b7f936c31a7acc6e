/* The floor of a CGI request: a static C program that prints the bytes folio prints for the same
 * request. RESPONSE_H names a header, written by run.sh, defining `response` (those bytes). */
#include <unistd.h>
#include RESPONSE_H

int main(void) {
    const char *p = response;
    size_t left = sizeof response - 1;
    while (left > 0) {
        ssize_t n = write(1, p, left);
        if (n <= 0) return 1;
        p += n;
        left -= (size_t)n;
    }
    return 0;
}
