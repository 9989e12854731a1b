// The EPUB deflate choices measured (docs/PERFORMANCE.md, "The issue EPUBs"): deflates every file
// named on standard input, one raw-deflate stream reset per file as EpubArchive does, and prints
// the bytes in and out. Count the instructions with callgrind:
//   mkdir x && cd x && for f in SITE/*/issues/*/*.epub; do mkdir -p "$(basename "$f")" && (cd "$(basename "$f")" && unzip -q "$f"); done && cd ..
//   find x -type f \( -name '*.xhtml' -o -name '*.opf' -o -name '*.xml' -o -name '*.css' -o -name '*.svg' \) | sort > list
//   gcc -O2 -o deflate-levels scripts/bench.d/deflate-levels.c -lz
//   valgrind --tool=callgrind --toggle-collect=deflate --toggle-collect=deflateReset ./deflate-levels LEVEL MEMLEVEL < list
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int main(int argc, char **argv) {
    int level = argc > 1 ? atoi(argv[1]) : 1;
    int memLevel = argc > 2 ? atoi(argv[2]) : 8;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, level, Z_DEFLATED, -15, memLevel, Z_DEFAULT_STRATEGY) != Z_OK) return 1;
    static unsigned char input[1 << 24], output[1 << 25];
    char path[4096];
    size_t in = 0, out = 0;
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *file = fopen(path, "rb");
        if (!file) return 1;
        size_t count = fread(input, 1, sizeof input, file);
        fclose(file);
        deflateReset(&stream);
        stream.next_in = input;
        stream.avail_in = (uInt)count;
        stream.next_out = output;
        stream.avail_out = sizeof output;
        if (deflate(&stream, Z_FINISH) != Z_STREAM_END) return 1;
        in += count;
        out += sizeof output - stream.avail_out;
    }
    printf("level %d, memLevel %d: %zu -> %zu bytes\n", level, memLevel, in, out);
    deflateEnd(&stream);
    return 0;
}
