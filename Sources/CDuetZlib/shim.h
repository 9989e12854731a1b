// The system's zlib (Debian: zlib1g-dev), for the EPUBs' deflate and CRC-32. Foundation links libz
// already, so this adds no library to the binary.
#include <zlib.h>
