// The libcurl functions that Foundation's URLSession calls, each loading libcurl on first use.
//
// FlyingFox (the preview server) imports FoundationNetworking for a proxy handler Duet never
// uses; linked statically, that made libcurl and the 27 libraries it needs a dependency of every
// `duet` process, and loading and relocating them was 7 ms of each run's 15 ms start (an edit's
// build at 2,000 articles is 160 ms). These definitions satisfy the link, so the linker's
// `--as-needed` leaves libcurl out; a process that does reach URLSession loads it then, as the
// dynamic loader would have at start. Handles and enumerations are passed as the pointers and
// ints they are in libcurl's ABI, so no curl header is needed to build this.
#if defined(__linux__)

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// A variadic option's one value is a long, a pointer or a curl_off_t: on LP64 each is passed as
// one 64-bit integer, so it is taken and handed on as a pointer-sized value.
_Static_assert(sizeof(long) == sizeof(void *) && sizeof(long long) == sizeof(void *), "an LP64 target");

static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    void (*easy_cleanup)(void *);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_getinfo)(void *, int, ...);
    int (*easy_pause)(void *, int);
    const char *(*easy_strerror)(int);
    void (*free)(void *);
    void *(*multi_init)(void);
    int (*multi_add_handle)(void *, void *);
    int (*multi_assign)(void *, int, void *);
    int (*multi_cleanup)(void *);
    void *(*multi_info_read)(void *, int *);
    int (*multi_remove_handle)(void *, void *);
    int (*multi_setopt)(void *, int, ...);
    int (*multi_socket_action)(void *, int, int, int *);
    void *(*slist_append)(void *, const char *);
    void (*slist_free_all)(void *);
    void *(*url)(void);
    int (*url_get)(void *, int, char **, unsigned int);
    int (*url_set)(void *, int, const char *, unsigned int);
    char *(*version)(void);
    void *(*version_info)(int);
} curl;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void *resolve(void *library, const char *name) {
    void *function = dlsym(library, name);
    if (function == NULL) {
        fprintf(stderr, "duet: libcurl.so.4 has no %s\n", name);
        abort();
    }
    return function;
}

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "duet: URLSession needs libcurl, which could not be loaded: %s\n", dlerror());
        abort();
    }
    curl.global_init = resolve(library, "curl_global_init");
    curl.easy_init = resolve(library, "curl_easy_init");
    curl.easy_cleanup = resolve(library, "curl_easy_cleanup");
    curl.easy_setopt = resolve(library, "curl_easy_setopt");
    curl.easy_getinfo = resolve(library, "curl_easy_getinfo");
    curl.easy_pause = resolve(library, "curl_easy_pause");
    curl.easy_strerror = resolve(library, "curl_easy_strerror");
    curl.free = resolve(library, "curl_free");
    curl.multi_init = resolve(library, "curl_multi_init");
    curl.multi_add_handle = resolve(library, "curl_multi_add_handle");
    curl.multi_assign = resolve(library, "curl_multi_assign");
    curl.multi_cleanup = resolve(library, "curl_multi_cleanup");
    curl.multi_info_read = resolve(library, "curl_multi_info_read");
    curl.multi_remove_handle = resolve(library, "curl_multi_remove_handle");
    curl.multi_setopt = resolve(library, "curl_multi_setopt");
    curl.multi_socket_action = resolve(library, "curl_multi_socket_action");
    curl.slist_append = resolve(library, "curl_slist_append");
    curl.slist_free_all = resolve(library, "curl_slist_free_all");
    curl.url = resolve(library, "curl_url");
    curl.url_get = resolve(library, "curl_url_get");
    curl.url_set = resolve(library, "curl_url_set");
    curl.version = resolve(library, "curl_version");
    curl.version_info = resolve(library, "curl_version_info");
}

#define LOADED (pthread_once(&loaded, load), &curl)

int curl_global_init(long flags) { return LOADED->global_init(flags); }
void *curl_easy_init(void) { return LOADED->easy_init(); }
void curl_easy_cleanup(void *handle) { LOADED->easy_cleanup(handle); }
int curl_easy_pause(void *handle, int mask) { return LOADED->easy_pause(handle, mask); }
const char *curl_easy_strerror(int code) { return LOADED->easy_strerror(code); }
void curl_free(void *pointer) { LOADED->free(pointer); }
void *curl_multi_init(void) { return LOADED->multi_init(); }
int curl_multi_add_handle(void *multi, void *easy) { return LOADED->multi_add_handle(multi, easy); }
int curl_multi_assign(void *multi, int socket, void *pointer) { return LOADED->multi_assign(multi, socket, pointer); }
int curl_multi_cleanup(void *multi) { return LOADED->multi_cleanup(multi); }
void *curl_multi_info_read(void *multi, int *left) { return LOADED->multi_info_read(multi, left); }
int curl_multi_remove_handle(void *multi, void *easy) { return LOADED->multi_remove_handle(multi, easy); }
int curl_multi_socket_action(void *multi, int socket, int mask, int *running) {
    return LOADED->multi_socket_action(multi, socket, mask, running);
}
void *curl_slist_append(void *list, const char *text) { return LOADED->slist_append(list, text); }
void curl_slist_free_all(void *list) { LOADED->slist_free_all(list); }
void *curl_url(void) { return LOADED->url(); }
int curl_url_get(void *url, int part, char **text, unsigned int flags) { return LOADED->url_get(url, part, text, flags); }
int curl_url_set(void *url, int part, const char *text, unsigned int flags) { return LOADED->url_set(url, part, text, flags); }
char *curl_version(void) { return LOADED->version(); }
void *curl_version_info(int age) { return LOADED->version_info(age); }

// The three variadic calls take one value after the option: taken, and handed on (see above).
#define FORWARD_ONE_VALUE(name, field)                   \
    int name(void *handle, int option, ...) {            \
        va_list values;                                  \
        va_start(values, option);                        \
        void *value = va_arg(values, void *);            \
        va_end(values);                                  \
        return LOADED->field(handle, option, value);     \
    }

FORWARD_ONE_VALUE(curl_easy_setopt, easy_setopt)
FORWARD_ONE_VALUE(curl_easy_getinfo, easy_getinfo)
FORWARD_ONE_VALUE(curl_multi_setopt, multi_setopt)

#endif
