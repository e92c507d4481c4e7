// A hint to the CPU that a memory location will be read soon (the compiler's __builtin_prefetch).
static inline void lede_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
