/* The floor of FastCGI behind lighttpd: a libfcgi (FCGX) responder that answers, from memory,
 * the exact bytes folio answers. $FLOOR_DIR holds them, captured from the real folio by run.sh:
 * "home" for /, "redirect" for /about/, "notfound" for every other path. */
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *load(const char *dir, const char *name, int *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : ".", name);
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size = 0;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0 ||
        !(buf = malloc((size_t)size)) || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        perror(path);
        exit(1);
    }
    fclose(f);
    *len = (int)size;
    return buf;
}

int main(void) {
    const char *dir = getenv("FLOOR_DIR");
    int n[3];
    char *r[3] = {load(dir, "home", &n[0]), load(dir, "redirect", &n[1]), load(dir, "notfound", &n[2])};
    FCGX_Request req;
    if (FCGX_Init() != 0 || FCGX_InitRequest(&req, 0, 0) != 0) return 1;
    while (FCGX_Accept_r(&req) >= 0) {
        const char *uri = FCGX_GetParam("REQUEST_URI", req.envp);
        int i = uri && !strcmp(uri, "/") ? 0 : uri && !strcmp(uri, "/about/") ? 1 : 2;
        FCGX_PutStr(r[i], n[i], req.out);
        FCGX_Finish_r(&req);
    }
    return 0;
}
