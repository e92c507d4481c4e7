// glibc's allocator tuning (mallopt, M_ARENA_MAX), on Linux.
#ifdef __linux__
#include <malloc.h>
#endif
