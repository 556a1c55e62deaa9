// Processor-specific versions of hot functions.
#pragma once

// KIN_CLONES_AVX2 compiles a function twice, for processors with AVX2 and for any x86-64, and the
// dynamic loader picks one through an ifunc resolver. Both versions compute the same results.
// Not under ThreadSanitizer, whose runtime is not ready yet when the loader runs resolvers.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(__SANITIZE_THREAD__)
#define KIN_CLONES_AVX2 __attribute__((target_clones("avx2", "default")))
#else
#define KIN_CLONES_AVX2
#endif
