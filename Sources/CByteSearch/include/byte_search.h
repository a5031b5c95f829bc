#ifndef OTLINT_BYTE_SEARCH_H
#define OTLINT_BYTE_SEARCH_H

#include <stddef.h>

/// The C library's `memmem` (a GNU and BSD extension that Swift's C library module does not export): the first
/// occurrence of `needle` in `haystack`, or NULL.
const void *otlint_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
